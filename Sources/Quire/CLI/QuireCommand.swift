import ArgumentParser

/// The `quire` command line, in WP-CLI's habits.
public struct QuireCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "A WordPress REST API server.",
        subcommands: [ServeCommand.self, UserCommand.self, OptionCommand.self, OpenAPICommand.self, ExportCommand.self, ImportCommand.self]
    )

    public init() {}
}

/// Options every command that opens the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The SQLite database file.")
    var db = "./quire.sqlite"
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
