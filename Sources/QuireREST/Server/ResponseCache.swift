import Synchronization

/// Answers to GET requests kept until the site's content changes. An entry is used only when
/// the content version it was made at is still current, so no stale answer is ever served.
public final class ResponseCache: Sendable {
    struct Entry: Sendable {
        let version: Int
        let output: HTTPOutput
    }

    private let entries = Mutex<[String: Entry]>([:])
    public let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    func lookup(_ key: String, version: Int) -> HTTPOutput? {
        entries.withLock { e in
            guard let entry = e[key] else { return nil }
            if entry.version == version { return entry.output }
            e[key] = nil
            return nil
        }
    }

    func store(_ key: String, version: Int, output: HTTPOutput) {
        entries.withLock { e in
            if e.count >= capacity {
                // Drop what is stale first, then anything, to stay within bounds.
                e = e.filter { $0.value.version == version }
                if e.count >= capacity { e.removeAll(keepingCapacity: true) }
            }
            e[key] = Entry(version: version, output: output)
        }
    }

    public var count: Int { entries.withLock { $0.count } }
}

/// An entity tag for a body: FNV-1a over its bytes.
enum EntityTag {
    static func of(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        return "\"" + String(h, radix: 16) + "\""
    }
}
