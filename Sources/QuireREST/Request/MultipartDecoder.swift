/// Decodes `multipart/form-data` bodies: plain fields become form parameters (with PHP's
/// bracket keys), parts with a file name are kept as uploaded files.
public enum MultipartDecoder {
    public struct File: Sendable, Equatable {
        public var field: String
        public var filename: String
        public var contentType: String?
        public var data: [UInt8]
    }

    /// The longest boundary RFC 2046 allows.
    public static let maxBoundaryLength = 70

    public static func boundary(fromContentType ct: String) -> String? {
        for part in ct.split(separator: ";").dropFirst() {
            let kv = part.trimmingSpaces()
            if kv.lowercased().hasPrefix("boundary=") {
                var b = String(kv.dropFirst("boundary=".count))
                if b.hasPrefix("\""), b.hasSuffix("\""), b.count >= 2 { b = String(b.dropFirst().dropLast()) }
                // RFC 2046 allows at most 70 characters; a longer boundary delimits nothing.
                return b.isEmpty || b.utf8.count > maxBoundaryLength ? nil : b
            }
        }
        return nil
    }

    public static func decode(_ body: [UInt8], boundary: String) -> (fields: JSONObject, files: [File]) {
        var fields = JSONObject()
        var files: [File] = []
        let delimiter = Array("--\(boundary)".utf8)
        var positions: [Int] = []
        var i = 0
        while let p = find(delimiter, in: body, from: i) {
            positions.append(p)
            i = p + delimiter.count
        }
        for (n, start) in positions.enumerated() where n + 1 < positions.count {
            var partStart = start + delimiter.count
            if partStart + 1 < body.count, body[partStart] == 13, body[partStart + 1] == 10 { partStart += 2 }
            var partEnd = positions[n + 1]
            if partEnd >= 2, body[partEnd - 2] == 13, body[partEnd - 1] == 10 { partEnd -= 2 }
            guard partStart <= partEnd else { continue }
            let part = Array(body[partStart..<partEnd])
            guard let headerEnd = find([13, 10, 13, 10], in: part, from: 0) else { continue }
            let headerText = String(decoding: part[..<headerEnd], as: UTF8.self)
            let content = Array(part[(headerEnd + 4)...])
            var name: String?, filename: String?, contentType: String?
            for line in headerText.split(separator: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: String(line))
                    filename = parameter("filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    contentType = String(line.dropFirst("content-type:".count)).trimmingSpaces()
                }
            }
            guard let name else { continue }
            if let filename {
                files.append(File(field: name, filename: filename, contentType: contentType, data: content))
            } else {
                FormDecoder.insert(key: name, value: .string(String(decoding: content, as: UTF8.self)), into: &fields)
            }
        }
        return (fields, files)
    }

    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let kv = piece.trimmingSpaces()
            guard let eq = kv.firstIndex(of: "=") else { continue }
            if kv[..<eq].lowercased() == key {
                var v = String(kv[kv.index(after: eq)...])
                if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
                return v
            }
        }
        return nil
    }

    /// Where `needle` first occurs in `hay` at or after `from`, by Knuth–Morris–Pratt: time
    /// linear in both lengths, so no boundary or body can make the search quadratic.
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, from >= 0, hay.count - from >= needle.count else { return nil }
        // fallback[i]: the length of the longest proper border of needle[0...i].
        var fallback = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0, needle[i] != needle[k] { k = fallback[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            fallback[i] = k
        }
        var matched = 0
        for i in from..<hay.count {
            while matched > 0, hay[i] != needle[matched] { matched = fallback[matched - 1] }
            if hay[i] == needle[matched] { matched += 1 }
            if matched == needle.count { return i - needle.count + 1 }
        }
        return nil
    }
}

/// Header parameter parsing for controllers (`filename="a.png"`).
public enum MultipartDecoderPublic {
    public static func parameter(_ key: String, in header: String) -> String? { MultipartDecoder.parameter(key, in: header) }
}
