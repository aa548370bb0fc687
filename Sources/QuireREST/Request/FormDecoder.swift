/// Decodes query strings and form bodies as PHP's `parse_str` does, so that
/// `tags[]=1&tags[]=2` is a list and `meta[color]=red` a map.
public enum FormDecoder {
    public static func decode(_ query: Substring) -> JSONObject {
        var root = JSONObject()
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let (rawKey, rawValue): (Substring, Substring)
            if let eq = pair.firstIndex(of: "=") {
                rawKey = pair[..<eq]
                rawValue = pair[pair.index(after: eq)...]
            } else {
                rawKey = pair
                rawValue = ""
            }
            let key = percentDecode(rawKey)
            let value = percentDecode(rawValue)
            insert(key: key, value: .string(value), into: &root)
        }
        return root
    }

    public static func decode(_ query: String) -> JSONObject { decode(Substring(query)) }

    /// Splits `a[b][]` into the base name and its bracketed segments, with PHP's mangling of
    /// the base name (spaces, dots and a stray "[" become "_").
    static func splitKey(_ key: String) -> (String, [String])? {
        var base = ""
        var segments: [String] = []
        var chars = Array(key)
        // PHP drops leading spaces from the name.
        while chars.first == " " { chars.removeFirst() }
        var i = 0
        var sawBracket = false
        while i < chars.count {
            let c = chars[i]
            if c == "[" {
                // A segment needs a closing bracket; otherwise "[" is part of the name.
                if let close = chars[(i + 1)...].firstIndex(of: "]") {
                    sawBracket = true
                    segments.append(String(chars[(i + 1)..<close]))
                    i = close + 1
                    // After the first segment only further [..] groups count; the rest is dropped.
                    while i < chars.count {
                        guard chars[i] == "[", let next = chars[(i + 1)...].firstIndex(of: "]") else { break }
                        segments.append(String(chars[(i + 1)..<next]))
                        i = next + 1
                    }
                    break
                } else {
                    base.append("_")
                    i += 1
                    // The rest of the key is kept as it is.
                    base.append(contentsOf: chars[i...])
                    break
                }
            }
            base.append(c == " " || c == "." ? "_" : c)
            i += 1
        }
        _ = sawBracket
        if base.isEmpty { return nil }
        return (base, segments)
    }

    /// PHP's `max_input_nesting_level`: a name nested deeper than this is dropped whole.
    static let maxNesting = 64

    static func insert(key: String, value: JSON, into root: inout JSONObject) {
        guard let (base, segments) = splitKey(key), segments.count < maxNesting else { return }
        if segments.isEmpty {
            root[base] = value
            return
        }
        var current = root[base] ?? .emptyObject
        set(&current, segments[...], value)
        root[base] = current
    }

    private static func nextIndex(_ o: JSONObject) -> String {
        var next = 0
        for k in o.keys { if let i = Int(k), PHPKey.isIntegerKey(k), i >= next { next = i + 1 } }
        return String(next)
    }

    private static func set(_ node: inout JSON, _ segments: ArraySlice<String>, _ value: JSON) {
        var obj: JSONObject
        switch node {
        case .object(let o): obj = o
        case .array(let a): obj = JSONObject(a.enumerated().map { (String($0.offset), $0.element) })
        default: obj = JSONObject()
        }
        let seg = segments.first!
        let key = seg.isEmpty ? nextIndex(obj) : seg
        if segments.count == 1 {
            obj[key] = value
        } else {
            var child = obj[key] ?? .emptyObject
            if case .object = child {} else if case .array = child {} else { child = .emptyObject }
            set(&child, segments.dropFirst(), value)
            obj[key] = child
        }
        node = obj.isSequentialList ? .array(obj.values) : .object(obj)
    }

    /// `urldecode()`: "+" is a space, "%XX" a byte; invalid escapes are kept.
    public static func percentDecode(_ s: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if b == UInt8(ascii: "%"), it.count >= 2, let h = hexValue(it[it.startIndex]), let l = hexValue(it[it.startIndex + 1]) {
                bytes.append(h << 4 | l)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }

    /// `urlencode()`: spaces as "+", everything but letters, digits and `-_.` escaped.
    public static func urlencode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 48...57, 65...90, 97...122, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case 0x20: out.append("+")
            default:
                out.append("%")
                out.append(String(b, radix: 16, uppercase: true).leftPadded(2))
            }
        }
        return out
    }

    /// `http_build_query()` of already-flat or nested values: `a%5B0%5D=1&b=x`.
    public static func buildQuery(_ params: JSONObject) -> String {
        var parts: [String] = []
        func add(_ prefix: String, _ v: JSON) {
            switch v {
            case .array(let a): for (i, x) in a.enumerated() { add("\(prefix)%5B\(i)%5D", x) }
            case .object(let o): for (k, x) in o { add("\(prefix)%5B\(urlencode(k))%5D", x) }
            case .null: break
            case .bool(let b): parts.append("\(prefix)=\(b ? "1" : "0")")
            default: parts.append("\(prefix)=\(urlencode(PHPScalar.toString(v)))")
            }
        }
        for (k, v) in params { add(urlencode(k), v) }
        return parts.joined(separator: "&")
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

extension FormDecoder {
    /// Percent-decodes a URL path ("+" stays "+").
    public static func percentDecodePath(_ s: String) -> String {
        guard s.contains("%") else { return s }
        return percentDecode(Substring(s.replacingOccurrences(of: "+", with: "%2B")))
    }
}
