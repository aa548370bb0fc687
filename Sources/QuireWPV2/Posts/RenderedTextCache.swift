import Foundation
import QuireREST
import Synchronization

/// Rendered post text, kept by the exact text it was rendered from. Rendering is a pure
/// function of that text, and lists render the same recent posts on every request, so the
/// work is done once per distinct text. Nothing can go stale: an edited post has a different
/// text and so a different entry. Entries are found by a fast 64-bit hash of the texts and
/// used only when the texts are equal. The number of entries is bounded.
final class RenderedTextCache: Sendable {
    enum Kind: UInt8, Sendable { case content, excerpt, title }

    private struct Key: Hashable, Sendable {
        let kind: Kind
        let hash: UInt64
    }

    private struct Entry: Sendable {
        let text: String
        let other: String
        let rendered: String
    }

    private let entries = Mutex<[Key: Entry]>([:])
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func rendered(_ kind: Kind, _ text: String, _ other: String = "", render: () -> String) -> String {
        let key = Key(kind: kind, hash: ByteHash.of(text) &* 31 &+ ByteHash.of(other))
        if let hit = entries.withLock({ $0[key] }), Self.sameBytes(hit.text, text), Self.sameBytes(hit.other, other) {
            return hit.rendered
        }
        let value = render()
        entries.withLock { e in
            if e.count >= capacity { e.removeAll(keepingCapacity: true) }
            e[key] = Entry(text: text, other: other, rendered: value)
        }
        return value
    }

    var count: Int { entries.withLock { $0.count } }

    /// Byte-for-byte equality (String's `==` treats canonically equivalent texts as equal,
    /// and those render to different bytes).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }
}
