/// A JSON Schema as WordPress writes its resources and arguments (draft 4, with `context` and
/// `readonly`), built as a value: types, formats and contexts are named, so a typo does not
/// compile, and keywords are kept in the order they are given, which is the order WordPress
/// lists them in OPTIONS answers and the index.
///
///     let date = Schema("The date the post was published, in the site's timezone.", .string, .null)
///         .format(.dateTime)
///         .context(.view, .edit, .embed)
///     date.json
///     // {"description": "The date the post …", "type": ["string", "null"], "format": "date-time",
///     //  "context": ["view", "edit", "embed"]}
///
/// A resource's schema is an object of named fields:
///
///     let note = Schema.resource("note", [
///         ("id", Schema("Unique identifier for the note.", .integer).context(.view, .edit).readonly()),
///     ])
public struct Schema: Sendable, Equatable {
    /// The keywords, in the order they were given.
    public private(set) var keywords: JSONObject

    /// No keyword yet.
    public init() { keywords = JSONObject() }

    /// A schema with a `description` and a `type` (a list when it is given more than one).
    public init(_ description: String, _ types: SchemaType...) {
        keywords = JSONObject()
        keywords["description"] = .string(description)
        if !types.isEmpty { keywords["type"] = Self.typeValue(types) }
    }

    /// A schema of `type` alone, as list items are often described.
    public init(_ types: SchemaType...) {
        keywords = JSONObject()
        keywords["type"] = Self.typeValue(types)
    }

    /// Wraps keywords given as JSON (a registered meta or REST field's schema).
    public init(keywords: JSONObject) { self.keywords = keywords }

    /// The schema as JSON.
    public var json: JSON { .object(keywords) }

    /// A copy with `keyword` set to `value` (in its place when already set, else last).
    public func with(_ keyword: String, _ value: JSON) -> Schema {
        var copy = self
        copy.keywords[keyword] = value
        return copy
    }

    public func title(_ text: String) -> Schema { with("title", .string(text)) }
    public func description(_ text: String) -> Schema { with("description", .string(text)) }
    public func type(_ types: SchemaType...) -> Schema { with("type", Self.typeValue(types)) }
    public func format(_ format: SchemaFormat) -> Schema { with("format", .string(format.rawValue)) }
    /// The contexts a field is shown in, in the order given.
    public func context(_ contexts: RESTContext...) -> Schema { with("context", .array(contexts.map { .string($0.rawValue) })) }
    public func context(_ contexts: [RESTContext]) -> Schema { with("context", .array(contexts.map { .string($0.rawValue) })) }
    public func readonly() -> Schema { with("readonly", true) }
    public func required() -> Schema { with("required", true) }
    public func `enum`(_ values: [String]) -> Schema { with("enum", .array(values.map(JSON.string))) }
    public func `enum`(_ values: String...) -> Schema { self.enum(values) }
    public func `enum`(values: [JSON]) -> Schema { with("enum", .array(values)) }
    public func `default`(_ value: JSON) -> Schema { with("default", value) }
    public func minimum(_ n: Int) -> Schema { with("minimum", .int(n)) }
    public func maximum(_ n: Int) -> Schema { with("maximum", .int(n)) }
    public func items(_ items: Schema) -> Schema { with("items", items.json) }
    public func oneOf(_ choices: [Schema]) -> Schema { with("oneOf", .array(choices.map(\.json))) }
    public func additionalProperties(_ allowed: Bool) -> Schema { with("additionalProperties", .bool(allowed)) }
    public func additionalProperties(_ schema: Schema) -> Schema { with("additionalProperties", schema.json) }
    /// An object's fields, in order; an empty list is written `[]`, as PHP encodes an empty array.
    public func properties(_ fields: [(String, Schema)]) -> Schema {
        with("properties", fields.isEmpty ? .array([]) : .object(JSONObject(fields.map { ($0.0, $0.1.json) })))
    }

    /// A resource: `$schema` (draft 4 unless WordPress names another), `title`, `type: object`
    /// and its fields.
    public static func resource(_ title: String, _ fields: [(String, Schema)],
                                metaSchema: String = "http://json-schema.org/draft-04/schema#") -> JSONObject {
        ["$schema": .string(metaSchema), "title": .string(title), "type": "object",
         "properties": .object(JSONObject(fields.map { ($0.0, $0.1.json) }))]
    }

    /// A route's arguments, in order.
    public static func arguments(_ arguments: [(String, Schema)]) -> JSONObject {
        JSONObject(arguments.map { ($0.0, $0.1.json) })
    }

    static func typeValue(_ types: [SchemaType]) -> JSON {
        types.count == 1 ? .string(types[0].rawValue) : .array(types.map { .string($0.rawValue) })
    }
}

/// A JSON Schema `type`.
public struct SchemaType: RawRepresentable, Sendable, Hashable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let string = Self(rawValue: "string"), integer = Self(rawValue: "integer"), number = Self(rawValue: "number")
    public static let boolean = Self(rawValue: "boolean"), null = Self(rawValue: "null")
    public static let array = Self(rawValue: "array"), object = Self(rawValue: "object")
}

/// A `format` WordPress checks and sanitises (`rest_validate_value_from_schema`).
public struct SchemaFormat: RawRepresentable, Sendable, Hashable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let dateTime = Self(rawValue: "date-time"), uri = Self(rawValue: "uri"), email = Self(rawValue: "email")
    public static let ip = Self(rawValue: "ip"), uuid = Self(rawValue: "uuid"), hexColor = Self(rawValue: "hex-color")
    /// Formats WordPress sanitises with, not checks: `sanitize_text_field`, `sanitize_textarea_field`.
    public static let textField = Self(rawValue: "text-field"), textareaField = Self(rawValue: "textarea-field")
}

/// Where a field is shown: the `context` a request asks for.
public enum RESTContext: String, Sendable, CaseIterable {
    case view, edit, embed
}
