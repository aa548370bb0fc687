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

/// An entity tag for a body: a 64-bit hash of its bytes, eight at a time (FNV-1a's
/// constants, with a final mix), written in hexadecimal.
enum EntityTag {
    static func of(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x100000001b3
                h ^= h >> 32
            }
            for i in (words * 8)..<raw.count {
                h = (h ^ UInt64(raw[i])) &* 0x100000001b3
            }
        }
        h ^= h >> 33
        h = h &* 0xff51afd7ed558ccd
        h ^= h >> 33
        return "\"" + String(h, radix: 16) + "\""
    }
}
