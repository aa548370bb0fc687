import Logging
import PostgresNIO
import SQLKit
import Synchronization

/// A PostgreSQL database, shared by any number of Quire servers: a pool of connections
/// (postgres-nio's `PostgresClient`), reads in read-only transactions, and writes one at a
/// time across every server, each holding a transaction-scoped advisory lock, so a write sees
/// the database as the last write left it, as it does on SQLite.
///
/// Every commit is announced on the `quire_changes` channel. A connection listening to it
/// moves ``changeToken()`` on at each announcement, so what a server keeps from its reads is
/// dropped within one round trip of a write made by any server. While that connection is
/// down, the token is nil and nothing is kept.
///
/// ```swift
/// let provider = try await PostgresProvider.open(PostgresLocation(url: "postgres://quire@db/site"))
/// let store = SQLContentStore(provider: provider)
/// ```
public final class PostgresProvider: DatabaseProvider {
    public let dialectName = "postgresql"
    public let location: PostgresLocation
    private let client: PostgresClient
    private let pool: Task<Void, Never>
    private let listener = Mutex<Task<Void, Never>?>(nil)
    private let announcements = ChangeAnnouncements()
    private let timing = Mutex<TimingBox?>(nil)
    static let log = Logger(label: "quire.postgres")
    /// The pool's own messages: only its errors are worth a line.
    static let poolLog: Logger = {
        var logger = Logger(label: "quire.postgres.pool")
        logger.logLevel = .error
        return logger
    }()

    /// The key of the advisory lock every write holds until it commits.
    static let writeLockKey = 7_171_717
    /// The channel commits are announced on.
    static let changesChannel = "quire_changes"
    /// How many times a statement that found its connection closed is tried again on another.
    static let connectionRetries = 3

    private final class TimingBox: Sendable {
        let observe: DatabaseTimingObserver
        init(_ observe: @escaping DatabaseTimingObserver) { self.observe = observe }
    }

    /// Connects to the database and checks that it answers; fails with a plain message when
    /// the server cannot be reached or refuses the credentials.
    public static func open(_ location: PostgresLocation, maxConnections: Int = 20) async throws -> PostgresProvider {
        var configuration = PostgresClient.Configuration(host: location.host, port: location.port, username: location.user,
                                                         password: location.password, database: location.database, tls: .disable)
        configuration.options.maximumConnections = maxConnections
        configuration.options.connectTimeout = .seconds(5)
        // One connection of its own first: the pool would keep trying for a minute, and says
        // only that it could not connect, where this one says why at once. The pool then
        // connects the same way.
        do {
            try await location.runOutsideTransaction("SELECT 1")
        } catch {
            throw PostgresUnavailable(location: location, underlying: error)
        }
        let provider = PostgresProvider(location: location, client: PostgresClient(configuration: configuration, backgroundLogger: poolLog))
        provider.startListening()
        return provider
    }

    private init(location: PostgresLocation, client: PostgresClient) {
        self.location = location
        self.client = client
        self.pool = Task { await client.run() }
    }

    // MARK: Transactions

    /// The connection of the transaction the current task is inside, if any, with whether it
    /// writes: a read or write begun inside it joins it.
    private final class Enclosing: Sendable {
        let owner: ObjectIdentifier
        let connection: PostgresConnection
        let writes: Bool
        let token: Int?
        let memo = SnapshotMemo()
        init(owner: ObjectIdentifier, connection: PostgresConnection, writes: Bool, token: Int?) {
            self.owner = owner
            self.connection = connection
            self.writes = writes
            self.token = token
        }
    }
    @TaskLocal private static var enclosing: Enclosing?

    private var current: Enclosing? {
        guard let e = Self.enclosing, e.owner == ObjectIdentifier(self) else { return nil }
        return e
    }

    public var snapshotMemo: SnapshotMemo? { current.flatMap { $0.writes ? nil : $0.memo } }

    public func snapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if current != nil { return try await body() }
        let token = changeToken()
        return try await transaction(.read) { connection in
            try await Self.$enclosing.withValue(Enclosing(owner: ObjectIdentifier(self), connection: connection, writes: false, token: token)) {
                try await body()
            }
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let e = current { return try await body(PostgresStatementDatabase(connection: e.connection)) }
        return try await transaction(.read) { connection in try await body(PostgresStatementDatabase(connection: connection)) }
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        // A write inside a write joins it; one inside a read-only snapshot is a transaction of
        // its own, on another connection, which the snapshot's reads do not see (as on SQLite).
        if let e = current, e.writes { return try await nestedWrite(on: e.connection, body) }
        let result = try await transaction(.write) { connection in
            try await Self.$enclosing.withValue(Enclosing(owner: ObjectIdentifier(self), connection: connection, writes: true, token: nil)) {
                let db = PostgresStatementDatabase(connection: connection)
                let result = try await body(db)
                // Every write moves the content version on, and tells the other servers at commit.
                try await db.execute("UPDATE site_state SET version = version + 1 WHERE id = 1")
                try await db.execute("SELECT pg_notify(\(bind: Self.changesChannel), '')")
                return result
            }
        }
        // This server's next read must not use what was kept before its own write, whether or
        // not its announcement has come back yet.
        announcements.bump()
        return result
    }

