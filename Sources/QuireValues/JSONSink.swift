/// Where a resource's JSON is written, member by member, in the order a client reads it.
///
/// One presenter serves two destinations: ``JSONTreeSink`` builds a ``JSON`` value that later
/// steps may read or change (`_fields`, `_embed`, hooks, batch answers); ``JSONByteSink``
/// writes the text `json_encode` would print, straight from the model, when nothing reads the
/// answer before the client does.
///
/// ```swift
/// func write<S: JSONSink>(_ book: Book, into sink: inout S) {
///     sink.beginObject()
///     sink.key("id"); sink.int(book.id)
///     sink.key("title"); sink.string(book.title)
///     sink.endObject()
/// }
/// ```
public protocol JSONSink {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The name of the object member whose value comes next.
    mutating func key(_ key: String)
    mutating func string(_ value: String)
    mutating func int(_ value: Int)
    mutating func bool(_ value: Bool)
    mutating func null()
    /// A whole value at once.
    mutating func json(_ value: JSON)
}

extension JSONSink {
    /// A member whose value is a string.
    @inlinable public mutating func member(_ key: String, _ value: String) { self.key(key); string(value) }
    /// A member whose value is an integer.
    @inlinable public mutating func member(_ key: String, _ value: Int) { self.key(key); int(value) }
    /// A member whose value is a boolean.
    @inlinable public mutating func member(_ key: String, _ value: Bool) { self.key(key); bool(value) }
    /// A member whose value is any JSON.
    @inlinable public mutating func member(_ key: String, json value: JSON) { self.key(key); json(value) }
}
