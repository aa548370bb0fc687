import Foundation

/// PHP's scalar conversions, which WordPress's schema functions lean on.
public enum PHPScalar {
    public static let whitespace: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]

    /// `is_numeric()`: integers, floats, and strings that spell a decimal number
    /// (leading and trailing whitespace allowed; no hex, no "NaN").
    public static func isNumeric(_ v: JSON) -> Bool {
        switch v {
        case .int, .double: return true
        case .string(let s): return numericString(s) != nil
        default: return false
        }
    }

    /// The trimmed numeric text of a numeric string, and whether it is an integer literal.
    public static func numericString(_ s: String) -> (text: Substring, isInteger: Bool)? {
        var t = Substring(s)
        while let f = t.first, whitespace.contains(f) { t = t.dropFirst() }
        while let l = t.last, whitespace.contains(l) { t = t.dropLast() }
        var i = t.startIndex
        if i < t.endIndex, t[i] == "+" || t[i] == "-" { i = t.index(after: i) }
        var intDigits = 0, fracDigits = 0
        while i < t.endIndex, t[i].isASCII, t[i].isNumber { intDigits += 1; i = t.index(after: i) }
        var isInteger = true
        if i < t.endIndex, t[i] == "." {
            isInteger = false
            i = t.index(after: i)
            while i < t.endIndex, t[i].isASCII, t[i].isNumber { fracDigits += 1; i = t.index(after: i) }
        }
        guard intDigits + fracDigits > 0 else { return nil }
        if i < t.endIndex, t[i] == "e" || t[i] == "E" {
            isInteger = false
            i = t.index(after: i)
            if i < t.endIndex, t[i] == "+" || t[i] == "-" { i = t.index(after: i) }
            var expDigits = 0
            while i < t.endIndex, t[i].isASCII, t[i].isNumber { expDigits += 1; i = t.index(after: i) }
            guard expDigits > 0 else { return nil }
        }
        guard i == t.endIndex else { return nil }
        return (t, isInteger)
    }

    /// `(float) $v`.
    public static func toDouble(_ v: JSON) -> Double {
        switch v {
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): return leadingNumber(s)
        case .array(let a): return a.isEmpty ? 0 : 1
        case .object(let o): return o.isEmpty ? 0 : 1
        }
    }

    /// `(int) $v`.
    public static func toInt(_ v: JSON) -> Int {
        switch v {
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .double(let d): return clampToInt(d)
        case .string(let s):
            if let (text, isInteger) = numericString(s), isInteger {
                let digits = text.hasPrefix("+") ? text.dropFirst() : text
                if let i = Int(digits) { return i }
                return digits.hasPrefix("-") ? Int.min : Int.max
            }
            return clampToInt(leadingNumber(s))
        case .array(let a): return a.isEmpty ? 0 : 1
        case .object(let o): return o.isEmpty ? 0 : 1
        }
    }

    public static func clampToInt(_ d: Double) -> Int {
        guard d.isFinite else { return 0 }
        if d >= 9.223372036854775807e18 { return Int.max }
        if d <= -9.223372036854775808e18 { return Int.min }
        return Int(d)
    }

    /// The number at the start of a string, as PHP reads it ("12abc" → 12; "x" → 0).
    public static func leadingNumber(_ s: String) -> Double {
        let b = Array(s.utf8)
        var i = 0
        while i < b.count, b[i] == 0x20 || (0x09...0x0D).contains(b[i]) { i += 1 }
        let start = i
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        var digits = 0
        while i < b.count, (0x30...0x39).contains(b[i]) { i += 1; digits += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            var j = i + 1, frac = 0
            while j < b.count, (0x30...0x39).contains(b[j]) { j += 1; frac += 1 }
            if digits + frac > 0 { i = j; digits += frac }
        }
        guard digits > 0 else { return 0 }
        if let n = plainInteger(b[start..<i]), i == b.count || (b[i] != UInt8(ascii: "e") && b[i] != UInt8(ascii: "E")) {
            return Double(n)
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            var j = i + 1
            if j < b.count, b[j] == UInt8(ascii: "+") || b[j] == UInt8(ascii: "-") { j += 1 }
            var e = 0
            while j < b.count, (0x30...0x39).contains(b[j]) { j += 1; e += 1 }
            if e > 0 { i = j }
        }
        return parseDecimal(Substring(String(decoding: b[start..<i], as: UTF8.self))) ?? 0
    }

    public static func parseDecimal(_ s: Substring) -> Double? {
        if let n = plainInteger(s.utf8) { return Double(n) }
        guard let (text, _) = numericString(String(s)) else { return nil }
        var t = String(text)
        if t.hasSuffix(".") { t += "0" }
        if t.hasPrefix(".") { t = "0" + t } else if t.hasPrefix("-.") { t = "-0" + t.dropFirst() } else if t.hasPrefix("+.") { t = "0" + t.dropFirst() }
        t = t.replacingOccurrences(of: ".e", with: ".0e").replacingOccurrences(of: ".E", with: ".0E")
        return Double(t)
    }

    /// The value of an optional sign and 1–18 ASCII digits, nothing else; nil otherwise
    /// (the common case of numeric parameters, read without building strings).
    static func plainInteger<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var negative = false
        var digits = 0
        var n = 0
        for (k, b) in bytes.enumerated() {
            if k == 0, b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                negative = b == UInt8(ascii: "-")
                continue
            }
            guard b >= 0x30, b <= 0x39, digits < 18 else { return nil }
            n = n * 10 + Int(b - 0x30)
            digits += 1
        }
        guard digits > 0, !(negative && n == 0) else { return nil }
        return negative ? -n : n
    }

    /// `(string) $v`.
    public static func toString(_ v: JSON) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "1" : ""
        case .int(let i): return String(i)
        case .double(let d): return formatFloat(d)
        case .string(let s): return s
        case .array, .object: return "Array"
        }
    }

    /// PHP's string form of a float: 5.0 → "5", 1.5 → "1.5", 1e25 → "1.0E+25".
    public static func formatFloat(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return JSONEncoding.formatDouble(d).replacingOccurrences(of: "e", with: "E")
    }

    /// `(bool) $v`.
    public static func toBool(_ v: JSON) -> Bool { !v.isEmptyLike }

    /// `is_scalar()`.
    public static func isScalar(_ v: JSON) -> Bool {
        switch v {
        case .bool, .int, .double, .string: return true
        default: return false
        }
    }

    /// `%d` formatting of a number (truncated toward zero).
    public static func formatD(_ v: JSON) -> String { String(toInt(v)) }
}
