import QuireREST
import QuireStore

/// A field added to a resource (`register_rest_field`): read from and written to wherever the
/// plugin keeps it, described by a schema, honouring `_fields` and context.
///
///     site.registerField("post", RESTField(name: "words", schema: ["type": "integer", "readonly": true],
///                                          get: { object, _, _ in .int(object["content"]?["raw"]?.stringValue?.count ?? 0) }))
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
///
///     site.registerPostMeta("book", RegisteredMeta(key: "isbn", type: "string", defaultValue: "",
///                                                  schema: ["pattern": "^(\\d{10}|\\d{13})?$"]))
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

    /// The contexts the value is shown in (the schema's `context`; view and edit unless it says).
    var contexts: [JSON] { schema["context"]?.arrayValue ?? ["view", "edit"] }

    /// `persisted_preferences`, which WordPress registers for every user: the block editor's
    /// preferences, kept between sessions and shown only in the edit context.
    public static let persistedPreferences = RegisteredMeta(key: "persisted_preferences", type: "object", defaultValue: .array([]), schema: [
        "type": "object", "description": "", "default": .array([]), "context": ["edit"],
        "properties": ["_modified": ["description": "The date and time the preferences were updated.", "type": "string",
                                     "format": "date-time", "readonly": false]],
        "additionalProperties": true,
    ])

    /// The schema of the `meta` property entry: the value, or a list of values.
    var propertySchema: JSON {
        var s = schema
        s["context"] = .array(contexts)
        if single { return .object(s) }
        var item = schema
        item["default"] = nil
        var list = JSONObject()
        list["type"] = "array"
        list["items"] = .object(item)
        list["default"] = schema["default"].map { JSON.array([$0]) } ?? .array([])
        list["context"] = .array(contexts)
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
    /// `rest_allow_anonymous_comments`: whether a visitor who is not signed in may comment
    /// through the API (WordPress's answer is no unless one of these says yes).
    public var allowAnonymousComments: [@Sendable (RESTRequest) async -> Bool] = []

    /// What WordPress itself registers: the users' `persisted_preferences`.
    public init() {
        meta["user"] = [.persistedPreferences]
    }

    /// The schema with registered meta and fields added.
    func extend(_ schema: JSONObject, for objectType: String) -> JSONObject { extend(schema, meta: objectType, fields: objectType) }

    /// The schema with the meta registered under `metaKey` and the fields under `fieldKey`.
    func extend(_ schema: JSONObject, meta metaKey: String, fields fieldKey: String) -> JSONObject {
        var s = schema
        var props = s["properties"]?.objectValue ?? JSONObject()
        if let keys = meta[metaKey], !keys.isEmpty, var m = props["meta"]?.objectValue {
            var existing = m["properties"]?.objectValue ?? JSONObject()
            for k in keys { existing[k.key] = k.propertySchema }
            m["properties"] = .object(existing)
            props["meta"] = .object(m)
        }
        for f in fields[fieldKey] ?? [] {
            var fs = f.schema ?? JSONObject()
            if fs["context"] == nil { fs["context"] = ["view", "edit"] }
            props[f.name] = .object(fs)
        }
        s["properties"] = .object(props)
        return s
    }

    /// Registered meta (stored values or defaults) and fields added to a prepared response.
    func decorate(_ response: RESTResponse, meta metaKey: String, fields fieldKey: String, id: Int, stored: [String: JSON],
                  request r: RESTRequest) async -> RESTResponse {
        guard case .object(var o) = response.data else { return response }
        if let keys = meta[metaKey], !keys.isEmpty, o["meta"] != nil {
            var m = o["meta"]?.objectValue ?? JSONObject()
            let context = JSON.string(r["context"]?.stringValue ?? "view")
            for k in keys where k.contexts.contains(context) { m[k.key] = stored[k.key] ?? k.defaultValue }
            o["meta"] = .object(m)
        }
        for f in fields[fieldKey] ?? [] where f.get != nil && FieldsFilter.includes(f.name, r["_fields"]) {
            let contexts = f.schema?["context"]?.arrayValue ?? ["view", "edit"]
            guard contexts.contains(.string(r["context"]?.stringValue ?? "view")) else { continue }
            o[f.name] = await f.get!(.object(o), id, r)
        }
        var out = response
        out.data = .object(o)
        return out
    }

    /// Registered meta from the request's `meta`, each checked against its schema.
    func metaChanges(_ r: RESTRequest, meta metaKey: String) throws -> [(String, JSON?)] {
        guard let given = r["meta"]?.objectValue else { return [] }
        let keys = meta[metaKey] ?? []
        var changes: [(String, JSON?)] = []
        for (key, value) in given {
            guard let registered = keys.first(where: { $0.key == key }) else { continue }
            if value.isNull { changes.append((key, nil)); continue }
            let schema = registered.propertySchema.objectValue ?? JSONObject()
            // As `WP_REST_Meta_Fields::update_value`: the value's own error, its data moved aside
            // for the status.
            if let e = SchemaValidator.validate(value, schema, param: "meta.\(key)") {
                throw RESTError(e.code, e.message, data: ["status": 400], additionalData: e.data.isNull ? [] : [e.data])
            }
            changes.append((key, (try? SchemaSanitizer.sanitize(value, schema, param: key).get()) ?? value))
        }
        return changes
    }

    /// Runs the update callbacks of the fields the request sets.
    func updateFields(_ fieldKey: String, id: Int, _ r: RESTRequest) async throws {
        for f in fields[fieldKey] ?? [] {
            guard let update = f.update, let value = r[f.name] else { continue }
            try await update(value, id, r)
        }
    }
}

