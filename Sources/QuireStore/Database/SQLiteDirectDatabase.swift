import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLiteNIO
import SQLKit

/// SQLKit's database interface over one `SQLiteHandle`: queries are serialised with SQLite's
/// dialect and run at once on the calling thread, with no hop to a thread pool.
struct SQLiteDirectDatabase: SQLDatabase {
    let handle: SQLiteHandle
    static let log = Logger(label: "quire.sqlite")

    var logger: Logger { Self.log }
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds: [SQLiteData] = try serializer.binds.map { bind in
            switch bind {
            case let n as Int: return .integer(n)
            case let s as String: return .text(s)
            case let d as Double: return .float(d)
            case let b as Bool: return .integer(b ? 1 : 0)
            default: return try encoder.encode(bind)
            }
        }
        try handle.run(serializer.sql, binds) { onRow($0) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }
}
