import QuireREST
import QuireStore

/// A field added to a resource (`register_rest_field`): read from and written to wherever the
/// plugin keeps it, described by a schema, honouring `_fields` and context.
public struct RESTField: Sendable {
    public var name: String
    public var schema: JSONObject?
    public var get: (@Sendable (_ object: JSON, _ id: Int, _ request: RESTRequest) async -> JSON)?
    public var update: (@Sendable (_ value: JSON, _ id: Int, _ request: RESTRequest) async throws -> Void)?

    public init(name: String, schema: JSONObject? = nil,
                get: (@Sendable (JSON, Int, RESTRequest) async -> JSON)? = nil,
                update: (@Sendable (JSON, Int, RESTRequest) async throws -> Void)? = nil) {
        self.name = name
        self.schema = schema
        self.get = get
        self.update = update
    }
}

/// A meta key shown in REST (`register_post_meta` with `show_in_rest`).
public struct RegisteredMeta: Sendable {
    public var key: String
    /// `type`, `default`, and any other schema keywords for the value.
    public var schema: JSONObject
    public var single: Bool

    public init(key: String, type: String, single: Bool = true, defaultValue: JSON? = nil, schema extra: JSONObject = JSONObject()) {
        self.key = key
        self.single = single
        var s = extra
        s["type"] = .string(type)
        if let defaultValue { s["default"] = defaultValue }
        self.schema = s
    }

    /// The schema of the `meta` property entry: the value, or a list of values.
    var propertySchema: JSON {
        var s = schema
        s["context"] = ["view", "edit"]
        if single { return .object(s) }
        var item = schema
        item["default"] = nil
        var list = JSONObject()
        list["type"] = "array"
        list["items"] = .object(item)
        list["default"] = schema["default"].map { JSON.array([$0]) } ?? .array([])
        list["context"] = ["view", "edit"]
        return .object(list)
    }

    var defaultValue: JSON { single ? (schema["default"] ?? .null) : .array(schema["default"].map { [$0] } ?? []) }
}

/// What plugins add to the built-in resources, per object type (a post type's name).
public struct ResourceExtensions: Sendable {
    public var fields: [String: [RESTField]] = [:]
    public var meta: [String: [RegisteredMeta]] = [:]
    /// `rest_pre_insert_{type}`: change or refuse a post before it is written.
    public var beforeInsert: [String: [@Sendable (inout Post, RESTRequest) async throws -> Void]] = [:]
    /// `rest_after_insert_{type}`.
    public var afterInsert: [String: [@Sendable (Post, RESTRequest, _ creating: Bool) async -> Void]] = [:]
    /// `rest_prepare_{type}`: change the response of each item.
    public var prepare: [String: [@Sendable (RESTResponse, Post, RESTRequest) async -> RESTResponse]] = [:]
    /// `rest_{type}_query`: change the query of a collection.
    public var query: [String: [@Sendable (inout PostQuery, RESTRequest) async -> Void]] = [:]

    public init() {}

    /// The schema with registered meta and fields added.
    func extend(_ schema: JSONObject, for objectType: String) -> JSONObject {
        var s = schema
        var props = s["properties"]?.objectValue ?? JSONObject()
        if let keys = meta[objectType], !keys.isEmpty, var m = props["meta"]?.objectValue {
            m["properties"] = .object(JSONObject(keys.map { ($0.key, $0.propertySchema) }))
            props["meta"] = .object(m)
        }
        for f in fields[objectType] ?? [] {
            var fs = f.schema ?? JSONObject()
            if fs["context"] == nil { fs["context"] = ["view", "edit"] }
            props[f.name] = .object(fs)
        }
        s["properties"] = .object(props)
        return s
    }
}
