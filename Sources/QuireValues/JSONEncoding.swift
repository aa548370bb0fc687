/// Serialises JSON the way PHP's `json_encode` does with WordPress's default flags:
/// slashes and non-ASCII characters escaped, floats with the shortest round-trip form,
/// lists for arrays whose keys run 0…n-1, and `[]` for an empty map.
public enum JSONEncoding {
    public static func encode(_ value: JSON) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, into: &out)
        return out
    }

    public static func encodeString(_ value: JSON) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }

    /// `json_encode` with `JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE`, as block
    /// attributes are written: slashes and characters beyond ASCII as they are.
    ///
    ///     JSONEncoding.encodeUnescaped(["url": "/é"])   // {"url":"/é"}
    public static func encodeUnescaped(_ value: JSON) -> String {
        var out: [UInt8] = []
        write(value, into: &out, escaping: unescapedTable)
        return String(decoding: out, as: UTF8.self)
    }

    public static func write(_ value: JSON, into out: inout [UInt8]) { write(value, into: &out, escaping: escaped) }

    /// `escaping`: which bytes of strings are escaped (`escaped`, or `unescapedTable`).
    static func write(_ value: JSON, into out: inout [UInt8], escaping table: [Bool]) {
        switch value {
        case .null: out.append(contentsOf: [110, 117, 108, 108])
        case .bool(let b): out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case .int(let i): writeInt(i, into: &out)
        case .double(let d): out.append(contentsOf: formatDouble(d).utf8)
        case .string(let s): writeString(s, into: &out, escaping: table)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(v, into: &out, escaping: table)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if !o.isPHPObject && o.isSequentialList {
                write(.array(o.values), into: &out, escaping: table)
                return
            }
            out.append(UInt8(ascii: "{"))
            for i in 0..<o.keys.count {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(o.keys[i], into: &out, escaping: table)
                out.append(UInt8(ascii: ":"))
                write(o.values[i], into: &out, escaping: table)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// PHP (serialize_precision = -1) prints 5.0 as `5.0` and 1e25 as `1.0e+25`.
    public static func formatDouble(_ d: Double) -> String {
        guard d.isFinite else { return "0" }
        if d == d.rounded(), abs(d) < 1e15 {
            return String(Int(d)) + ".0"
        }
        var s = "\(d)"
        if let e = s.firstIndex(of: "e") {
            let mantissa = s[..<e]
            var exp = String(s[s.index(after: e)...])
            if !exp.hasPrefix("-") && !exp.hasPrefix("+") { exp = "+" + exp }
            s = (mantissa.contains(".") ? String(mantissa) : mantissa + ".0") + "e" + exp
        }
        return s
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// An integer in decimal, without making a string of it first.
    @usableFromInline
    static func writeInt(_ value: Int, into out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        // 24 bytes hold the 19 digits of the largest magnitude.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var n = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            if value < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    @usableFromInline
    static func writeString(_ s: String, into out: inout [UInt8]) { writeString(s, into: &out, escaping: escaped) }

    static func writeString(_ s: String, into out: inout [UInt8], escaping table: [Bool]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in table.withUnsafeBufferPointer { writeEscaped(bytes, table: $0, into: &out) } }
        out.append(UInt8(ascii: "\""))
    }

    /// Which bytes are not copied as they are: control characters, `"`, `\`, `/` and every
    /// byte of a character beyond ASCII.
    private static let escaped: [Bool] = (0..<256).map { b in b < 0x20 || b >= 0x80 || b == 0x22 || b == 0x5C || b == 0x2F }

    /// Which are with `JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE`: control characters, `"`
    /// and `\`.
    private static let unescapedTable: [Bool] = (0..<256).map { b in b < 0x20 || b == 0x22 || b == 0x5C }

    /// Copies runs of bytes that need no escape in one go; escapes the rest, decoding UTF-8
    /// sequences into `\uXXXX` (UTF-16, with surrogate pairs above U+FFFF).
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<Bool>, into out: inout [UInt8]) {
        let n = bytes.count
        var runStart = 0
        var i = 0
        while i < n {
            let b = bytes[i]
            if !table[Int(b)] {
                i += 1
                continue
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            if b < 0x80 {
                writeASCII(b, into: &out)
                i += 1
            } else {
                // A well-formed sequence (Swift strings hold valid UTF-8).
                var scalar: UInt32
                var length: Int
                if b >= 0xF0 { scalar = UInt32(b & 0x07); length = 4 } else if b >= 0xE0 { scalar = UInt32(b & 0x0F); length = 3 } else { scalar = UInt32(b & 0x1F); length = 2 }
                length = min(length, n - i)
                for k in 1..<max(length, 1) { scalar = (scalar << 6) | UInt32(bytes[i + k] & 0x3F) }
                if scalar <= 0xFFFF {
                    writeEscape(UInt16(scalar), into: &out)
                } else {
                    let v = scalar - 0x10000
                    writeEscape(UInt16(0xD800 + (v >> 10)), into: &out)
                    writeEscape(UInt16(0xDC00 + (v & 0x3FF)), into: &out)
                }
                i += max(length, 1)
            }
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
    }

    @inline(__always)
    private static func writeASCII(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(92); out.append(b)
        case 0x08: out.append(92); out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(92); out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(92); out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(92); out.append(UInt8(ascii: "r"))
        case 0x09: out.append(92); out.append(UInt8(ascii: "t"))
        case 0..<0x20: writeEscape(UInt16(b), into: &out)
        default: out.append(b)
        }
    }

    private static func writeEscape(_ v: UInt16, into out: inout [UInt8]) {
        out.append(92)
        out.append(UInt8(ascii: "u"))
        out.append(hex[Int(v >> 12) & 0xF])
        out.append(hex[Int(v >> 8) & 0xF])
        out.append(hex[Int(v >> 4) & 0xF])
        out.append(hex[Int(v) & 0xF])
    }
}
