/// HTTP header fields in order, looked up without regard to case.
public struct HeaderList: Sendable, Equatable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}
    public init(_ fields: [(String, String)]) { self.fields = fields.map { (name: $0.0, value: $0.1) } }

    public static func == (a: HeaderList, b: HeaderList) -> Bool {
        a.fields.elementsEqual(b.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    public subscript(name: String) -> String? {
        let l = name.lowercased()
        return fields.first { $0.name.lowercased() == l }?.value
    }

    public func all(_ name: String) -> [String] {
        let l = name.lowercased()
        return fields.filter { $0.name.lowercased() == l }.map(\.value)
    }

    /// Adds a field, keeping any others of the same name.
    public mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }

    /// Sets a field, replacing any others of the same name where the first one stood.
    public mutating func set(_ name: String, _ value: String) {
        let l = name.lowercased()
        if let i = fields.firstIndex(where: { $0.name.lowercased() == l }) {
            fields[i].value = value
            fields.removeAll { $0.name.lowercased() == l && $0.value != value }
            if !fields.contains(where: { $0.name.lowercased() == l }) { fields.append((name, value)) }
        } else {
            fields.append((name, value))
        }
    }

    public mutating func remove(_ name: String) {
        let l = name.lowercased()
        fields.removeAll { $0.name.lowercased() == l }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }
}
