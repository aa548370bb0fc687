/// Removes the fields a schema does not show in a context (`view`, `embed`, `edit`), at
/// every level, as `rest_filter_response_by_context` does.
public enum ContextFilter {
    public static func filter(_ data: JSON, schema schemaIn: JSONObject, context: String) -> JSON {
        var schema = schemaIn
        for keyword in ["anyOf", "oneOf"] {
            guard let options = schema[keyword]?.arrayValue else { continue }
            let found = keyword == "anyOf"
                ? SchemaCombining.findAny(data, options, parent: schema, param: "")
                : SchemaCombining.findOne(data, options, parent: schema, param: "", stopAtFirst: false)
            if case .success(let match) = found {
                if schema["type"] == nil, let t = match["type"] { schema["type"] = t }
                for (k, v) in match { schema[k] = v }
            }
        }
        let obj: JSONObject
        let wasList: Bool
        switch data {
        case .object(let o): obj = o; wasList = false
        case .array(let a): obj = JSONObject(a.enumerated().map { (String($0.offset), $0.element) }); wasList = true
        default: return data
        }
        let types: [String]
        if let t = SchemaTypes.declared(schema) { types = t } else if schema["properties"] != nil { types = ["object"] } else { return data }
        var isArray = types.contains("array"), isObject = types.contains("object")
        if isArray && isObject {
            if SchemaTypes.isArray(data) { isObject = false } else { isArray = false }
        }
        let additional = isObject ? schema["additionalProperties"]?.objectValue : nil
        var out = obj
        for (key, value) in obj {
            var check: JSONObject? = nil
            if isArray {
                check = schema["items"]?.objectValue
            } else if isObject {
                if let p = schema["properties"]?[key]?.objectValue { check = p }
                else if let p = SchemaCombining.patternPropertySchema(for: key, in: schema) { check = p }
                else { check = additional }
            }
            guard let check, let contexts = check["context"]?.arrayValue else { continue }
            if !contexts.contains(.string(context)) {
                if isArray { return .array([]) }
                out[key] = nil
            } else if case .object = value {
                out[key] = filter(value, schema: check, context: context)
            } else if case .array = value {
                out[key] = filter(value, schema: check, context: context)
            }
        }
        if wasList && out.isSequentialList { return .array(out.values) }
        return .object(out)
    }
}
