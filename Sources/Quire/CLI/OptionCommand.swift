import ArgumentParser
import QuireREST
import QuireStore

struct OptionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "option", abstract: "Read and change site options.",
                                                    subcommands: [Get.self, Update.self])

    struct Get: AsyncParsableCommand {
        @Argument var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                guard let value = try await store.option(name) else { throw CLIError("Error: Could not get '\(name)' option. Does it exist?") }
                print(value.stringValue ?? JSONEncoding.encodeString(value))
            }
        }
    }

    struct Update: AsyncParsableCommand {
        @Argument var name: String
        @Argument var value: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                let parsed: JSON = Int(value).map { .int($0) } ?? .string(value)
                try await store.setOptions([(name, parsed)])
                print("Success: Updated '\(name)' option.")
            }
        }
    }
}

/// A one-line error for stderr and a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Opens the store for a command, reports errors on one line, and closes it.
func withStore(_ options: DatabaseOptions, _ body: (SQLContentStore) async throws -> Void) async throws {
    try await withStore(options.database, body)
}

/// Opens the store `database` names (an SQLite file or a postgres:// URL) for `body`; an
/// error opening it or in `body` is one line on stderr and a failing exit. Inside another
/// `withStore`, a failure already reported passes through unreported again.
func withStore(_ database: String, _ body: (SQLContentStore) async throws -> Void) async throws {
    let store: SQLContentStore
    do {
        store = try await SQLContentStore.open(database)
    } catch {
        FileHandleOutput.stderr("Error: \(error)")
        throw ExitCode.failure
    }
    do {
        try await body(store)
        await store.shutdown()
    } catch let e as ExitCode {
        await store.shutdown()
        throw e
    } catch let e as CLIError {
        await store.shutdown()
        FileHandleOutput.stderr(e.description)
        throw ExitCode.failure
    } catch {
        await store.shutdown()
        FileHandleOutput.stderr("Error: \(error)")
        throw ExitCode.failure
    }
}

import Foundation

enum FileHandleOutput {
    static func stderr(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