/// Where one resource's registered meta and fields live: the keys they are registered under and
/// the table their meta is kept in.
struct ExtensionPoint: Sendable {
    let meta: String
    let fields: String
    let kind: MetaKind

    static let user = ExtensionPoint(meta: "user", fields: "user", kind: .user)
    static let comment = ExtensionPoint(meta: "comment", fields: "comment", kind: .comment)
    /// A taxonomy's terms: meta registered under `term:<taxonomy>`, fields under the taxonomy.
    static func term(_ taxonomy: String) -> ExtensionPoint { ExtensionPoint(meta: "term:\(taxonomy)", fields: taxonomy, kind: .term) }

    /// `base` with the meta and fields registered here.
    func schema(_ base: JSONObject, in types: ContentTypes) -> JSONObject { types.extensions.extend(base, meta: meta, fields: fields) }

    /// Adds what plugins registered to a prepared response; free when nothing is registered.
    func extended(_ response: RESTResponse, id: Int, _ r: RESTRequest, store: any ContentStore,
                  extensions ext: ResourceExtensions) async throws -> RESTResponse {
        try await extended([(response, id)], r, store: store, extensions: ext)[0]
    }

    /// The same for a page of items, their meta read in one query, and only when some
    /// registered meta is shown in the request's context.
    func extended(_ items: [(response: RESTResponse, id: Int)], _ r: RESTRequest, store: any ContentStore,
                  extensions ext: ResourceExtensions) async throws -> [RESTResponse] {
        let context = JSON.string(r["context"]?.stringValue ?? "view")
        let shown = (ext.meta[meta] ?? []).contains { $0.contexts.contains(context) }
        guard shown || ext.fields[fields]?.isEmpty == false else { return items.map(\.response) }
        let stored = shown ? try await store.objectMeta(kind, ids: items.map(\.id)) : [:]
        var out: [RESTResponse] = []
        out.reserveCapacity(items.count)
        for item in items {
            out.append(await ext.decorate(item.response, meta: meta, fields: fields, id: item.id, stored: stored[item.id] ?? [:], request: r))
        }
        return out
    }

    /// Saves the registered meta and fields the request sets.
    func save(id: Int, _ r: RESTRequest, store: any ContentStore, extensions ext: ResourceExtensions) async throws {
        let changes = try ext.metaChanges(r, meta: meta)
        if !changes.isEmpty { try await store.setObjectMeta(kind, id: id, changes) }
        try await ext.updateFields(fields, id: id, r)
    }
}

/// A controller whose items plugins extend with registered meta and REST fields (users,
/// comments, terms): its responses gain them and its writes save them.
protocol ExtendedController: RESTController {
    var store: any ContentStore { get }
    var types: ContentTypes { get }
    /// Where the controller's meta and fields are registered.
    var extensionPoint: ExtensionPoint { get }
}

extension ExtendedController {
    /// A prepared item with its registered meta and fields.
    func extended(_ response: RESTResponse, id: Int, _ r: RESTRequest) async throws -> RESTResponse {
        try await extensionPoint.extended(response, id: id, r, store: store, extensions: types.extensions)
    }

    /// A page of prepared items with theirs, their meta read in one query.
    func extended(_ items: [(response: RESTResponse, id: Int)], _ r: RESTRequest) async throws -> [RESTResponse] {
        try await extensionPoint.extended(items, r, store: store, extensions: types.extensions)
    }

    /// Saves the registered meta and fields a write sets.
    func saveExtensions(id: Int, _ r: RESTRequest) async throws {
        try await extensionPoint.save(id: id, r, store: store, extensions: types.extensions)
    }
}
