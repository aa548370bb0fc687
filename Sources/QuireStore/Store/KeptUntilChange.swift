import Synchronization

/// Values worked out from the database and kept until any connection commits, that is until the
/// provider's change token moves (as WordPress 6.1 keeps query results until `last_changed`
/// moves). At most `capacity` values are kept for one token; past that, new ones are not kept.
///
/// ```swift
/// let totals = KeptUntilChange<PostQuery, Int>(capacity: 512)
/// let token = provider.changeToken()
/// if let total = totals.value(for: q, token: token) { return total }
/// let total = try await count(q)
/// totals.keep(total, for: q, token: token)
/// ```
///
/// Take the token before reading: what is read then is at least as new as the token, and any
/// later commit moves the token past it. A nil token (inside a write, or a driver that has no
/// change token) keeps nothing.
final class KeptUntilChange<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let kept = Mutex<(token: Int, values: [Key: Value])?>(nil)
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The value kept for `key` under this token, if any.
    func value(for key: Key, token: Int?) -> Value? {
        guard let token else { return nil }
        return kept.withLock { $0?.token == token ? $0?.values[key] : nil }
    }

    func keep(_ value: Value, for key: Key, token: Int?) {
        guard let token else { return }
        kept.withLock { kept in
            if kept?.token != token { kept = (token, [:]) }
            if kept!.values.count < capacity { kept!.values[key] = value }
        }
    }
}
