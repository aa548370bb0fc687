/// The type checks and coercions behind the JSON Schema `type` keyword, as WordPress applies
/// them to request values (strings from URLs, values from JSON bodies).
public enum SchemaTypes {
    public static let allowed: Set<String> = ["array", "object", "string", "number", "integer", "boolean", "null"]

    /// The `type` keyword as a list, or nil when absent.
    public static func declared(_ schema: JSONObject) -> [String]? {
        switch schema["type"] {
        case .string(let t)?: return [t]
        case .array(let ts)?: return ts.compactMap(\.stringValue)
        default: return nil
        }
    }

    public static func isInteger(_ v: JSON) -> Bool {
        guard PHPScalar.isNumeric(v) else { return false }
        let d = PHPScalar.toDouble(v)
        return d.rounded() == d
    }

    public static func isBoolean(_ v: JSON) -> Bool {
        switch v {
        case .bool: return true
        case .string(let s): return ["false", "true", "0", "1"].contains(s.lowercased())
        case .int(let i): return i == 0 || i == 1
        default: return false
        }
    }

    public static func sanitizeBoolean(_ v: JSON) -> Bool {
        if case .string(let s) = v {
            let l = s.lowercased()
            if l == "false" || l == "0" { return false }
        }
        return PHPScalar.toBool(v)
    }

    /// `wp_parse_list()`: a list as is; anything scalar split on commas and whitespace.
    public static func parseList(_ v: JSON) -> JSON {
        switch v {
        case .array, .object: return v
        default:
            let s = PHPScalar.toString(v)
            let parts = s.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" || $0 == "\u{0B}" })
            return .array(parts.map { .string(String($0)) })
        }
    }

    public static func isNumericArray(_ v: JSON) -> Bool {
        switch v {
        case .array: return true
        case .object(let o): return o.hasOnlyNumericKeys
        default: return false
        }
    }

    public static func isArray(_ v: JSON) -> Bool {
        if PHPScalar.isScalar(v) { return isNumericArray(parseList(v)) }
        return isNumericArray(v)
    }

    /// `rest_sanitize_array()`: the values of the list, in order.
    public static func sanitizeArray(_ v: JSON) -> [JSON] {
        let list = PHPScalar.isScalar(v) ? parseList(v) : v
        switch list {
        case .array(let a): return a
        case .object(let o): return o.values
        default: return []
        }
    }

    public static func isObject(_ v: JSON) -> Bool {
        switch v {
        case .string(let s): return s.isEmpty
        case .array, .object: return true
        default: return false
        }
    }

    /// `rest_sanitize_object()` as an ordered map (a list keeps its indexes as keys).
    public static func sanitizeObject(_ v: JSON) -> JSONObject {
        switch v {
        case .object(let o): return o
        case .array(let a): return JSONObject(a.enumerated().map { (String($0.offset), $0.element) })
        default: return JSONObject()
        }
    }

    public static func matches(_ type: String, _ v: JSON) -> Bool {
        switch type {
        case "array": return isArray(v)
        case "object": return isObject(v)
        case "integer": return isInteger(v)
        case "number": return PHPScalar.isNumeric(v)
        case "boolean": return isBoolean(v)
        case "string": if case .string = v { return true } else { return false }
        case "null": return v.isNull
        default: return false
        }
    }

    /// `rest_get_best_type_for_value()` followed by the fallback for unknown type names.
    public static func best(for v: JSON, among types: [String]) -> String? {
        if case .string(let s) = v, s.isEmpty, types.contains("string") { return "string" }
        for t in types where matches(t, v) { return t }
        return types.first { !allowed.contains($0) }
    }

    /// Loose equality for `enum`: ints equal floats of the same value; lists compared by index.
    public static func valuesEqual(_ a: JSON, _ b: JSON) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.array, .array), (.array, .object), (.object, .array), (.object, .object):
            let oa = sanitizeObject(a), ob = sanitizeObject(b)
            guard oa.count == ob.count else { return false }
            for (k, v) in oa {
                guard let w = ob[k], valuesEqual(v, w) else { return false }
            }
            return true
        default: return a == b
        }
    }

    /// A value reduced to a canonical form for duplicate detection (`rest_stabilize_value`).
    public static func stableKey(_ v: JSON) -> String {
        switch v {
        case .null: return "N"
        case .bool(let b): return b ? "b1" : "b0"
        case .int(let i): return "i\(i)"
        case .double(let d): return "d\(d)"
        case .string(let s): return "s\(s.utf8.count):\(s)"
        case .array(let a): return "a[" + a.enumerated().map { "\($0.offset)=\(stableKey($0.element))" }.joined(separator: ",") + "]"
        case .object(let o):
            let sorted = zip(o.keys, o.values).sorted { $0.0 < $1.0 }
            return "a[" + sorted.map { "\($0.0)=\(stableKey($0.1))" }.joined(separator: ",") + "]"
        }
    }

    public static func hasUniqueItems(_ items: [JSON]) -> Bool {
        var seen = Set<String>()
        for i in items where !seen.insert(stableKey(i)).inserted { return false }
        return true
    }
}
