import SQLKit

/// A database Quire's store runs its SQL on: reads on any connection, writes one at a time,
/// each write inside a transaction that commits only when the whole body succeeds. A write or
/// read begun inside a write's body joins that write's transaction, so several store calls can
/// be made one transaction: `provider.write { _ in try await a(); try await b() }`.
public protocol DatabaseProvider: Sendable {
    /// Which SQL dialect the queries speak: "sqlite" or "postgresql".
    var dialectName: String { get }
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` with every read inside it on one connection and one snapshot, begun once:
    /// a request that reads a dozen times pays for one transaction, and sees the database as
    /// it was at its first read. Writes inside it are not seen by its reads.
    func snapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T
    /// What the snapshot the current task reads in has kept of its reads; nil outside one, and
    /// inside a write (whose reads see what it writes).
    var snapshotMemo: SnapshotMemo? { get }
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func shutdown() async
    /// A number that changes whenever any connection, in this process or another, commits a
    /// write; nil when the database cannot tell cheaply.
    func changeToken() -> Int?
    /// Starts (or, with nil, stops) telling `observer` how long each transaction takes.
    func observeTiming(_ observer: DatabaseTimingObserver?)
}

extension DatabaseProvider {
    public func snapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T { try await body() }
    public func changeToken() -> Int? { nil }
    public var snapshotMemo: SnapshotMemo? { nil }
    public func observeTiming(_ observer: DatabaseTimingObserver?) {}
}
