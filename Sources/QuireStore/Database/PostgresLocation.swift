import Foundation

/// Where a PostgreSQL database is, read from a URL such as
/// `postgres://user:password@host:5432/database` (`postgresql://` too).
///
/// ```swift
/// let location = try PostgresLocation(url: "postgres://quire:secret@db.internal/site")
/// location.database   // "site"
/// location.redacted   // "postgres://quire:***@db.internal:5432/site"
/// ```
public struct PostgresLocation: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    /// True when `text` names a PostgreSQL database rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    public init(url: String) throws {
        guard Self.isURL(url), let parts = URLComponents(string: url) else {
            throw Invalid(url: url, reason: "it is not a postgres:// URL")
        }
        guard let host = parts.host, !host.isEmpty else { throw Invalid(url: url, reason: "it names no host") }
        guard let user = parts.user, !user.isEmpty else { throw Invalid(url: url, reason: "it names no user") }
        let database = String(parts.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw Invalid(url: url, reason: "it names no database (…/NAME at its end)") }
        if let port = parts.port, !(1...65535).contains(port) { throw Invalid(url: url, reason: "its port is out of range") }
        self.init(host: host, port: parts.port ?? 5432, user: user.removingPercentEncoding ?? user,
                  password: parts.password.map { $0.removingPercentEncoding ?? $0 },
                  database: database.removingPercentEncoding ?? database)
    }

    /// The URL, with the password hidden: what logs and error messages show.
    public var redacted: String {
        "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }

    /// The URL of another database on the same server, as the same user.
    public func database(_ name: String) -> PostgresLocation {
        var other = self
        other.database = name
        return other
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let url: String
        public let reason: String
        public var description: String { "cannot use \(url.split(separator: "@").last.map { "…@\($0)" } ?? url) as a database: \(reason)" }
    }
}

import PostgresNIO

extension PostgresLocation {
    /// Runs one statement outside any transaction, on a connection of its own: what
    /// `CREATE DATABASE` and `DROP DATABASE` need.
    public func runOutsideTransaction(_ statement: String) async throws {
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                             database: database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: PostgresProvider.log)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: PostgresProvider.log)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
