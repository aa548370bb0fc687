/// Endpoint arguments derived from a resource schema, so one schema drives both the response
/// shape and what create and update accept (`get_endpoint_args_for_item_schema`).
public enum EndpointArguments {
    static let keywordOrder = ["title", "description", "type", "format", "enum", "items", "properties",
                               "additionalProperties", "patternProperties", "minProperties", "maxProperties", "minimum",
                               "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
                               "pattern", "minItems", "maxItems", "uniqueItems", "anyOf", "oneOf"]

    /// Per-property changes to the derived argument (WordPress's `arg_options`).
    public struct Options: Sendable {
        public var validation: RESTArgument.Validation?
        public var sanitization: RESTArgument.Sanitization?
        public var defaultValue: JSON?
        public init(validation: RESTArgument.Validation? = nil, sanitization: RESTArgument.Sanitization? = nil,
                    defaultValue: JSON? = nil) {
            self.validation = validation
            self.sanitization = sanitization
            self.defaultValue = defaultValue
        }
    }

    /// The writable properties of `schema` as arguments; `creating` adds defaults and `required`.
    public static func from(_ schema: JSONObject, creating: Bool, options: [String: Options] = [:]) -> [RESTArgument] {
        guard let properties = schema["properties"]?.objectValue else { return [] }
        var args: [RESTArgument] = []
        for (name, value) in properties {
            guard let p = value.objectValue, p["readonly"].map({ $0.isEmptyLike }) ?? true else { continue }
            var s = JSONObject()
            if creating, let d = options[name]?.defaultValue ?? p["default"] { s.appendUnique("default", d) }
            if creating, let r = p["required"], !r.isEmptyLike { s.appendUnique("required", .bool(true)) }
            for k in keywordOrder { if let v = p[k] { s.appendUnique(k, v) } }
            args.append(RESTArgument(name, schema: s, validation: options[name]?.validation ?? .schema,
                                     sanitization: options[name]?.sanitization ?? .schema))
        }
        return args
    }

    /// The `context` argument every readable endpoint takes.
    /// `force`: whether a delete skips the trash.
    public static let force = RESTArgument("force", schema: [
        "type": "boolean", "default": false, "description": "Whether to bypass Trash and force deletion."])

    public static func context(default value: String = "view") -> RESTArgument {
        RESTArgument("context", schema: [
            "description": "Scope under which the request is made; determines fields present in response.",
            "type": "string", "enum": ["view", "embed", "edit"], "default": .string(value),
        ], validation: .schema, sanitization: RESTArgument.sanitizeKey)
    }

    /// A collection's filters as declared (name → schema), with the callbacks WordPress attaches
    /// to the common ones; `custom` supplies any other argument's own.
    public static func collection(_ declared: JSONObject, custom: [String: RESTArgument.Sanitization] = [:]) -> [RESTArgument] {
        declared.map { name, schema in
            let s = schema.objectValue ?? JSONObject()
            switch name {
            case "context": return context(default: s["default"]?.stringValue ?? "view")
            case "page", "per_page": return RESTArgument(name, schema: s, validation: .schema, sanitization: RESTArgument.absint)
            case "search": return RESTArgument(name, schema: s, validation: .schema, sanitization: RESTArgument.sanitizeTextField)
            default:
                if let sanitize = custom[name] { return RESTArgument(name, schema: s, sanitization: sanitize) }
                return RESTArgument(name, schema: s)
            }
        }
    }

    /// `page`, `per_page`, `search` and `context`, as every collection has them (revisions
    /// list everything unless `per_page` is given, so theirs has no default).
    public static func collection(perPageDefault: Bool = true) -> [RESTArgument] {
        var perPage: JSONObject = ["description": "Maximum number of items to be returned in result set.",
                                   "type": "integer", "default": 10, "minimum": 1, "maximum": 100]
        if !perPageDefault { perPage["default"] = nil }
        return [
            context(),
            RESTArgument("page", schema: ["description": "Current page of the collection.", "type": "integer",
                                          "default": 1, "minimum": 1], validation: .schema, sanitization: RESTArgument.absint),
            RESTArgument("per_page", schema: perPage, validation: .schema, sanitization: RESTArgument.absint),
            RESTArgument("search", schema: ["description": "Limit results to those matching a string.", "type": "string"],
                         validation: .schema, sanitization: RESTArgument.sanitizeTextField),
        ]
    }
}
