import Synchronization

/// What one snapshot has read, by key: the snapshot sees the database at one moment, so a row
/// read again inside it reads the same, and the second read is answered from here. A request
/// that checks a post's permissions, reads it and works out its `Allow` header reads it once.
///
///     if let kept = provider.snapshotMemo?.value("post:7", as: Post?.self) { return kept }
public final class SnapshotMemo: Sendable {
    private let values = Mutex<[String: any Sendable]>([:])
    /// The most values one snapshot keeps; later reads past it go to the database.
    static let capacity = 512

    public init() {}

    public func value<T: Sendable>(_ key: String, as type: T.Type) -> T? {
        // Unwrapped first: a missing value cast to an optional type would be a kept nil.
        values.withLock { values in values[key].flatMap { $0 as? T } }
    }

    public func keep(_ value: some Sendable, for key: String) {
        values.withLock { values in
            if values.count < Self.capacity || values[key] != nil { values[key] = value }
        }
    }
}
