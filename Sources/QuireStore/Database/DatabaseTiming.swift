/// Which kind of transaction a database timing is for.
public enum DatabaseAccess: String, Sendable {
    case read, write
}

/// Told how long each transaction took, from its `BEGIN` to its `COMMIT` or `ROLLBACK`
/// (waiting for the writer's turn left out), for metrics.
public typealias DatabaseTimingObserver = @Sendable (DatabaseAccess, Duration) -> Void
