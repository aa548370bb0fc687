/// A fast 64-bit hash of bytes, eight at a time (FNV-1a's constants with a final mix). Not for
/// security: for entity tags, and for finding cache entries whose bytes are then compared.
public enum ByteHash {
    public static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(raw.count)
        let words = raw.count / 8
        for i in 0..<words {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x100000001b3
            h ^= h >> 32
        }
        for i in (words * 8)..<raw.count {
            h = (h ^ UInt64(raw[i])) &* 0x100000001b3
        }
        h ^= h >> 33
        h = h &* 0xff51afd7ed558ccd
        return h ^ (h >> 33)
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    public static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }
}
