/// Writes JSON text as it is produced, with the escapes and number forms of PHP's
/// `json_encode` under WordPress's flags (the same bytes ``JSONEncoding`` writes for a tree).
///
/// ```swift
/// var sink = JSONByteSink()
/// sink.beginArray(); sink.int(1); sink.string("a/b"); sink.endArray()
/// // sink.bytes is `[1,"a\/b"]`
/// ```
public struct JSONByteSink: JSONSink {
    /// The text written so far.
    public var bytes: [UInt8] { written }
    @usableFromInline var written: [UInt8] = []
    /// Whether the next value or key follows another one at the same level.
    @usableFromInline var needsComma = false

    public init(capacity: Int = 4096) { written.reserveCapacity(capacity) }

    @inlinable mutating func separate() {
        if needsComma { written.append(UInt8(ascii: ",")) }
    }

    @inlinable public mutating func beginObject() { separate(); written.append(UInt8(ascii: "{")); needsComma = false }
    @inlinable public mutating func endObject() { written.append(UInt8(ascii: "}")); needsComma = true }
    @inlinable public mutating func beginArray() { separate(); written.append(UInt8(ascii: "[")); needsComma = false }
    @inlinable public mutating func endArray() { written.append(UInt8(ascii: "]")); needsComma = true }

    @inlinable public mutating func key(_ key: String) {
        separate()
        JSONEncoding.writeString(key, into: &written)
        written.append(UInt8(ascii: ":"))
        needsComma = false
    }

    @inlinable public mutating func string(_ value: String) {
        separate()
        JSONEncoding.writeString(value, into: &written)
        needsComma = true
    }

    @inlinable public mutating func int(_ value: Int) {
        separate()
        JSONEncoding.writeInt(value, into: &written)
        needsComma = true
    }

    @inlinable public mutating func bool(_ value: Bool) {
        separate()
        written.append(contentsOf: value ? "true".utf8 : "false".utf8)
        needsComma = true
    }

    @inlinable public mutating func null() {
        separate()
        written.append(contentsOf: "null".utf8)
        needsComma = true
    }

    @inlinable public mutating func json(_ value: JSON) {
        separate()
        JSONEncoding.write(value, into: &written)
        needsComma = true
    }
}
