/// Byte-wise search, split and replace on UTF-8 text, as PHP's string functions work. The
/// needles used are ASCII, so a match never splits a character; this is much cheaper than
/// searching by grapheme on the content of every post in a list.
public enum ByteText {
    /// The byte offset of the first `needle` in `haystack` at or after `from`; with
    /// `ignoringASCIICase`, A–Z and a–z match each other.
    public static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from: Int = 0,
                                   ignoringASCIICase: Bool = false) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if !ignoringASCIICase, haystack[i] != needle[0] { i += 1; continue }
            if matches(needle, in: haystack, at: i, ignoringASCIICase: ignoringASCIICase) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `haystack` holds `needle` at `offset`.
    public static func matches(_ needle: [UInt8], in haystack: [UInt8], at offset: Int,
                               ignoringASCIICase: Bool = false) -> Bool {
        guard offset >= 0, offset + needle.count <= haystack.count else { return false }
        for (n, c) in needle.enumerated() {
            let h = haystack[offset + n]
            if h == c { continue }
            guard ignoringASCIICase, lowered(h) == lowered(c) else { return false }
        }
        return true
    }

    /// An ASCII capital lowered (what PHP's `strtolower` and a `/i` pattern do to a byte); any other byte as it is.
    @inlinable public static func lowered(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// The text before the first `needle`, or the whole text when it does not occur.
    public static func prefix(_ s: String, before needle: String) -> String {
        let b = Array(s.utf8)
        guard let at = firstOffset(of: Array(needle.utf8), in: b) else { return s }
        return String(decoding: b[..<at], as: UTF8.self)
    }

    /// PHP's `explode()`: the pieces between occurrences of `separator`, empty ones included.
    public static func split(_ s: String, by separator: String) -> [String] {
        let b = Array(s.utf8), sep = Array(separator.utf8)
        var pieces: [String] = []
        var start = 0
        while let at = firstOffset(of: sep, in: b, from: start) {
            pieces.append(String(decoding: b[start..<at], as: UTF8.self))
            start = at + sep.count
        }
        pieces.append(String(decoding: b[start...], as: UTF8.self))
        return pieces
    }

    /// PHP's `str_replace()` for one needle.
    public static func replacing(_ target: String, with replacement: String, in s: String) -> String {
        let b = Array(s.utf8), t = Array(target.utf8)
        guard var at = firstOffset(of: t, in: b) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 16)
        var start = 0
        while true {
            out.append(contentsOf: b[start..<at])
            out.append(contentsOf: replacement.utf8)
            start = at + t.count
            guard let next = firstOffset(of: t, in: b, from: start) else { break }
            at = next
        }
        out.append(contentsOf: b[start...])
        return String(decoding: out, as: UTF8.self)
    }
}
