/// `ContextFilter` prepared once for a schema that does not change: which fields each
/// context shows, looked up by name instead of searched for in the schema on every answer.
/// Parts of a schema whose filtering depends on the data (`anyOf`, `oneOf`, pattern or
/// additional properties, a value that may be a list or a map) are left to `ContextFilter`.
///
///     static let plan = ContextPlan(schema)
///     let shown = Self.plan.apply(item, context: request.context)
public final class ContextPlan: Sendable {
    private enum Shape: Sendable {
        /// No type the filter acts on: values pass unchanged.
        case passthrough
        /// Filtered by `ContextFilter` with this schema.
        case general
        case object([String: Field])
        case list(Field?)
    }

    private struct Field: Sendable {
        /// The contexts that show the field; nil when the schema names none (always shown, not descended into).
        let contexts: [String]?
        let plan: ContextPlan
    }

    private let shape: Shape
    /// The schema as given, for the rare data shapes the plan leaves to `ContextFilter`.
    private let schema: JSONObject

    public init(_ schema: JSONObject) {
        self.schema = schema
        shape = Self.shape(of: schema)
    }

    private static func shape(of schema: JSONObject) -> Shape {
        if schema["anyOf"] != nil || schema["oneOf"] != nil { return .general }
        let types: [String]
        if let t = SchemaTypes.declared(schema) { types = t } else if schema["properties"] != nil { types = ["object"] } else { return .passthrough }
        let isArray = types.contains("array"), isObject = types.contains("object")
        if isArray && isObject { return .general }
        if isObject {
            if schema["patternProperties"] != nil || schema["additionalProperties"] != nil { return .general }
            var fields: [String: Field] = [:]
            for (key, value) in schema["properties"]?.objectValue ?? JSONObject() {
                guard let property = value.objectValue else { continue }
                fields[key] = Field(contexts: property["context"]?.arrayValue?.compactMap(\.stringValue), plan: ContextPlan(property))
            }
            return .object(fields)
        }
        if isArray {
            guard let items = schema["items"]?.objectValue else { return .list(nil) }
            return .list(Field(contexts: items["context"]?.arrayValue?.compactMap(\.stringValue), plan: ContextPlan(items)))
        }
        return .passthrough
    }

    /// Whether members can be looked up one by one (``shows(_:in:)``, ``member(_:)``): the
    /// schema describes an object by its properties alone.
    public var isFieldwise: Bool {
        if case .object = shape { return true }
        return false
    }

    /// Whether a member of the object this plan describes is shown in a context: always when
    /// the schema names no context for it.
    public func shows(_ key: String, in context: String) -> Bool {
        guard case .object(let fields) = shape, let contexts = fields[key]?.contexts else { return true }
        return contexts.contains(context)
    }

    /// The plan a member's value is filtered with, when ``apply(_:context:)`` descends into it
    /// (the member's schema names its contexts); nil otherwise.
    public func member(_ key: String) -> ContextPlan? {
        guard case .object(let fields) = shape, let field = fields[key], field.contexts != nil else { return nil }
        return field.plan
    }

    /// The data with the fields the context does not show removed, at every level.
    public func apply(_ data: JSON, context: String) -> JSON {
        switch shape {
        case .passthrough:
            return data
        case .general:
            return ContextFilter.filter(data, schema: schema, context: context)
        case .object(let fields):
            // A list where a map is described is keyed "0", "1", …: left to the general filter.
            guard case .object(let o) = data else {
                if case .array(let a) = data, !a.isEmpty { return ContextFilter.filter(data, schema: schema, context: context) }
                return data
            }
            var out = JSONObject()
            out.isPHPObject = o.isPHPObject
            for (key, value) in o {
                guard let field = fields[key], let contexts = field.contexts else {
                    out.appendUnique(key, value)
                    continue
                }
                guard contexts.contains(context) else { continue }
                switch value {
                case .object, .array: out.appendUnique(key, field.plan.apply(value, context: context))
                default: out.appendUnique(key, value)
                }
            }
            return .object(out)
        case .list(let items):
            guard case .array(let a) = data else {
                if case .object(let o) = data, !o.isEmpty { return ContextFilter.filter(data, schema: schema, context: context) }
                return data
            }
            guard let items, let contexts = items.contexts else { return data }
            guard contexts.contains(context) else { return .array([]) }
            return .array(a.map { value in
                switch value {
                case .object, .array: return items.plan.apply(value, context: context)
                default: return value
                }
            })
        }
    }
}
