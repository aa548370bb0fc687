import ArgumentParser
import Foundation
import QuireAuth
import QuireREST
import QuireStore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users.",
        subcommands: [Create.self, List.self, Delete.self, ApplicationPasswordCommand.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user.")
        @Argument var login: String
        @Argument var email: String
        @Option(name: .customLong("role")) var role = "subscriber"
        @Option(name: .customLong("user_pass")) var userPass: String?
        @Flag var porcelain = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                guard Roles.names.contains(role) else { throw CLIError("Error: Invalid role: \(role)") }
                if try await store.user(login: login) != nil { throw CLIError("Error: The '\(login)' username is already registered.") }
                if try await store.user(email: email) != nil { throw CLIError("Error: The '\(email)' email address has already been used.") }
                let password = userPass ?? ApplicationPasswords.generate()
                let user = try await store.insertUser(User(login: login, passwordHash: PasswordHasher.hash(password), email: email,
                                                           registered: WPDate.format(Date()), roles: [role]))
                if porcelain { print(user.id) } else {
                    print("Success: Created user \(user.id).")
                    if userPass == nil { print("Password: \(password)") }
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                var q = UserQuery()
                q.limit = 10_000
                q.orderBy = "id"
                print(["ID", "user_login", "display_name", "user_email", "user_registered", "roles"].joined(separator: "\t"))
                for u in try await store.users(q).users {
                    print([String(u.id), u.login, u.displayName, u.email, u.registered, u.roles.joined(separator: ",")].joined(separator: "\t"))
                }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a user.")
        @Argument var login: String
        @Option var reassign: Int?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                guard let user = try await store.user(login: login) ?? Int(login).flatMap({ _ in nil }) else {
                    throw CLIError("Error: Invalid user ID, email or login: '\(login)'")
                }
                if let to = reassign, try await store.user(id: to) == nil { throw CLIError("Error: Invalid user ID: \(to)") }
                try await store.deleteUser(id: user.id, reassignTo: reassign)
                print("Success: Removed user \(user.id).")
            }
        }
    }
}

struct ApplicationPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "application-password", abstract: "Manage a user's application passwords.",
        subcommands: [Create.self, List.self, Delete.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an application password.")
        @Argument var login: String
        @Argument var appName: String
        @Flag var porcelain = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                guard let user = try await store.user(login: login) else { throw CLIError("Error: Invalid user ID, email or login: '\(login)'") }
                let (_, password) = try await ApplicationPasswords.create(for: user.id, name: appName, in: store)
                if porcelain { print(password) } else { print("Success: Created application password.\nPassword: \(password)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List application passwords.")
        @Argument var login: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                guard let user = try await store.user(login: login) else { throw CLIError("Error: Invalid user ID, email or login: '\(login)'") }
                print(["uuid", "app_id", "name", "created", "last_used", "last_ip"].joined(separator: "\t"))
                for p in try await store.applicationPasswords(userID: user.id) {
                    print([p.uuid, p.appID, p.name, String(p.created), p.lastUsed.map { String($0) } ?? "", p.lastIP ?? ""].joined(separator: "\t"))
                }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an application password.")
        @Argument var login: String
        @Argument var uuid: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withStore(database) { store in
                guard let user = try await store.user(login: login) else { throw CLIError("Error: Invalid user ID, email or login: '\(login)'") }
                guard try await store.applicationPasswords(userID: user.id).contains(where: { $0.uuid == uuid }),
                      try await store.deleteApplicationPassword(uuid: uuid) else {
                    throw CLIError("Error: Invalid application password UUID: \(uuid)")
                }
                print("Success: Deleted application password.")
            }
        }
    }
}
