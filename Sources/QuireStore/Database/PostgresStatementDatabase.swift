import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// SQLKit's database interface over one leased PostgreSQL connection: statements are
/// serialised with PostgreSQL's dialect (`$1`, `$2`… placeholders) and their values bound as
/// the store's SQLite queries bind them (a `Bool` as 0 or 1, the store's integer columns).
struct PostgresStatementDatabase: SQLDatabase {
    let connection: PostgresConnection

    var logger: Logger { PostgresProvider.log }
    var eventLoop: any EventLoop { connection.eventLoop }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    /// Runs a statement whose rows, if any, are not wanted.
    func execute(_ query: SQLQueryString) async throws {
        try await execute(sql: query) { _ in }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        var bindings = PostgresBindings(capacity: serializer.binds.count)
        for bind in serializer.binds { try Self.append(bind, to: &bindings) }
        let rows = try await connection.query(PostgresQuery(unsafeSQL: serializer.sql, binds: bindings), logger: logger)
        for try await row in rows { onRow(PostgresResultRow(row)) }
    }

    static func append(_ value: any Encodable, to bindings: inout PostgresBindings) throws {
        switch value {
        case let n as Int: bindings.append(n)
        case let s as String: bindings.append(s)
        case let b as Bool: bindings.append(b ? 1 : 0)
        case let d as Double: bindings.append(d)
        case let n as Int64: bindings.append(Int(n))
        case let n as Int32: bindings.append(Int(n))
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value as? any Encodable else {
                    bindings.appendNull()
                    return
                }
                try append(wrapped, to: &bindings)
                return
            }
            throw UnsupportedBind(type: String(describing: type(of: value)))
        }
    }

    struct UnsupportedBind: Error, CustomStringConvertible {
        let type: String
        var description: String { "a value of type \(type) cannot be bound to a PostgreSQL statement here" }
    }
}

/// A PostgreSQL row as the store reads it: its columns by name, with the store's text and
/// integer columns decoded straight from their cells (not through `Decodable`).
struct PostgresResultRow: SQLRow {
    let cells: PostgresRandomAccessRow
    let row: PostgresRow
    /// Everything else reads through PostgresKit's row, as any SQLKit row is read.
    var general: any SQLRow { row.sql() }

    init(_ row: PostgresRow) {
        self.row = row
        cells = row.makeRandomAccess()
    }

    var allColumns: [String] { general.allColumns }
    func contains(column: String) -> Bool { cells.contains(column) }
    func decodeNil(column: String) throws -> Bool { try general.decodeNil(column: column) }
    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D { try general.decode(column: column, as: type) }

    /// The cell of `column`, or nil when the row has none or it is NULL.
    func cell(_ column: String) -> PostgresCell? {
        guard cells.contains(column) else { return nil }
        let cell = cells[column]
        return cell.bytes == nil ? nil : cell
    }
}
