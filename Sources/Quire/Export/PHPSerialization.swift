import QuireREST

/// PHP's `serialize()` for the values a meta field holds, as WordPress stores a list or a map in
/// its tables and an export carries it (`maybe_unserialize` reads it back).
///
/// ```swift
/// PHPSerialization.serialize(["a", 2]) // a:2:{i:0;s:1:"a";i:1;i:2;}
/// ```
public enum PHPSerialization {
    public static func serialize(_ value: JSON) -> String {
        switch value {
        case .null: return "N;"
        case .bool(let b): return "b:\(b ? 1 : 0);"
        case .int(let i): return "i:\(i);"
        case .double(let d): return "d:\(d);"
        case .string(let s): return "s:\(s.utf8.count):\"\(s)\";"
        case .array(let items):
            return "a:\(items.count):{" + items.enumerated().map { "i:\($0.offset);" + serialize($0.element) }.joined() + "}"
        case .object(let object):
            var body = ""
            var count = 0
            for (key, child) in object {
                body += (Int(key).map { "i:\($0);" } ?? serialize(.string(key))) + serialize(child)
                count += 1
            }
            return "a:\(count):{\(body)}"
        }
    }

    /// A meta value as WordPress keeps it: a string or number as itself, anything else serialised.
    public static func metaValue(_ value: JSON) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "1" : ""
        case .null: return ""
        default: return serialize(value)
        }
    }

    /// `maybe_unserialize`: the value a serialised string holds, or nil when the text is not
    /// one (it is then kept as the string it is). Nesting deeper than 64 levels, counts beyond
    /// the text's length and objects are not read.
    ///
    /// ```swift
    /// PHPSerialization.unserialize(#"a:1:{s:1:"w";i:320;}"#) // {"w": 320}
    /// ```
    public static func unserialize(_ text: String) -> JSON? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, "abdiNs".utf8.contains(first), bytes.count >= 2 else { return nil }
        var reader = Reader(bytes: bytes)
        guard let value = reader.value(depth: 0), reader.at == bytes.count else { return nil }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        mutating func expect(_ c: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == c else { return false }
            at += 1
            return true
        }

        /// Text up to (not including) `end`, which is consumed.
        mutating func until(_ end: UInt8) -> String? {
            guard let stop = bytes[at...].firstIndex(of: end) else { return nil }
            let s = String(decoding: bytes[at..<stop], as: UTF8.self)
            at = stop + 1
            return s
        }

        mutating func integer(_ end: UInt8) -> Int? { until(end).flatMap { Int($0) } }

        mutating func value(depth: Int) -> JSON? {
            guard depth < 64, at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: ":") || bytes[at] == UInt8(ascii: "N") else { return nil }
            let kind = bytes[at]
            switch kind {
            case UInt8(ascii: "N"):
                at += 1
                return expect(UInt8(ascii: ";")) ? .null : nil
            case UInt8(ascii: "b"):
                at += 2
                return integer(UInt8(ascii: ";")).map { .bool($0 != 0) }
            case UInt8(ascii: "i"):
                at += 2
                return integer(UInt8(ascii: ";")).map { .int($0) }
            case UInt8(ascii: "d"):
                at += 2
                return until(UInt8(ascii: ";")).flatMap { Double($0) }.map { .double($0) }
            case UInt8(ascii: "s"):
                at += 2
                guard let n = integer(UInt8(ascii: ":")), n >= 0, expect(UInt8(ascii: "\"")), at + n <= bytes.count else { return nil }
                let s = String(decoding: bytes[at..<at + n], as: UTF8.self)
                at += n
                return expect(UInt8(ascii: "\"")) && expect(UInt8(ascii: ";")) ? .string(s) : nil
            case UInt8(ascii: "a"):
                at += 2
                guard let n = integer(UInt8(ascii: ":")), n >= 0, n <= bytes.count - at, expect(UInt8(ascii: "{")) else { return nil }
                var pairs: [(String, JSON)] = []
                var isList = true
                for i in 0..<n {
                    guard let key = value(depth: depth + 1), let child = value(depth: depth + 1) else { return nil }
                    let name: String
                    switch key {
                    case .int(let k): name = String(k); if k != i { isList = false }
                    case .string(let k): name = k; isList = false
                    default: return nil
                    }
                    pairs.append((name, child))
                }
                guard expect(UInt8(ascii: "}")) else { return nil }
                if isList { return .array(pairs.map(\.1)) }
                var object = JSONObject()
                for (k, v) in pairs { object[k] = v }
                return .object(object)
            default:
                return nil
            }
        }
    }
}
