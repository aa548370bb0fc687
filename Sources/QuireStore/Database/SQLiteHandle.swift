import QuireSQLiteC
import SQLiteNIO

/// An error SQLite reported, with its result code and message.
public struct SQLiteFailure: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public var description: String { "SQLite error \(code): \(message)" }
}

/// One SQLite connection whose statements run on the calling thread. Prepared statements are
/// kept by their SQL text and reused. A handle is used by one task at a time (the provider
/// hands it out and takes it back), which is what makes the unchecked `Sendable` sound.
final class SQLiteHandle: @unchecked Sendable {
    private let db: UnsafeMutableRawPointer
    private var statements: [String: UnsafeMutableRawPointer] = [:]
    /// The result columns of each kept statement, read once.
    private var columnNames: [UnsafeMutableRawPointer: SQLiteColumnNames] = [:]
    /// Beyond this many distinct statements (long `IN` lists make many), the cache starts over.
    private let statementLimit = 512

    init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        var handle: UnsafeMutableRawPointer?
        let rc = quire_sqlite_open(path, &handle)
        guard rc == QUIRE_SQLITE_OK, let handle else {
            let message = handle.map { String(cString: quire_sqlite_errmsg($0)) } ?? "cannot open \(path)"
            if let handle { _ = quire_sqlite_close(handle) }
            throw SQLiteFailure(code: rc, message: message)
        }
        db = handle
        _ = quire_sqlite_busy_timeout(db, busyTimeoutMilliseconds)
    }

    deinit {
        for s in statements.values { _ = quire_sqlite_finalize(s) }
        _ = quire_sqlite_close(db)
    }

    private func failure(_ code: Int32) -> SQLiteFailure {
        SQLiteFailure(code: code, message: String(cString: quire_sqlite_errmsg(db)))
    }

    private func statement(_ sql: String) throws -> UnsafeMutableRawPointer {
        if let s = statements[sql] { return s }
        var stmt: UnsafeMutableRawPointer?
        let rc = sql.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { quire_sqlite_prepare(db, $0.baseAddress, Int32($0.count), &stmt) }
        } ?? Array(sql.utf8CString).withUnsafeBufferPointer { quire_sqlite_prepare(db, $0.baseAddress, -1, &stmt) }
        guard rc == QUIRE_SQLITE_OK, let stmt else { throw failure(rc) }
        if statements.count >= statementLimit {
            for s in statements.values { _ = quire_sqlite_finalize(s) }
            statements.removeAll(keepingCapacity: true)
            columnNames.removeAll(keepingCapacity: true)
        }
        statements[sql] = stmt
        return stmt
    }

    /// Runs one statement with its bound values and hands each result row to `onRow`.
    func run(_ sql: String, _ binds: [SQLiteData], _ onRow: (SQLiteResultRow) throws -> Void) throws {
        // A schema change may rename the columns kept statements return.
        if sql.utf8.first.map({ $0 == UInt8(ascii: "A") || $0 == UInt8(ascii: "D") || $0 == UInt8(ascii: "C") }) == true,
           sql.hasPrefix("ALTER") || sql.hasPrefix("DROP") || sql.hasPrefix("CREATE") {
            columnNames.removeAll(keepingCapacity: true)
        }
        let stmt = try statement(sql)
        // Every parameter is bound again on each run, so bindings are not cleared: clearing
        // would make SQLite plan again statements whose plan depends on a bound value.
        defer { _ = quire_sqlite_reset(stmt) }
        for (i, value) in binds.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch value {
            case .integer(let n): rc = quire_sqlite_bind_int64(stmt, index, Int64(n))
            case .float(let d): rc = quire_sqlite_bind_double(stmt, index, d)
            case .text(let s):
                // An empty string is bound from a real (empty) C string: a null pointer would bind NULL.
                var s = s
                rc = s.withUTF8 { u in
                    guard let base = u.baseAddress, u.count > 0 else { return "".withCString { quire_sqlite_bind_text(stmt, index, $0, 0) } }
                    return base.withMemoryRebound(to: CChar.self, capacity: u.count) { quire_sqlite_bind_text(stmt, index, $0, Int32(u.count)) }
                }
            case .blob(let buffer):
                rc = buffer.withUnsafeReadableBytes { bytes in
                    guard let base = bytes.baseAddress, bytes.count > 0 else { return "".withCString { quire_sqlite_bind_blob(stmt, index, $0, 0) } }
                    return quire_sqlite_bind_blob(stmt, index, base, Int32(bytes.count))
                }
            case .null: rc = quire_sqlite_bind_null(stmt, index)
            }
            guard rc == QUIRE_SQLITE_OK else { throw failure(rc) }
        }
        var columns: SQLiteColumnNames?
        while true {
            let rc = quire_sqlite_step(stmt)
            if rc == QUIRE_SQLITE_DONE { return }
            guard rc == QUIRE_SQLITE_ROW else { throw failure(rc) }
            let count = Int(quire_sqlite_column_count(stmt))
            if columns == nil {
                // Names are read again if the statement was prepared anew with other columns (a schema change).
                if let known = columnNames[stmt], known.names.count == count {
                    columns = known
                } else {
                    let names = SQLiteColumnNames((0..<count).map { String(cString: quire_sqlite_column_name(stmt, Int32($0))) })
                    columnNames[stmt] = names
                    columns = names
                }
            }
            var values: [SQLiteData] = []
            values.reserveCapacity(count)
            for c in 0..<Int32(count) {
                switch quire_sqlite_column_type(stmt, c) {
                case QUIRE_SQLITE_INTEGER: values.append(.integer(Int(quire_sqlite_column_int64(stmt, c))))
                case QUIRE_SQLITE_FLOAT: values.append(.float(quire_sqlite_column_double(stmt, c)))
                case QUIRE_SQLITE_TEXT:
                    let n = Int(quire_sqlite_column_bytes(stmt, c))
                    if let p = quire_sqlite_column_text(stmt, c) {
                        values.append(.text(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)))
                    } else {
                        values.append(.text(""))
                    }
                case QUIRE_SQLITE_BLOB:
                    let n = Int(quire_sqlite_column_bytes(stmt, c))
                    var buffer = ByteBuffer()
                    if n > 0, let p = quire_sqlite_column_blob(stmt, c) {
                        buffer.writeBytes(UnsafeRawBufferPointer(start: p, count: n))
                    }
                    values.append(.blob(buffer))
                default: values.append(.null)
                }
            }
            try onRow(SQLiteResultRow(columns: columns!, values: values))
        }
    }

    /// Runs a statement that returns no rows worth keeping (`PRAGMA`, `BEGIN`, `COMMIT`).
    func execute(_ sql: String) throws {
        try run(sql, []) { _ in }
    }
}

/// The column names of a statement's results, shared by its rows, with their positions.
final class SQLiteColumnNames: Sendable {
    let names: [String]
    private let positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (i, name) in names.enumerated() where positions[name] == nil { positions[name] = i }
        self.positions = positions
    }

    func index(of column: String) -> Int? { positions[column] }
}
