/// What a file is, judged by its first bytes rather than its name, and an image's size read
/// from its header (PNG, JPEG, GIF, WebP).
public enum ImageInfo {
    /// The MIME type the content shows, or nil when Quire does not accept it.
    public static func sniff(_ b: [UInt8]) -> String? {
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        if b.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        return nil
    }

    /// The MIME type of an upload named with extension `ext`: its content's, or plain text for a
    /// `.txt` file that is text (UTF-8, no NUL bytes), as WordPress's own check lets through.
    public static func mimeType(of b: [UInt8], ext: String) -> String? {
        if let sniffed = sniff(b) { return sniffed }
        if ext == "txt", !b.contains(0), String(validating: b, as: UTF8.self) != nil { return "text/plain" }
        return nil
    }

    /// The type of a file named with extension `ext` when the site accepts it: its content's
    /// type, and an extension that type may carry (a PNG named `.jpg` is refused).
    public static func acceptedType(of b: [UInt8], ext: String) -> String? {
        guard let mime = mimeType(of: b, ext: ext), extensions[mime]?.contains(ext) == true else { return nil }
        return mime
    }

    /// The extensions each accepted type may carry.
    public static let extensions: [String: [String]] = [
        "image/png": ["png"], "image/jpeg": ["jpg", "jpeg", "jpe"], "image/gif": ["gif"], "image/webp": ["webp"],
        "application/pdf": ["pdf"], "text/plain": ["txt"],
    ]

    public static func dimensions(_ b: [UInt8], mime: String) -> (width: Int, height: Int)? {
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func le24(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }
        switch mime {
        case "image/png":
            guard b.count >= 24 else { return nil }
            return (be32(16), be32(20))
        case "image/gif":
            guard b.count >= 10 else { return nil }
            return (le16(6), le16(8))
        case "image/webp":
            guard b.count >= 30 else { return nil }
            let chunk = String(decoding: b[12..<16], as: UTF8.self)
            switch chunk {
            case "VP8X": return (le24(24) + 1, le24(27) + 1)
            case "VP8L":
                let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
                return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
            case "VP8 ": return (le16(26) & 0x3FFF, le16(28) & 0x3FFF)
            default: return nil
            }
        case "image/jpeg":
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { i += 1; continue }
                let marker = b[i + 1]
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                let length = be16(i + 2)
                if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                    return (be16(i + 7), be16(i + 5))
                }
                i += 2 + length
            }
            return nil
        default: return nil
        }
    }
}
