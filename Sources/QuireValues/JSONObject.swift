/// An ordered string-keyed map: the shape of a PHP associative array.
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSON] = []
    /// Written as `{}` even when empty or numbered from 0, as a PHP object (`stdClass`) is;
    /// an ordinary empty map is a PHP array and is written `[]`.
    public var isPHPObject = false

    public init() {}

    /// An empty map written as `{}`.
    public static var phpObject: JSONObject {
        var o = JSONObject()
        o.isPHPObject = true
        return o
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.keys == b.keys && a.values == b.values }

    public init(_ pairs: [(String, JSON)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }

    public init(dictionaryLiteral elements: (String, JSON)...) {
        self.init(elements.map { ($0.0, $0.1) })
    }
    public var isEmpty: Bool { keys.isEmpty }

    public func index(of key: String) -> Int? { keys.firstIndex(of: key) }

    public subscript(key: String) -> JSON? {
        get {
            guard let i = keys.firstIndex(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = keys.firstIndex(of: key) {
                if let newValue { values[i] = newValue } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    public func contains(_ key: String) -> Bool { keys.contains(key) }

    /// Appends without checking for an existing key; for builders that know keys are new.
    public mutating func appendUnique(_ key: String, _ value: JSON) {
        keys.append(key)
        values.append(value)
    }

    public mutating func removeValue(forKey key: String) { self[key] = nil }

    public struct Iterator: IteratorProtocol {
        let keys: [String]
        let values: [JSON]
        var i = 0

        public mutating func next() -> (key: String, value: JSON)? {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[i])
        }
    }

    public func makeIterator() -> Iterator { Iterator(keys: keys, values: values) }

    /// True when the keys are "0", "1", … in order: PHP treats such an array as a list.
    public var isSequentialList: Bool {
        for (i, k) in keys.enumerated() where k != String(i) { return false }
        return true
    }

    /// True when every key is an integer, as `wp_is_numeric_array` asks.
    public var hasOnlyNumericKeys: Bool {
        keys.allSatisfy { PHPKey.isIntegerKey($0) }
    }
}

/// PHP's rules for array keys.
public enum PHPKey {
    /// A key PHP would store as an integer ("5", "-3", not "05" or "5.0").
    public static func isIntegerKey(_ k: String) -> Bool {
        guard !k.isEmpty else { return false }
        var s = Substring(k)
        if s.first == "-" { s = s.dropFirst() }
        guard let f = s.first, f.isASCII, f.isNumber else { return false }
        if f == "0" && s.count > 1 { return false }
        if k == "-0" { return false }
        return s.allSatisfy { $0.isASCII && $0.isNumber } && Int(k) != nil
    }
}
