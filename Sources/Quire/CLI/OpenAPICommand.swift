import ArgumentParser
import Foundation
import QuireOpenAPI

/// `quire openapi`: prints the OpenAPI 3.1 document the server answers at `/wp-json/quire/v1/openapi`.
struct OpenAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "openapi",
                                                    abstract: "Print the OpenAPI 3.1 document of every route, plugins' included.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The site's public URL (default: the site's own).") var url: String?

    func run() async throws {
        try await withStore(database) { store in
            let site = try await QuireSite.make(store: store, url: url, plugins: InstalledPlugins.current,
                                                uploads: database.uploads, cache: false)
            let bytes = try OpenAPIDocument.json(routes: site.server.routes, site: site.server.site)
            FileHandle.standardOutput.write(Data(bytes + [10]))
        }
    }
}
