import SQLKit

/// Moves a whole site from one database to another (SQLite to PostgreSQL, or back): every
/// table, row for row with its ids, read in batches from one snapshot of the source and written
/// in one transaction of the target, so a copy that fails leaves the target as it was.
///
/// ```swift
/// let from = try await SQLContentStore.open("./quire.sqlite")
/// let to = try await SQLContentStore.open("postgres://quire@db/site")
/// try await SiteCopy.copy(from: from, to: to) { table, done, total in print(table, done, total) }
/// ```
public enum SiteCopy {
    /// How a column's values are read and written.
    enum Kind { case int, text, optionalText }

    struct Table {
        let name: String
        /// The columns in order; the first is the key batches are read along.
        let columns: [(String, Kind)]
        /// An integer `id` key, read along by range (others by offset: their tables are small).
        var keyedByID: Bool { columns.first?.0 == "id" }
    }

    static func texts(_ names: String) -> [(String, Kind)] { names.split(separator: " ").map { (String($0), .text) } }
    static func meta(_ owner: String) -> [(String, Kind)] { [("id", .int), (owner, .int), ("meta_key", .text), ("meta_value", .text)] }

    /// Every table of the site, parents before the rows that refer to them.
    static let tables: [Table] = [
        Table(name: "options", columns: [("name", .text), ("value", .text), ("autoload", .int)]),
        Table(name: "users", columns: [("id", .int)] + texts("login pass nicename email url registered display_name first_name last_name nickname description locale roles extra_caps")),
        Table(name: "usermeta", columns: meta("user_id")),
        Table(name: "application_passwords", columns: [("uuid", .text), ("user_id", .int)] + texts("app_id name password_hash created")
            + [("last_used", .optionalText), ("last_ip", .optionalText), ("lookup", .optionalText)]),
        Table(name: "posts", columns: [("id", .int), ("author", .int)]
            + texts("date date_gmt content title excerpt status comment_status ping_status password slug modified modified_gmt")
            + [("parent", .int), ("guid", .text), ("menu_order", .int), ("type", .text), ("mime_type", .text), ("comment_count", .int),
               ("format", .text), ("sticky", .int), ("template", .text)]),
        Table(name: "postmeta", columns: meta("post_id")),
        Table(name: "terms", columns: [("id", .int)] + texts("taxonomy name slug description") + [("parent", .int), ("count", .int), ("term_group", .int)]),
        Table(name: "termmeta", columns: meta("term_id")),
        Table(name: "term_relationships", columns: [("object_id", .int), ("term_id", .int), ("term_order", .int)]),
        Table(name: "comments", columns: [("id", .int), ("post_id", .int)] + texts("author author_email author_url author_ip date date_gmt content")
            + [("karma", .int), ("approved", .text), ("agent", .text), ("type", .text), ("parent", .int), ("user_id", .int)]),
        Table(name: "commentmeta", columns: meta("comment_id")),
    ]

    /// Rows read and written at a time.
    static let batchSize = 500

    /// The target already holds a site.
    public struct TargetNotEmpty: Error, CustomStringConvertible {
        public var description: String { "the target database already holds a site (copy over it with --force)" }
    }

