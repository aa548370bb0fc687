import Synchronization

/// Rendered post text, kept by the exact text it was rendered from. Rendering is a pure
/// function of that text, and lists render the same recent posts on every request, so the
/// work is done once per distinct text. Nothing can go stale: an edited post has a different
/// text and so a different key. The number of entries is bounded.
final class RenderedTextCache: Sendable {
    enum Kind: UInt8, Sendable { case content, excerpt, title }

    private struct Key: Hashable, Sendable {
        let kind: Kind
        let text: String
        let other: String
    }

    private let entries = Mutex<[Key: String]>([:])
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func rendered(_ kind: Kind, _ text: String, _ other: String = "", render: () -> String) -> String {
        let key = Key(kind: kind, text: text, other: other)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let value = render()
        entries.withLock { e in
            if e.count >= capacity { e.removeAll(keepingCapacity: true) }
            e[key] = value
        }
        return value
    }

    var count: Int { entries.withLock { $0.count } }
}
