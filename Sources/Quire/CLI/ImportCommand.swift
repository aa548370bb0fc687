import ArgumentParser
import Foundation
import QuireStore
import QuireWPV2

/// `quire import wxr FILE [--uploads DIR] [--authors create|map]`: a WordPress export into the site.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import content.", subcommands: [WXR.self])

    struct WXR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "wxr",
            abstract: "Import a WordPress export (WXR) file.",
            discussion: """
                Authors, terms, posts of every type, attachments, comments, meta, sticky posts and menus are \
                imported in one transaction: if the file is malformed, nothing is. Running it again imports \
                only what is not there yet. A new database is first installed as an empty site.
                """)

        @Argument(help: "The export file.") var file: String
        @Option(help: "The old site's uploads folder (wp-content/uploads), to copy attachments' files from.") var uploads: String?
        @Option(help: "create: make users for authors this site lacks; map: match authors to existing users by login or email.")
        var authors: WXRImport.Authors = .create
        @Option(help: "The site's URL, when the database is new.") var url = "http://127.0.0.1:8080"
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let file = URL(fileURLWithPath: self.file)
            guard FileManager.default.isReadableFile(atPath: file.path) else { throw ValidationError("Cannot read \(self.file).") }
            try await withStore(database) { store in
                if try await SiteInstaller.needsInstall(store) {
                    let given = ProcessInfo.processInfo.environment["QUIRE_ADMIN_PASSWORD"]
                    let password = try await SiteInstaller.install(store, url: url, adminPassword: given, sampleContent: false)
                    if given == nil { print("Created an empty site. Administrator: admin, password: \(password)") }
                }
                var registrar = PluginRegistrar(store: store)
                for plugin in InstalledPlugins.current { plugin.register(&registrar) }
                let siteURL = try await store.option("home")?.stringValue ?? url
                let library = MediaLibrary(root: database.uploads)
                let importer = WXRImport(store: store, types: registrar.types, library: library, siteURL: siteURL,
                                         uploadsSource: uploads.map { URL(fileURLWithPath: $0) }, authors: authors)
                let progress = ImportProgress(total: WXRItemCount.count(in: file))
                let summary: WXRImportSummary
                do {
                    summary = try await importer.run(file: file) { progress.show($0.items) }
                } catch let error as WXRReadError {
                    progress.end()
                    throw CLIError("\(self.file), \(error). Nothing was imported.")
                }
                progress.end()
                print(summary)
            }
        }
    }
}

extension WXRImport.Authors: ExpressibleByArgument {}
