/// Builds a ``JSON`` value from what a presenter writes into it.
///
/// ```swift
/// var sink = JSONTreeSink()
/// sink.beginObject(); sink.member("id", 5); sink.endObject()
/// // sink.value == ["id": 5]
/// ```
public struct JSONTreeSink: JSONSink {
    private enum Open {
        case object(JSONObject, key: String?)
        case array([JSON])
    }

    private var open: [Open] = []
    /// The value written so far once every object and list is closed (`null` before anything is written).
    public private(set) var value: JSON = .null

    public init() {}

    private mutating func add(_ v: JSON) {
        guard let top = open.popLast() else { value = v; return }
        switch top {
        case .object(var o, let key):
            if let key { o[key] = v }
            open.append(.object(o, key: nil))
        case .array(var a):
            a.append(v)
            open.append(.array(a))
        }
    }

    public mutating func beginObject() { open.append(.object(JSONObject(), key: nil)) }
    public mutating func beginArray() { open.append(.array([])) }

    public mutating func endObject() {
        guard case .object(let o, _)? = open.popLast() else { return }
        add(.object(o))
    }

    public mutating func endArray() {
        guard case .array(let a)? = open.popLast() else { return }
        add(.array(a))
    }

    public mutating func key(_ key: String) {
        guard case .object(let o, _)? = open.popLast() else { return }
        open.append(.object(o, key: key))
    }

    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func int(_ value: Int) { add(.int(value)) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func null() { add(.null) }
    public mutating func json(_ value: JSON) { add(value) }
}
