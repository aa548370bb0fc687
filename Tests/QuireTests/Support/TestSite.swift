import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Quire
import QuireHTTP
import QuireAuth
import QuireREST
import QuireStore
import QuireWPV2

/// The databases the route tests run on: SQLite always, and PostgreSQL too when
/// `QUIRE_TEST_POSTGRES_URL` names a server where its user may create databases
/// (`.ci/run` starts one with `Tests/postgres/start`). `QUIRE_TEST_DATABASES=postgresql`
/// runs them on PostgreSQL alone.
enum TestDatabase: String, Sendable, CaseIterable {
    case sqlite, postgresql

    static let server: PostgresLocation? = ProcessInfo.processInfo.environment["QUIRE_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : try? PostgresLocation(url: $0) }

    static let all: [TestDatabase] = {
        let chosen = ProcessInfo.processInfo.environment["QUIRE_TEST_DATABASES"]?.split(separator: ",").compactMap { TestDatabase(rawValue: String($0)) }
        return (chosen.flatMap { $0.isEmpty ? nil : $0 } ?? allCases).filter { $0 == .sqlite || server != nil }
    }()

    /// Opens a new, empty store of this kind for a test; `folder` holds an SQLite file.
    func openStore(in folder: URL) async throws -> (SQLContentStore, PostgresLocation?) {
        switch self {
        case .sqlite:
            return (try await SQLContentStore.openSQLite(path: folder.appendingPathComponent("site.sqlite").path), nil)
        case .postgresql:
            guard let server = Self.server else { throw RESTError("no_postgres", "QUIRE_TEST_POSTGRES_URL is not set") }
            let template = try await Self.template.value
            let name = "quire_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await server.runOutsideTransaction("CREATE DATABASE \(name) TEMPLATE \(template)")
            let location = server.database(name)
            return (try await SQLContentStore.openPostgres(location), location)
        }
    }

    /// Drops a database a test made on the test server, its connections and all.
    static func drop(_ database: PostgresLocation?) async {
        guard let database, let server else { return }
        try? await server.runOutsideTransaction("DROP DATABASE IF EXISTS \(database.database) WITH (FORCE)")
    }

    /// A database with every migration applied, made once per test run: each test's database
    /// is a copy of it, which PostgreSQL makes far faster than migrating a new one.
    static let template = Task<String, any Error> {
        guard let server else { throw RESTError("no_postgres", "QUIRE_TEST_POSTGRES_URL is not set") }
        let name = "quire_template_\(ProcessInfo.processInfo.processIdentifier)_\(Int(Date().timeIntervalSince1970))"
        try await server.runOutsideTransaction("CREATE DATABASE \(name)")
        let store = try await SQLContentStore.openPostgres(server.database(name))
        await store.shutdown()
        return name
    }

    /// How many PostgreSQL sites tests hold at once: more only queue for the two cores.
    static let postgresSites = TestSemaphore(8)
}

/// At most `limit` holders at once; the rest wait their turn.
actor TestSemaphore {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) { free = limit }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// A fresh site on a real database (an SQLite file in a temporary folder, or a new PostgreSQL
/// database), with one user per role, each with an application password.
struct TestSite {
    let directory: URL
    let database: TestDatabase
    /// The PostgreSQL database made for this site, dropped when it closes.
    let postgres: PostgresLocation?
    let site: QuireSite
    var store: SQLContentStore { site.store }
    var uploads: URL { site.uploads }
    /// login → (user id, application password)
    let credentials: [String: (id: Int, password: String)]

    static let url = "http://127.0.0.1:8080"

    static func make(roleUsers: Bool = true, plugins: [any QuirePlugin] = [], imageResizer: ImageResizer = .detect(),
                     adminAppName: String = "tests", adminPassword: String = "admin-password",
                     signInLimits: SignInThrottle.Limits = .init(), sampleContent: Bool = true,
                     database: TestDatabase = .sqlite) async throws -> TestSite {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quire-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let (store, postgres) = try await database.openStore(in: dir)
        try await SiteInstaller.install(store, url: url, adminPassword: adminPassword, sampleContent: sampleContent)
        var creds: [String: (Int, String)] = [:]
        let (_, adminPW) = try await ApplicationPasswords.create(for: 1, name: adminAppName, in: store)
        creds["admin"] = (1, adminPW)
        for role in roleUsers ? ["editor", "author", "contributor", "subscriber"] : [] {
            let u = try await store.insertUser(User(login: role, passwordHash: PasswordHasher.hash("pw-\(role)"),
                                                    email: "\(role)@example.com", registered: WPDate.format(Date()),
                                                    roles: [role]))
            let (_, pw) = try await ApplicationPasswords.create(for: u.id, name: "tests", in: store)
            creds[role] = (u.id, pw)
        }
        let site = try await QuireSite.make(store: store, url: url, plugins: plugins,
                                            uploads: dir.appendingPathComponent("uploads"), maxUploadSize: 200_000,
                                            imageResizer: imageResizer, signInLimits: signInLimits)
        return TestSite(directory: dir, database: database, postgres: postgres, site: site, credentials: creds)
    }

    func close() async {
        await store.shutdown()
        try? FileManager.default.removeItem(at: directory)
        await TestDatabase.drop(postgres)
    }

    var application: some ApplicationProtocol { QuireApplication.make(server: site.server, uploads: site.uploads) }

    func authorization(_ login: String) -> String {
        let pw = credentials[login]!.password
        return "Basic " + Data("\(login):\(pw)".utf8).base64EncodedString()
    }

