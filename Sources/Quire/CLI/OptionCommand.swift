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
    let store = try await SQLContentStore.open(options.database)
    do {
        try await body(store)
        await store.shutdown()
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
