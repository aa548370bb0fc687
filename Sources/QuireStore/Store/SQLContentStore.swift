import PostgresNIO
import QuireValues
import SQLiteNIO
import SQLKit
import Synchronization

/// The store on an SQL database through SQLKit: the same queries serve SQLite and
/// PostgreSQL; every value is a bound parameter.
public final class SQLContentStore: ContentStore {
    public let provider: any DatabaseProvider
    /// The content state last read, with the database's change token at that moment.
    private let lastState = Mutex<(token: Int, version: Int, nextScheduled: String?)?>(nil)
    /// Options read since the change token last moved.
    private let keptOptions = KeptUntilChange<String, JSON?>(capacity: 256)
    /// Totals of post queries (`X-WP-Total`), by the query's filters: a search, or a filter by
    /// a term, counts every post it matches, and paging through it or asking again repeats that.
    let keptPostTotals = KeptUntilChange<PostQuery, Int>(capacity: 1024)
    /// Totals of searches without their excluded words (see `totalLeavingOut`), so a search
    /// whose excluded word differs each time counts only the posts holding that word.
    let keptIncludedTotals = KeptUntilChange<IncludedSearch, Int>(capacity: 1024)
    /// Searched words that many posts hold (see `commonSearchWords`): only the plan depends on it.
    let keptCommonWords = KeptUntilChange<String, Bool>(capacity: 1024)

    public init(provider: any DatabaseProvider) {
        self.provider = provider
    }

    /// Opens (creating when needed) the embedded SQLite database and brings its schema up to date.
    public static func openSQLite(path: String, readers: Int = 8, busyTimeout: Int = 10_000) async throws -> SQLContentStore {
        let provider = try await SQLiteProvider.open(path: path, readers: readers, busyTimeout: busyTimeout)
        try await Migrations.apply(on: provider)
        await provider.refreshStatistics()
        return SQLContentStore(provider: provider)
    }

    /// Opens the PostgreSQL database at `location` and brings its schema up to date.
    public static func openPostgres(_ location: PostgresLocation) async throws -> SQLContentStore {
        let provider = try await PostgresProvider.open(location)
        do {
            try await Migrations.apply(on: provider)
        } catch {
            await provider.shutdown()
            throw error
        }
        return SQLContentStore(provider: provider)
    }

    /// Opens the database `database` names: a `postgres://` URL, or else an SQLite file's path
    /// (with `readers` idle readers kept, each waiting up to `busyTimeout` milliseconds for a lock).
    public static func open(_ database: String, readers: Int = 8, busyTimeout: Int = 10_000) async throws -> SQLContentStore {
        if PostgresLocation.isURL(database) { return try await openPostgres(PostgresLocation(url: database)) }
        return try await openSQLite(path: database, readers: readers, busyTimeout: busyTimeout)
    }

    public func shutdown() async { await provider.shutdown() }

    public func transaction<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await provider.write { _ in try await body() }
    }

    public func snapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await provider.snapshot(body)
    }

    /// Runs one statement that writes, in the request's transaction when one is open.
    ///
    ///     try await write("UPDATE posts SET parent = \(bind: parent) WHERE id = \(bind: id)")
    func write(_ statement: SQLQueryString) async throws {
        try await provider.write { db in _ = try await db.raw(statement).all() }
    }

    static func encode(_ v: JSON) -> String { JSONEncoding.encodeString(v) }
    static func decode(_ s: String) -> JSON { (try? JSONParser.parse(s)) ?? .string(s) }
}

/// Column readers: rows of both drivers are read straight from their values; any other
/// through `Decodable`.
extension SQLRow {
    func string(_ c: String) throws -> String {
        if let row = self as? SQLiteResultRow, case .text(let s)? = row.value(c) { return s }
        if let row = self as? PostgresResultRow, let cell = row.cell(c) { return try cell.decode(String.self) }
        return try decode(column: c, as: String.self)
    }

    func int(_ c: String) throws -> Int {
        if let row = self as? SQLiteResultRow, case .integer(let n)? = row.value(c) { return n }
        if let row = self as? PostgresResultRow, let cell = row.cell(c) { return try cell.decode(Int.self) }
        return try decode(column: c, as: Int.self)
    }

    func optionalString(_ c: String) throws -> String? {
        try optional(c) { if case .text(let s) = $0 { s } else { nil } }
    }

    func optionalInt(_ c: String) throws -> Int? {
        try optional(c) { if case .integer(let n) = $0 { n } else { nil } }
    }

    /// A column that may be NULL: SQLite's value read directly, PostgreSQL's cell decoded.
    private func optional<T: Decodable & PostgresDecodable>(_ c: String, sqlite read: (SQLiteData) -> T?) throws -> T? {
        if let row = self as? SQLiteResultRow, let v = row.value(c) {
            if let value = read(v) { return value }
            if case .null = v { return nil }
        }
        if let row = self as? PostgresResultRow, row.contains(column: c) { return try row.cell(c).map { try $0.decode(T.self) } }
        return try decode(column: c, as: T?.self)
    }
}

