/// Which routes a path may match, found from its first bytes, so matching does not try every
/// route in turn. A route can only match a path that starts with what its matcher requires
/// (``RouteMatcher/required``); routes that require at least ``keyLength`` bytes are listed
/// under those bytes, the others are tried for every path. Candidates keep the registry's
/// order, so the first route that matches is the one WordPress finds walking all of them.
///
///     let candidates = RouteCandidates(matchers)
///     for i in candidates.indices(for: "/wp/v2/posts/7") { … }   // the posts routes, "/", "/wp/v2", …
struct RouteCandidates: Sendable {
    /// How many leading bytes name a bucket: enough to tell `/wp/v2/pos` from `/wp/v2/pag`.
    static let keyLength = 10

    private struct Key: Hashable {
        let high: UInt64
        let low: UInt16
    }

    /// For each bucket, every route to try for a path starting with its bytes: those listed
    /// under it and those tried for every path, in the registry's order.
    private let buckets: [Key: [Int]]
    /// The routes that require fewer bytes than a key holds.
    private let everywhere: [Int]

    init(_ matchers: [RouteMatcher]) {
        var listed: [Key: [Int]] = [:]
        var everywhere: [Int] = []
        for (i, m) in matchers.enumerated() {
            let required = m.required
            if required.count >= Self.keyLength {
                listed[Self.key(required), default: []].append(i)
            } else {
                everywhere.append(i)
            }
        }
        self.buckets = listed.mapValues { ($0 + everywhere).sorted() }
        self.everywhere = everywhere
    }

    /// The routes `path` may match, in the registry's order.
    func indices(for path: String) -> [Int] {
        guard path.utf8.count >= Self.keyLength else { return everywhere }
        return buckets[Self.key(path.utf8)] ?? everywhere
    }

    /// The first ``keyLength`` bytes of `bytes`, lower-cased and packed.
    private static func key<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Key {
        var high: UInt64 = 0, low: UInt16 = 0
        for (n, byte) in bytes.prefix(keyLength).enumerated() {
            let b = ByteText.lowered(byte)
            if n < 8 { high |= UInt64(b) << (8 * n) } else { low |= UInt16(b) << (8 * (n - 8)) }
        }
        return Key(high: high, low: low)
    }
}
