import ArgumentParser
import Foundation
import QuireStore
import QuireWPV2

/// `quire export wxr [--post_type …] > site.xml`: the site as a WordPress export file.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the site.", subcommands: [WXR.self])

    struct WXR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "wxr",
                                                        abstract: "Write the site as WordPress eXtended RSS 1.2 on standard output.")
        @Option(name: .customLong("post_type"), help: "Only posts of these types (repeat the option for several).")
        var postTypes: [String] = []
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                var registrar = PluginRegistrar(store: store)
                for plugin in InstalledPlugins.current { plugin.register(&registrar) }
                let options = try await store.allOptions()
                let export = WXRExport(store: store, types: registrar.types,
                                       siteURL: options["home"]?.stringValue ?? options["siteurl"]?.stringValue ?? "",
                                       siteName: options["blogname"]?.stringValue ?? "",
                                       siteDescription: options["blogdescription"]?.stringValue ?? "",
                                       postTypes: postTypes.isEmpty ? nil : postTypes)
                let output = FileHandle.standardOutput
                try await export.write { output.write(Data($0.utf8)) }
            }
        }
    }
}
