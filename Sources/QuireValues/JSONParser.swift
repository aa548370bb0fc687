/// Parses JSON text as PHP's `json_decode($text, true)` does: integers that fit stay
/// integers, larger ones and any number with a fraction or exponent become floats,
/// and an object whose keys run 0…n-1 is a list.
public struct JSONParser {
    public struct Failure: Error, Sendable {
        /// PHP's `json_last_error()` code and message.
        public let code: Int
        public let message: String
    }

    private let bytes: [UInt8]
    private var pos = 0
    private var depth = 0
    private var objectsAsWritten = false

    /// `objectsAsWritten` reads every `{…}` as a map written `{…}` again, even when empty or
    /// numbered from 0 (for reading back JSON this server wrote, rather than a client's body).
    public static func parse(_ text: [UInt8], objectsAsWritten: Bool = false) throws(Failure) -> JSON {
        var p = JSONParser(bytes: text)
        p.objectsAsWritten = objectsAsWritten
        p.skipWhitespace()
        let v = try p.parseValue()
        p.skipWhitespace()
        guard p.pos == p.bytes.count else { throw syntax }
        return v
    }

    public static func parse(_ text: String) throws(Failure) -> JSON { try parse(Array(text.utf8)) }

    private static let syntax = Failure(code: 4, message: "Syntax error")

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipWhitespace() {
        while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x0A || bytes[pos] == 0x0D || bytes[pos] == 0x09 {
            pos += 1
        }
    }

    private mutating func parseValue() throws(Failure) -> JSON {
        guard pos < bytes.count else { throw Self.syntax }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try parseNumber()
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard pos + w.count <= bytes.count else { throw Self.syntax }
        for i in 0..<w.count where bytes[pos + i] != w[i] { throw Self.syntax }
        pos += w.count
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > 512 { throw Failure(code: 1, message: "Maximum stack depth exceeded") }
    }

    private mutating func parseObject() throws(Failure) -> JSON {
        var obj = JSONObject()
        obj.isPHPObject = objectsAsWritten
        if try opens(closingWith: UInt8(ascii: "}")) { return .object(obj) }
        while true {
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw Self.syntax }
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw Self.syntax }
            pos += 1
            skipWhitespace()
            obj[key] = try parseValue()
            if try closes(with: UInt8(ascii: "}")) { break }
        }
        return !objectsAsWritten && obj.isSequentialList ? .array(obj.values) : .object(obj)
    }

    private mutating func parseArray() throws(Failure) -> JSON {
        var arr: [JSON] = []
        if try opens(closingWith: UInt8(ascii: "]")) { return .array(arr) }
        while true {
            skipWhitespace()
            arr.append(try parseValue())
            if try closes(with: UInt8(ascii: "]")) { break }
        }
        return .array(arr)
    }

    /// Steps into `{` or `[` (one level deeper); true when `close` follows at once, the
    /// container empty and left again.
    private mutating func opens(closingWith close: UInt8) throws(Failure) -> Bool {
        try enter()
        pos += 1
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == close else { return false }
        pos += 1
        depth -= 1
        return true
    }

    /// After a member: `,` goes on (false); `close` ends the container (true) and leaves its level.
    private mutating func closes(with close: UInt8) throws(Failure) -> Bool {
        skipWhitespace()
        guard pos < bytes.count else { throw Self.syntax }
        if bytes[pos] == UInt8(ascii: ",") { pos += 1; return false }
        guard bytes[pos] == close else { throw Self.syntax }
        pos += 1
        depth -= 1
        return true
    }

    private mutating func parseString() throws(Failure) -> String {
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw Self.syntax }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; break }
            if b < 0x20 { throw Failure(code: 3, message: "Control character error, possibly incorrectly encoded") }
            if b != UInt8(ascii: "\\") { out.append(b); pos += 1; continue }
            pos += 1
            guard pos < bytes.count else { throw Self.syntax }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u")
                    else { throw Failure(code: 10, message: "Single unpaired UTF-16 surrogate in unicode escape") }
                    pos += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low)
                    else { throw Failure(code: 10, message: "Single unpaired UTF-16 surrogate in unicode escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw Failure(code: 10, message: "Single unpaired UTF-16 surrogate in unicode escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw Self.syntax }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw Self.syntax
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw Failure(code: 5, message: "Malformed UTF-8 characters, possibly incorrectly encoded")
        }
        return s
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw Self.syntax }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            pos += 1
            v <<= 4
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v |= UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v |= UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v |= UInt32(c - UInt8(ascii: "A") + 10)
            default: throw Self.syntax
            }
        }
        return v
    }

    private mutating func parseNumber() throws(Failure) -> JSON {
        let start = pos
        var isFloat = false
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) else { throw Self.syntax }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
        } else {
            while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            isFloat = true
            pos += 1
            guard pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) else { throw Self.syntax }
            while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            isFloat = true
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) else { throw Self.syntax }
            while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) { pos += 1 }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if !isFloat, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { throw Self.syntax }
        return .double(d)
    }
}
