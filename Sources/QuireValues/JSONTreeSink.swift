/// Builds a ``JSON`` value from what a presenter writes into it. Each object's keys are
/// written once each, as a presenter writes them (a key written twice appears twice).
///
/// ```swift
/// var sink = JSONTreeSink()
/// sink.beginObject(); sink.member("id", 5); sink.endObject()
/// // sink.value == ["id": 5]
/// ```
public struct JSONTreeSink: JSONSink {
    private enum Open { case object, array }

    /// The containers not yet closed, innermost last; each kind's contents on its own stack,
    /// so that adding to the innermost one changes it in place.
    private var open: [Open] = []
    private var objects: [JSONObject] = []
    private var arrays: [[JSON]] = []
    /// The key the next value goes under, and those of the containers still open.
    private var key: String?
    private var outerKeys: [String?] = []
    /// The value written so far once every object and list is closed (`null` before anything is written).
    public private(set) var value: JSON = .null

    public init() {}

    private mutating func add(_ v: JSON) {
        switch open.last {
        case nil: value = v
        case .object?:
            if let key { objects[objects.count - 1].appendUnique(key, v) }
            key = nil
        case .array?: arrays[arrays.count - 1].append(v)
        }
    }

    private mutating func begin(_ kind: Open) {
        open.append(kind)
        outerKeys.append(key)
        key = nil
    }

    public mutating func beginObject() { begin(.object); objects.append(JSONObject()) }
    public mutating func beginArray() { begin(.array); arrays.append([]) }

    public mutating func endObject() {
        guard open.last == .object else { return }
        open.removeLast()
        key = outerKeys.removeLast()
        add(.object(objects.removeLast()))
    }

    public mutating func endArray() {
        guard open.last == .array else { return }
        open.removeLast()
        key = outerKeys.removeLast()
        add(.array(arrays.removeLast()))
    }

    public mutating func key(_ key: String) { self.key = key }
    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func int(_ value: Int) { add(.int(value)) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func null() { add(.null) }
    public mutating func json(_ value: JSON) { add(value) }
}