    /// A write inside another: a savepoint, so a failure undoes only this part.
    private func nestedWrite<T: Sendable>(on connection: PostgresConnection, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let db = PostgresStatementDatabase(connection: connection)
        try await db.execute("SAVEPOINT nested_write")
        do {
            let result = try await body(db)
            try await db.execute("RELEASE SAVEPOINT nested_write")
            return result
        } catch {
            try? await db.execute("ROLLBACK TO SAVEPOINT nested_write")
            try? await db.execute("RELEASE SAVEPOINT nested_write")
            throw error
        }
    }

    /// Leases a connection, begins a transaction of `access`, runs `body` and commits, or rolls
    /// back when it throws. When the connection turns out closed before `body` ran, the
    /// transaction is begun again on another one.
    private func transaction<T: Sendable>(_ access: DatabaseAccess, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await client.withConnection { connection in
                    let db = PostgresStatementDatabase(connection: connection)
                    let started = ContinuousClock.now
                    defer { timed(access, since: started) }
                    switch access {
                    case .read: try await db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    case .write:
                        try await db.execute("BEGIN")
                        do {
                            try await db.execute("SELECT pg_advisory_xact_lock(\(bind: Self.writeLockKey))")
                        } catch {
                            try? await db.execute("ROLLBACK")
                            throw error
                        }
                    }
                    let result: T
                    do {
                        result = try await body(connection)
                    } catch {
                        try? await db.execute("ROLLBACK")
                        throw BodyFailure(underlying: error)
                    }
                    // A commit that fails may or may not have happened: it is never tried again.
                    do { try await db.execute("COMMIT") } catch { throw BodyFailure(underlying: error) }
                    return result
                }
            } catch let failure as BodyFailure {
                throw failure.underlying
            } catch where attempt < Self.connectionRetries && Self.isLostConnection(error) {
                continue
            }
        }
    }

    /// A failure inside a transaction's body, told apart from one beginning it: only the
    /// latter is tried again.
    private struct BodyFailure: Error {
        let underlying: any Error
    }

    static func isLostConnection(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        return [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown].contains(error.code)
    }

    private func timed(_ access: DatabaseAccess, since started: ContinuousClock.Instant) {
        guard let box = timing.withLock({ $0 }) else { return }
        box.observe(access, ContinuousClock.now - started)
    }

    public func observeTiming(_ observer: DatabaseTimingObserver?) {
        let box = observer.map { TimingBox($0) }
        timing.withLock { $0 = box }
    }

    // MARK: Change announcements

    public func changeToken() -> Int? {
        if let e = current { return e.writes ? nil : e.token }
        return announcements.token
    }

    /// Listens on the changes channel for as long as the provider is open, connecting again
    /// (from 50 ms, doubling, to 2 s apart) whenever the connection is lost.
    private func startListening() {
        let task = Task { [client, announcements] in
            var pause = Duration.milliseconds(50)
            while !Task.isCancelled {
                do {
                    try await client.withConnection { connection in
                        try await connection.listen(on: Self.changesChannel) { notifications in
                            // Anything may have been written while nobody listened.
                            announcements.listening()
                            pause = .milliseconds(50)
                            for try await _ in notifications { announcements.bump() }
                        }
                    }
                } catch {
                    Self.log.debug("change announcements stopped: \(error)")
                }
                announcements.deaf()
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(2))
            }
        }
        listener.withLock { $0 = task }
    }

    public func shutdown() async {
        listener.withLock { $0?.cancel() }
        pool.cancel()
        _ = await pool.value
    }
}

/// The change token of a PostgreSQL provider: a number moved on at each announced commit, or
/// nil while no connection listens.
final class ChangeAnnouncements: Sendable {
    private let state = Mutex<(count: Int, listening: Bool)>((0, false))

    var token: Int? { state.withLock { $0.listening ? $0.count : nil } }
    func bump() { state.withLock { $0.count += 1 } }
    func listening() { state.withLock { $0.count += 1; $0.listening = true } }
    func deaf() { state.withLock { $0.count += 1; $0.listening = false } }
}

/// The database server could not be reached, or refused the connection.
public struct PostgresUnavailable: Error, CustomStringConvertible {
    public let location: PostgresLocation
    public let underlying: any Error
    public var description: String {
        let reason: String
        if let e = underlying as? PSQLError {
            reason = e.serverInfo?[.message] ?? e.underlying.map { "\($0)" } ?? "\(e.code)"
        } else {
            reason = "\(underlying)"
        }
        return "cannot use the PostgreSQL database at \(location.redacted): \(reason)"
    }
}
