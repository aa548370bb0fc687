import Synchronization
import SQLKit

/// The embedded database: one SQLite file in WAL mode, with one writer connection and reader
/// connections opened as needed, foreign keys on. Statements run on the calling thread and
/// stay prepared for the next request.
public final class SQLiteProvider: DatabaseProvider {
    public let dialectName = "sqlite"
    public let path: String
    private let writer: SQLiteHandle
    private let writeLock = AsyncLock()
    /// Writes since the query planner's statistics were last brought up to date.
    private let writesSinceStatistics = Mutex(0)
    private let idleReaders = Mutex<[SQLiteHandle]>([])
    /// How many idle readers are kept for reuse.
    private let keptReaders: Int
    /// How long a reader waits for a lock, in milliseconds.
    private let busyTimeout: Int32
    /// A connection that only asks `PRAGMA data_version`, which changes when any other
    /// connection commits.
    private let watcher: Mutex<SQLiteHandle>
    /// The timing observer, kept in a box: a closure read out of a generic container is wrapped
    /// in a conversion thunk at every read, and those thunks were seen to pile up.
    private final class Observer: Sendable {
        let observe: DatabaseTimingObserver
        init(_ observe: @escaping DatabaseTimingObserver) { self.observe = observe }
    }
    private let timing = Mutex<Observer?>(nil)

    public func observeTiming(_ observer: DatabaseTimingObserver?) {
        let box = observer.map { Observer($0) }
        timing.withLock { $0 = box }
    }

    /// Tells the observer, if any, how long a transaction begun at `started` took.
    private func timed(_ access: DatabaseAccess, since started: ContinuousClock.Instant) {
        guard let box = timing.withLock({ $0 }) else { return }
        box.observe(access, ContinuousClock.now - started)
    }

    /// Opens the database file at `path`, keeping up to `readers` idle readers that wait up to
    /// `busyTimeout` milliseconds for a lock.
    public static func open(path: String, readers: Int = 8, busyTimeout: Int = 10_000) async throws -> SQLiteProvider {
        // The writer never sleeps inside SQLite waiting for another process's lock: it would
        // hold one of Swift's few cooperative threads. `beginWrite` waits by suspending instead.
        let writer = try openHandle(path, busyTimeoutMilliseconds: 0)
        try writer.execute("PRAGMA journal_mode=WAL")
        let wait = Int32(clamping: busyTimeout)
        return SQLiteProvider(path: path, writer: writer, watcher: try openHandle(path, busyTimeoutMilliseconds: wait), keptReaders: readers,
                              busyTimeout: wait)
    }

    private static func openHandle(_ path: String, busyTimeoutMilliseconds: Int32) throws -> SQLiteHandle {
        let handle = try SQLiteHandle(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        for pragma in ["PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"] { try handle.execute(pragma) }
        return handle
    }

    private init(path: String, writer: SQLiteHandle, watcher: SQLiteHandle, keptReaders: Int, busyTimeout: Int32) {
        self.busyTimeout = busyTimeout
        self.path = path
        self.writer = writer
        self.watcher = Mutex(watcher)
        self.keptReaders = keptReaders
    }

    /// The writer connection of the write transaction the current task is inside, if any: a
    /// write or read begun inside it runs on the same connection, so it sees what the outer
    /// write has done and commits or rolls back with it.
    @TaskLocal private static var enclosingWrite: SQLiteHandle?

    /// True when the current task is inside this provider's write transaction.
    private var insideWrite: Bool { Self.enclosingWrite === writer }

    /// The reader connection of the snapshot the current task is inside, if any, with the
    /// provider it belongs to.
    private final class Snapshot: Sendable {
        let owner: ObjectIdentifier
        let reader: SQLiteHandle
        /// The change token read just before the snapshot was taken: what is kept under it
        /// from this snapshot's reads is at least as new as it.
        let token: Int?
        let memo = SnapshotMemo()
        init(owner: ObjectIdentifier, reader: SQLiteHandle, token: Int?) {
            self.owner = owner
            self.reader = reader
            self.token = token
        }
    }
    @TaskLocal private static var enclosingSnapshot: Snapshot?

    /// The snapshot the current task is inside, when it is this provider's.
    private var currentSnapshot: Snapshot? {
        guard let s = Self.enclosingSnapshot, s.owner == ObjectIdentifier(self) else { return nil }
        return s
    }

    public var snapshotMemo: SnapshotMemo? { insideWrite ? nil : currentSnapshot?.memo }

    public func snapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if insideWrite || currentSnapshot != nil { return try await body() }
        let reader = try idleReaders.withLock { $0.popLast() } ?? Self.openHandle(path, busyTimeoutMilliseconds: busyTimeout)
        defer {
            idleReaders.withLock { idle in if idle.count < keptReaders { idle.append(reader) } }
        }
        let started = ContinuousClock.now
        defer { timed(.read, since: started) }
        let token = changeToken()
        try reader.execute("BEGIN")
        // Only reads run on this connection, so ending the transaction cannot lose anything.
        defer { try? reader.execute("ROLLBACK") }
        // SQLite takes the snapshot at the body's first read, after the token was read.
        return try await Self.$enclosingSnapshot.withValue(Snapshot(owner: ObjectIdentifier(self), reader: reader, token: token)) {
            try await body()
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if insideWrite { return try await body(SQLiteDirectDatabase(handle: writer)) }
        if let snapshot = currentSnapshot { return try await body(SQLiteDirectDatabase(handle: snapshot.reader)) }
        let reader = try idleReaders.withLock { $0.popLast() } ?? Self.openHandle(path, busyTimeoutMilliseconds: busyTimeout)
        defer {
            idleReaders.withLock { idle in if idle.count < keptReaders { idle.append(reader) } }
        }
        // One read transaction for the whole body: its statements see one snapshot and take
        // the WAL read lock once.
        let started = ContinuousClock.now
        defer { timed(.read, since: started) }
        return try await Self.run(body, on: reader, begin: "BEGIN", end: "COMMIT", undo: ["ROLLBACK"])
    }

    /// `body` on `handle` between `begin` and `end`; a failure runs `undo` instead of `end`.
    private static func run<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T, on handle: SQLiteHandle,
                                         begin: String, end: String, undo: [String]) async throws -> T {
        try handle.execute(begin)
        do {
            let result = try await body(SQLiteDirectDatabase(handle: handle))
            try handle.execute(end)
            return result
        } catch {
            for statement in undo { try? handle.execute(statement) }
            throw error
        }
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if insideWrite { return try await nestedWrite(body) }
        await writeLock.lock()
        let started = ContinuousClock.now
        defer { timed(.write, since: started) }
        do {
            try await beginWrite()
        } catch {
            await writeLock.unlock()
            throw error
        }
        do {
            let result = try await Self.$enclosingWrite.withValue(writer) { try await body(SQLiteDirectDatabase(handle: writer)) }
            // Every write moves the content version on, in the same transaction.
            try writer.execute("UPDATE site_state SET version = version + 1 WHERE id = 1")
            try writer.execute("COMMIT")
            let statisticsDue = writesSinceStatistics.withLock { n -> Bool in
                n += 1
                guard n >= 1000 else { return false }
                n = 0
                return true
            }
            if statisticsDue { refreshStatisticsIfStale() }
            await writeLock.unlock()
            return result
        } catch {
            try? writer.execute("ROLLBACK")
            await writeLock.unlock()
            throw error
        }
    }