    /// Copies `from` into `to`. A target that holds a site is refused unless `replacing`, which
    /// empties it first (in the same transaction). `progress` is told each table's rows as they go.
    public static func copy(from source: SQLContentStore, to target: SQLContentStore, replacing: Bool = false,
                            progress: @escaping @Sendable (_ table: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in }) async throws {
        try await source.snapshot {
            try await target.provider.write { out in
                if try await holdsSite(out) {
                    guard replacing else { throw TargetNotEmpty() }
                    for table in tables.reversed() { _ = try await out.raw("DELETE FROM \(unsafeRaw: table.name)").all() }
                }
                for table in tables {
                    let total = try await source.provider.read { db in
                        try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table.name)").first()?.int("n") ?? 0
                    }
                    progress(table.name, 0, total)
                    var done = 0
                    var lastID = Int.min
                    while done < total {
                        let (after, offset) = (lastID, done)
                        let rows = try await source.provider.read { db in try await batch(of: table, after: after, offset: offset, in: db) }
                        if rows.isEmpty { break }
                        try await insert(rows, into: table, in: out)
                        done += rows.count
                        if table.keyedByID, case .int(let id)? = rows.last?.first { lastID = id }
                        progress(table.name, done, total)
                    }
                }
                try await recount(in: out)
            }
        }
    }

    static func holdsSite(_ db: any SQLDatabase) async throws -> Bool {
        for table in ["options", "users", "posts"] where try await db.raw("SELECT 1 AS one FROM \(unsafeRaw: table) LIMIT 1").first() != nil {
            return true
        }
        return false
    }

    /// One value as read from a row.
    enum Value: Sendable {
        case int(Int), text(String), null
    }

    static func batch(of table: Table, after lastID: Int, offset: Int, in db: any SQLDatabase) async throws -> [[Value]] {
        let names = table.columns.map(\.0).joined(separator: ", ")
        let order = table.columns.first!.0 + (table.name == "term_relationships" ? ", term_id" : "")
        let query: SQLQueryString = table.keyedByID
            ? "SELECT \(unsafeRaw: names) FROM \(unsafeRaw: table.name) WHERE id > \(bind: lastID) ORDER BY id LIMIT \(bind: batchSize)"
            : "SELECT \(unsafeRaw: names) FROM \(unsafeRaw: table.name) ORDER BY \(unsafeRaw: order) LIMIT \(bind: batchSize) OFFSET \(bind: offset)"
        return try await db.raw(query).all().map { row in
            try table.columns.map { name, kind -> Value in
                switch kind {
                case .int: return .int(try row.int(name))
                case .text: return .text(try row.string(name))
                case .optionalText: return try row.optionalString(name).map(Value.text) ?? .null
                }
            }
        }
    }

    static func insert(_ rows: [[Value]], into table: Table, in db: any SQLDatabase) async throws {
        var query: SQLQueryString = "INSERT INTO \(unsafeRaw: table.name) (\(unsafeRaw: table.columns.map(\.0).joined(separator: ", "))) VALUES "
        for (i, row) in rows.enumerated() {
            query += i == 0 ? "(" : ", ("
            for (j, value) in row.enumerated() {
                if j > 0 { query += ", " }
                switch value {
                case .int(let n): query += "\(bind: n)"
                case .text(let s): query += "\(bind: s)"
                case .null: query += "NULL"
                }
            }
            query += ")"
        }
        _ = try await db.raw(query).all()
    }

    /// The counts the target's triggers kept while rows came in are made again from the rows
    /// themselves, and PostgreSQL's id sequences are moved past the ids copied.
    static func recount(in db: any SQLDatabase) async throws {
        _ = try await db.raw("DELETE FROM post_counts").all()
        _ = try await db.raw("INSERT INTO post_counts (type, status, n) SELECT type, status, COUNT(*) FROM posts GROUP BY type, status").all()
        _ = try await db.raw("""
            UPDATE terms SET count = (SELECT COUNT(*) FROM term_relationships tr JOIN posts p ON p.id = tr.object_id
                WHERE tr.term_id = terms.id AND p.status = 'publish')
            """).all()
        for table in tables where table.keyedByID { try await IdentityColumns.advance(table.name, in: db) }
    }
}

/// Integer primary keys given explicitly (an import keeping WordPress's ids, a copy): on
/// PostgreSQL the table's sequence must then be moved past them, or the next insert would take
/// an id already used. SQLite needs nothing: it takes the largest id plus one.
enum IdentityColumns {
    static func advance(_ table: String, in db: any SQLDatabase) async throws {
        guard db.dialect.name == "postgresql" else { return }
        _ = try await db.raw("""
            SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'), COALESCE((SELECT MAX(id) FROM \(unsafeRaw: table)), 0) + 1, false) AS v
            """).all()
    }
}
