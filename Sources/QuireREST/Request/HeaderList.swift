/// HTTP header fields in order, looked up without regard to case.
public struct HeaderList: Sendable, Equatable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}
    public init(_ fields: [(String, String)]) { self.fields = fields.map { (name: $0.0, value: $0.1) } }

    public static func == (a: HeaderList, b: HeaderList) -> Bool {
        a.fields.elementsEqual(b.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Whether two field names are the same, ignoring ASCII case (names are ASCII tokens).
    static func sameName(_ a: String, _ b: String) -> Bool {
        var i = a.utf8.makeIterator(), j = b.utf8.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                if x != y && (x | 0x20 != y | 0x20 || !((x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A)) { return false }
            default: return false
            }
        }
    }

    public subscript(name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    public func all(_ name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Adds a field, keeping any others of the same name.
    public mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }

    /// Sets a field, replacing any others of the same name where the first one stood.
    public mutating func set(_ name: String, _ value: String) {
        if let i = fields.firstIndex(where: { Self.sameName($0.name, name) }) {
            fields[i].value = value
            var k = fields.count - 1
            while k > i {
                if Self.sameName(fields[k].name, name) { fields.remove(at: k) }
                k -= 1
            }
        } else {
            fields.append((name, value))
        }
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.sameName($0.name, name) }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }
}