extension [SQLQueryString] {
    /// Adds `column IN (included)` when the list names any, and `NOT (column IN (excluded))`
    /// when that one does: the include and exclude filters every list has.
    mutating func restrict(_ column: String, to included: [Int], excluding excluded: [Int]) {
        if !included.isEmpty { append(.inList(column, included)) }
        if !excluded.isEmpty { append("NOT (" + .inList(column, excluded) + ")") }
    }
}

extension SQLContentStore {
    /// The rows of `table` matching `conditions`, each made a value by `map`. `table` and
    /// `columns` come from the store's fixed lists.
    func rows<T: Sendable>(of table: String, columns: SQLQueryString, where conditions: SQLQueryString,
                           _ map: @escaping @Sendable (any SQLRow) throws -> T) async throws -> [T] {
        try await provider.read { db in
            try await db.raw("SELECT " + columns + " FROM \(unsafeRaw: table) WHERE " + conditions).all().map(map)
        }
    }

    /// One page of a list: the rows of `table` matching `conditions` in `order`, and how many
    /// match in all. A first page shorter than the limit is the whole result, so it needs no count.
    /// `table` and `columns` come from the store's fixed lists.
    func page<T: Sendable>(of table: String, columns: SQLQueryString, where conditions: SQLQueryString, order: SQLQueryString,
                           limit: Int, offset: Int, _ map: @escaping @Sendable (any SQLRow) throws -> T) async throws -> ([T], Int) {
        try await provider.read { db in
            let rows = try await db.raw("SELECT " + columns + " FROM \(unsafeRaw: table) WHERE " + conditions + " ORDER BY " + order
                + " LIMIT \(bind: limit) OFFSET \(bind: offset)").all()
            let total = offset == 0 && limit > 0 && rows.count < limit ? rows.count
                : try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE " + conditions).first()?.int("n") ?? 0
            return (try rows.map(map), total)
        }
    }
}

extension SQLQueryString {
    /// `col IN (?, ?, …)`; never empty (an empty list matches nothing).
    static func inList(_ column: String, _ values: [any Encodable & Sendable]) -> SQLQueryString {
        if values.isEmpty { return "1 = 0" }
        return "\(unsafeRaw: column) IN (\(binds: values))"
    }
}

// MARK: - Content version

extension SQLContentStore {
    /// The content version and the next scheduled post. Read again only when the database
    /// says a commit happened since the last reading (on any connection, in any process).
    public func contentState() async throws -> (version: Int, nextScheduled: String?) {
        let token = provider.changeToken()
        if let token, let last = lastState.withLock({ $0 }), last.token == token {
            return (last.version, last.nextScheduled)
        }
        let state = try await readContentState()
        if let token { lastState.withLock { $0 = (token, state.version, state.nextScheduled) } }
        return state
    }

    private func readContentState() async throws -> (version: Int, nextScheduled: String?) {
        try await provider.read { db in
            let row = try await db.raw("""
                SELECT (SELECT version FROM site_state WHERE id = 1) AS version,
                       (SELECT MIN(date_gmt) FROM posts WHERE status = 'future') AS next
                """).first()
            return (try row?.optionalInt("version") ?? 0, try row?.optionalString("next"))
        }
    }

    public func publishDuePosts(now: String) async throws -> Int {
        try await provider.write { db in
            let due = try await db.raw("SELECT id FROM posts WHERE status = 'future' AND date_gmt <= \(bind: now)").all().map { try $0.int("id") }
            for id in due {
                _ = try await db.raw("UPDATE posts SET status = 'publish' WHERE id = \(bind: id)").all()
            }
            return due.count
        }
    }
}

// MARK: - Options

extension SQLContentStore {
    /// An option's value. Values read are kept until any connection commits (the provider's
    /// change token moves), so hot paths such as every signed-in request's privacy-page check
    /// do not each open a read transaction.
    public func option(_ name: String) async throws -> JSON? {
        let token = provider.changeToken()
        if let kept = keptOptions.value(for: name, token: token) { return kept }
        let value = try await provider.read { db in
            try await db.raw("SELECT value FROM options WHERE name = \(bind: name)").first()
                .map { Self.decode(try $0.string("value")) }
        }
        keptOptions.keep(value, for: name, token: token)
        return value
    }

    public func allOptions() async throws -> [String: JSON] {
        try await provider.read { db in
            var out: [String: JSON] = [:]
            for row in try await db.raw("SELECT name, value FROM options").all() {
                out[try row.string("name")] = Self.decode(try row.string("value"))
            }
            return out
        }
    }

    public func setOptions(_ values: [(String, JSON)]) async throws {
        let encoded = values.map { ($0.0, Self.encode($0.1)) }
        try await provider.write { db in
            for (name, value) in encoded {
                _ = try await db.raw("""
                    INSERT INTO options (name, value) VALUES (\(bind: name), \(bind: value))
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """).all()
            }
        }
    }

    public func addOptionIfAbsent(_ name: String, _ value: JSON) async throws {
        let encoded = Self.encode(value)
        try await write("INSERT INTO options (name, value) VALUES (\(bind: name), \(bind: encoded)) ON CONFLICT (name) DO NOTHING")
    }
}