    /// How long a write waits for another process (or another server on the same file) to
    /// finish its write transaction before it fails.
    static let lockWait: Duration = .seconds(10)

    /// `BEGIN IMMEDIATE`, retried while another connection holds the write lock. Between tries
    /// the task is suspended (from 1 ms, doubling, to 50 ms), so the thread serves other
    /// requests meanwhile.
    private func beginWrite() async throws {
        let deadline = ContinuousClock.now + Self.lockWait
        var pause = Duration.milliseconds(1)
        while true {
            do {
                try writer.execute("BEGIN IMMEDIATE")
                return
            } catch let failure as SQLiteFailure where failure.code & 0xFF == 5 && ContinuousClock.now < deadline {
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(50))
            }
        }
    }

    /// A write inside another: a savepoint, so a failure undoes only this part and the outer
    /// write decides whether anything is kept.
    private func nestedWrite<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await Self.run(body, on: writer, begin: "SAVEPOINT nested_write", end: "RELEASE nested_write",
                           undo: ["ROLLBACK TO nested_write", "RELEASE nested_write"])
    }

    /// Brings the query planner's statistics up to date when the posts table has changed size
    /// by a quarter since they were gathered, so lists and joins use the indexes that suit the
    /// data. Statistics are gathered in full: sampled ones (`PRAGMA optimize`) misjudged how
    /// selective a status is and led the planner to read every post.
    public func refreshStatistics() async {
        await writeLock.lock()
        refreshStatisticsIfStale()
        await writeLock.unlock()
    }

    /// Runs with the write lock held.
    private func refreshStatisticsIfStale() {
        var analyzedRows: Int?
        try? writer.run("SELECT stat FROM sqlite_stat1 WHERE tbl = 'posts' LIMIT 1", []) { row in
            analyzedRows = (try? row.decode(column: "stat", as: String.self)).flatMap { $0.split(separator: " ").first.flatMap { Int($0) } }
        }
        var rows = 0
        try? writer.run("SELECT COUNT(*) AS n FROM posts", []) { row in rows = (try? row.decode(column: "n", as: Int.self)) ?? 0 }
        if let analyzedRows, abs(rows - analyzedRows) * 4 <= max(analyzedRows, 16) { return }
        try? writer.execute("ANALYZE")
    }

    public func changeToken() -> Int? {
        // Inside a write nothing it has done is committed yet, so nothing read may be kept.
        if insideWrite { return nil }
        // Inside a snapshot, what is read is as old as the snapshot.
        if let snapshot = currentSnapshot { return snapshot.token }
        return watcher.withLock { handle in
            var token: Int?
            try? handle.run("PRAGMA data_version", []) { row in token = try? row.decode(column: "data_version", as: Int.self) }
            return token
        }
    }

    public func shutdown() async {
        idleReaders.withLock { $0.removeAll() }
    }
}
