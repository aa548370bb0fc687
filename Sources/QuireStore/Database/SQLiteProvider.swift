import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLiteNIO
import SQLKit

/// The embedded database: one SQLite file in WAL mode, with a writer connection and a few
/// readers, foreign keys on.
public final class SQLiteProvider: DatabaseProvider {
    public let dialectName = "sqlite"
    public let path: String
    private let writer: SQLiteConnection
    private let writeLock = AsyncLock()
    private let readers: ConnectionPool<SQLiteConnection>
    private let readerCount: Int

    public static func open(path: String, readers: Int = 4, logger: Logger = Logger(label: "quire.sqlite")) async throws -> SQLiteProvider {
        let writer = try await openConnection(path, logger: logger)
        _ = try await writer.sql().raw("PRAGMA journal_mode=WAL").all()
        var pool: [SQLiteConnection] = []
        for _ in 0..<readers { pool.append(try await openConnection(path, logger: logger)) }
        return SQLiteProvider(path: path, writer: writer, readers: pool)
    }

    private static func openConnection(_ path: String, logger: Logger) async throws -> SQLiteConnection {
        let c = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000", "PRAGMA synchronous=NORMAL"] {
            _ = try await c.sql().raw(SQLQueryString(pragma)).all()
        }
        return c
    }

    private init(path: String, writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.path = path
        self.writer = writer
        self.readers = ConnectionPool(readers)
        self.readerCount = readers.count
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let c = await readers.acquire()
        do {
            let result = try await body(c.sql())
            await readers.release(c)
            return result
        } catch {
            await readers.release(c)
            throw error
        }
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await writeLock.lock()
        let db = writer.sql()
        do {
            _ = try await db.raw("BEGIN IMMEDIATE").all()
        } catch {
            await writeLock.unlock()
            throw error
        }
        do {
            let result = try await body(db)
            // Every write moves the content version on, in the same transaction.
            _ = try? await db.raw("UPDATE site_state SET version = version + 1 WHERE id = 1").all()
            _ = try await db.raw("COMMIT").all()
            await writeLock.unlock()
            return result
        } catch {
            _ = try? await db.raw("ROLLBACK").all()
            await writeLock.unlock()
            throw error
        }
    }

    public func shutdown() async {
        for c in await readers.drain() { try? await c.close() }
        try? await writer.close()
    }
}
