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
}
