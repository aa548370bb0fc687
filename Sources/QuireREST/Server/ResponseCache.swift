import Synchronization

/// Answers to GET requests kept until the site's content changes. An entry is used only when
/// the content version it was made at is still current, so no stale answer is ever served.
/// Bounded by a number of entries and by the bytes they hold: bodies (each counted twice: the
/// adapter keeps its own copy of an answer it sends), headers and keys (a key holds the URL,
/// which a client chooses).
public final class ResponseCache: Sendable {
    struct Entry: Sendable {
        let version: Int
        let output: HTTPOutput
        let bytes: Int

        init(key: String, version: Int, output: HTTPOutput) {
            self.version = version
            self.output = output
            var headerBytes = 0
            for (name, value) in output.headers { headerBytes += name.utf8.count + value.utf8.count }
            bytes = 2 * (output.body?.count ?? 0) + 2 * headerBytes + key.utf8.count + 256
        }
    }

    private struct State: Sendable {
        var entries: [String: Entry] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    public let capacity: Int
    public let maxBytes: Int

    public init(capacity: Int = 4096, maxBytes: Int = 32 * 1024 * 1024) {
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    public func lookup(_ key: String, version: Int) -> HTTPOutput? {
        state.withLock { s in
            guard let entry = s.entries[key] else { return nil }
            if entry.version == version { return entry.output }
            s.entries[key] = nil
            s.bytes -= entry.bytes
            return nil
        }
    }

    public func store(_ key: String, version: Int, output: HTTPOutput) {
        let entry = Entry(key: key, version: version, output: output)
        guard entry.bytes <= maxBytes / 4 else { return }
        state.withLock { s in
            if let old = s.entries.removeValue(forKey: key) { s.bytes -= old.bytes }
            if s.entries.count >= capacity || s.bytes + entry.bytes > maxBytes {
                // Drop what is stale first, then anything, to stay within bounds.
                s.entries = s.entries.filter { $0.value.version == version }
                s.bytes = s.entries.values.reduce(0) { $0 + $1.bytes }
                if s.entries.count >= capacity || s.bytes + entry.bytes > maxBytes {
                    s.entries.removeAll(keepingCapacity: true)
                    s.bytes = 0
                }
            }
            s.entries[key] = entry
            s.bytes += entry.bytes
        }
    }

    public var count: Int { state.withLock { $0.entries.count } }
    public var bytes: Int { state.withLock { $0.bytes } }
}

/// An entity tag for a body: its `ByteHash`, in hexadecimal.
enum EntityTag {
    static func of(_ bytes: [UInt8]) -> String {
        "\"" + String(ByteHash.of(bytes), radix: 16) + "\""
    }
}
