import ArgumentParser
import Foundation
import QuireStore

/// `quire db`: work on a site's database as a whole.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "db", abstract: "Work on a site's database as a whole.",
                                                    subcommands: [Copy.self])

    /// `quire db copy --from A --to B`: moves a site between databases (SQLite files and
    /// PostgreSQL URLs, either way), in one transaction of the target.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a whole site to another database (an SQLite file or a postgres:// URL), ids and all.")
        @Option(help: "The database to copy from.") var from: String
        @Option(help: "The database to copy to; created when it is an SQLite file that does not exist.") var to: String
        @Flag(help: "Replace the site the target already holds.") var force = false

        func run() async throws {
            // Opening an SQLite file that is not there would make an empty one to copy.
            if !PostgresLocation.isURL(from) && !FileManager.default.fileExists(atPath: from) {
                FileHandleOutput.stderr("Error: there is no database at \(from)")
                throw ExitCode.failure
            }
            try await withStore(from) { source in
                try await withStore(to) { target in
                    let bar = ProgressBar()
                    try await SiteCopy.copy(from: source, to: target, replacing: force) { table, done, total in bar.show(table, done, total) }
                    print("Success: Copied the site to \(PostgresLocation.isURL(to) ? ((try? PostgresLocation(url: to))?.redacted ?? to) : to).")
                }
            }
        }
    }
}

/// A one-line progress bar on stderr, redrawn in place on a terminal and printed once per
/// table elsewhere.
final class ProgressBar: Sendable {
    private let terminal = isatty(2) == 1

    func show(_ table: String, _ done: Int, _ total: Int) {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let line = "\(table.padding(toLength: 22, withPad: " ", startingAt: 0)) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)"
        if terminal {
            FileHandle.standardError.write(Data(("\r" + line).utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else if done == total {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

}
