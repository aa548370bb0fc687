import ArgumentParser

/// The `quire` command line, in WP-CLI's habits.
public struct QuireCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "A WordPress REST API server.",
        subcommands: [ServeCommand.self, UserCommand.self, OptionCommand.self]
    )

    public init() {}
}

/// Options every command that opens the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The SQLite database file.")
    var db = "./quire.sqlite"
}

extension QuireCommand {
    /// Parses the process's arguments and runs the chosen command.
    public static func runFromCommandLine(_ arguments: [String]? = nil) async {
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