    /// Runs `body` with a client of the site's real HTTP application, then closes the site:
    /// once on each of ``TestDatabase/all``, each time on a new site.
    static func with<T: Sendable>(roleUsers: Bool = true, plugins: [any QuirePlugin] = [], imageResizer: ImageResizer = .detect(),
                                  adminAppName: String = "tests", adminPassword: String = "admin-password", live: Bool = false,
                                  signInLimits: SignInThrottle.Limits = .init(), sampleContent: Bool = true,
                                  databases: [TestDatabase] = TestDatabase.all,
                                  _ body: @Sendable (TestSite, any TestClientProtocol) async throws -> T) async throws -> T {
        var result: T?
        for database in databases where TestDatabase.all.contains(database) {
            if database == .postgresql { await TestDatabase.postgresSites.acquire() }
            defer { if database == .postgresql { Task { await TestDatabase.postgresSites.release() } } }
            let site = try await make(roleUsers: roleUsers, plugins: plugins, imageResizer: imageResizer,
                                      adminAppName: adminAppName, adminPassword: adminPassword, signInLimits: signInLimits,
                                      sampleContent: sampleContent, database: database)
            do {
                // `live` serves on a loopback port, so requests come with a client address as they do in production.
                result = try await site.application.test(live ? .live : .router) { client in try await body(site, client) }
                await site.close()
            } catch {
                await site.close()
                throw DatabaseFailure(database: database, underlying: error)
            }
        }
        guard let result else { throw RESTError("no_database", "none of \(databases.map(\.rawValue)) is among the test databases") }
        return result
    }

    /// A new, empty, migrated database of `kind` (no site installed), for copies.
    struct EmptyStore: Sendable {
        let store: SQLContentStore
        let database: TestDatabase
        let postgres: PostgresLocation?
        func close() async {
            await store.shutdown()
            await TestDatabase.drop(postgres)
        }
    }

    static func emptyStore(_ kind: TestDatabase, in folder: URL) async throws -> EmptyStore {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (store, postgres) = try await kind.openStore(in: folder)
        return EmptyStore(store: store, database: kind, postgres: postgres)
    }

    /// This site's users and passwords over another store (a copy of this one's database).
    func sharing(_ other: SQLContentStore, signInLimits: SignInThrottle.Limits = .init()) async throws -> TestSite {
        let server = try await QuireSite.make(store: other, url: Self.url, uploads: uploads, maxUploadSize: 200_000,
                                              signInLimits: signInLimits)
        return TestSite(directory: directory, database: database, postgres: nil, site: server, credentials: credentials)
    }

    /// Another store on this site's database, as another process or server opens it.
    func openAnotherStore() async throws -> SQLContentStore {
        if let postgres { return try await SQLContentStore.openPostgres(postgres) }
        return try await SQLContentStore.openSQLite(path: directory.appendingPathComponent("site.sqlite").path)
    }

    /// A test's failure, with the database it failed on.
    struct DatabaseFailure: Error, CustomStringConvertible {
        let database: TestDatabase
        let underlying: any Error
        var description: String { "on \(database.rawValue): \(underlying)" }
    }
}

/// A response as a test reads it.
struct Reply: Sendable {
    let status: Int
    let headers: [(String, String)]
    let json: JSON
    /// The body as it came.
    var text = ""

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}

extension TestClientProtocol {
    func call(_ method: String, _ uri: String, as login: String? = nil, site: TestSite, json body: JSON? = nil,
              headers extra: [(String, String)] = [], body raw: [UInt8]? = nil) async throws -> Reply {
        var fields = HTTPFields()
        if let login { fields.append(HTTPField(name: .authorization, value: site.authorization(login))) }
        for (n, v) in extra { fields.append(HTTPField(name: HTTPField.Name(n)!, value: v)) }
        var buffer: ByteBuffer? = raw.map { ByteBuffer(bytes: $0) }
        if let body {
            fields.append(HTTPField(name: .contentType, value: "application/json"))
            buffer = ByteBuffer(bytes: JSONEncoding.encode(body))
        }
        let r = try await execute(uri: uri, method: HTTPRequest.Method(method)!, headers: fields, body: buffer)
        let text = String(buffer: r.body)
        let json = text.isEmpty ? JSON.null : ((try? JSONParser.parse(text)) ?? .string(text))
        return Reply(status: Int(r.status.code), headers: r.headers.map { ($0.name.canonicalName, $0.value) }, json: json, text: text)
    }
}

/// Reads the WordPress samples copied into the test bundle.
enum Samples {
    static func load(_ name: String) throws -> JSON {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("samples/\(name).json")
        return try JSONParser.parse(Array(try Data(contentsOf: url)))
    }
}

/// Compares the shape of two JSON values as a client sees it: the same keys at every level
/// and the same kinds of values (ids, dates and hosts aside).
enum Shape {
    static func kind(_ v: JSON) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .array(let a): return a.isEmpty ? "empty" : "array"
        case .object(let o): return o.isEmpty ? "empty" : "object"
        }
    }

    /// Differences between `want` and `got`, with paths.
    static func differences(_ want: JSON, _ got: JSON, path: String = "$") -> [String] {
        switch (want, got) {
        case (.object(let a), .object(let b)):
            var out: [String] = []
            if a.keys != b.keys { out.append("\(path): keys \(b.keys), expected \(a.keys)") }
            for (k, v) in a { if let w = b[k] { out += differences(v, w, path: "\(path).\(k)") } }
            return out
        case (.array(let a), .array(let b)):
            guard let first = a.first, let other = b.first else { return [] }
            return differences(first, other, path: "\(path)[0]")
        default:
            let (ka, kb) = (kind(want), kind(got))
            return ka == kb || ka == "empty" || kb == "empty" ? [] : ["\(path): \(kb), expected \(ka)"]
        }
    }
}
