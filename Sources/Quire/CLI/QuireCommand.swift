import ArgumentParser
import Foundation
import QuireStore

/// The `quire` command line, in WP-CLI's habits.
public struct QuireCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "A WordPress REST API server.",
        subcommands: [ServeCommand.self, UserCommand.self, OptionCommand.self, OpenAPICommand.self, ExportCommand.self, ImportCommand.self,
                      DatabaseCommand.self]
    )

    public init() {}
}

/// Options every command that opens the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: [.customLong("database"), .customLong("db")],
            help: "The database: an SQLite file, or postgres://USER:PASSWORD@HOST:PORT/NAME (default: $QUIRE_DATABASE_URL, else ./quire.sqlite).")
    var given: String?

    /// The database named on the command line, else by `QUIRE_DATABASE_URL`, else the SQLite file in this folder.
    var database: String { given ?? ProcessInfo.processInfo.environment["QUIRE_DATABASE_URL"] ?? "./quire.sqlite" }

    /// Where uploads are kept: `QUIRE_UPLOADS_DIR`, else `wp-content/uploads` beside an SQLite
    /// file, or in the current folder for a PostgreSQL database.
    var uploads: URL {
        if let dir = ProcessInfo.processInfo.environment["QUIRE_UPLOADS_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if PostgresLocation.isURL(database) { return URL(fileURLWithPath: "wp-content/uploads") }
        return QuireSite.defaultUploads(databasePath: database)
    }
}

import Synchronization

/// The plugins the running executable was built with.
enum InstalledPlugins {
    static let list = Mutex<[any QuirePlugin]>([])
    static var current: [any QuirePlugin] { list.withLock { $0 } }
}

extension QuireCommand {
    /// Parses the process's arguments and runs the chosen command, with the given plugins
    /// registered into the site (a plugin's own executable passes its plugins here).
    public static func runFromCommandLine(_ arguments: [String]? = nil, plugins: [any QuirePlugin] = []) async {
        InstalledPlugins.list.withLock { $0 = plugins }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
