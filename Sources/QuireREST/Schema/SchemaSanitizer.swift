/// Coerces a value to its schema the way WordPress does (`rest_sanitize_value_from_schema`):
/// "5" → 5 for integers, "true" → true for booleans, "a,b" → ["a","b"] for arrays.
public enum SchemaSanitizer {
    public static func sanitize(_ valueIn: JSON, _ schemaIn: JSONObject, param: String) -> Result<JSON, RESTError> {
        var value = valueIn
        var schema = schemaIn
        // `anyOf`, then `oneOf`: the value is sanitised by the first option it matches.
        for keyword in ["anyOf", "oneOf"] {
            guard let options = schema[keyword]?.arrayValue else { continue }
            let found = keyword == "anyOf" ? SchemaCombining.findAny(value, options, parent: schema, param: param)
                                           : SchemaCombining.findOne(value, options, parent: schema, param: param, stopAtFirst: true)
            switch found {
            case .failure(let e): return .failure(e)
            case .success(let match):
                if schema["type"] == nil { schema["type"] = match["type"] ?? .null }
                switch sanitize(value, match, param: param) {
                case .failure(let e): return .failure(e)
                case .success(let v): value = v
                }
            }
        }
        var type: String? = nil
        if let types = SchemaTypes.declared(schema) {
            if case .array = schema["type"] {
                guard let best = SchemaTypes.best(for: value, among: types) else { return .success(value) }
                type = best
            } else {
                type = types.first
            }
        }
        switch type {
        case "array"?:
            var items = SchemaTypes.sanitizeArray(value)
            if let itemSchema = schema["items"]?.objectValue, !itemSchema.isEmpty {
                for i in items.indices {
                    switch sanitize(items[i], itemSchema, param: "\(param)[\(i)]") {
                    case .success(let v): items[i] = v
                    case .failure(let e): items[i] = e.body
                    }
                }
            }
            if let u = schema["uniqueItems"], !u.isEmptyLike, !SchemaTypes.hasUniqueItems(items) {
                return .failure(RESTError("rest_duplicate_items", "\(param) has duplicate items."))
            }
            return .success(.array(items))
        case "object"?:
            var obj = SchemaTypes.sanitizeObject(value)
            let properties = schema["properties"]?.objectValue
            for (key, v) in obj {
                let childParam = "\(param)[\(key)]"
                if let propSchema = properties?[key]?.objectValue {
                    obj[key] = (try? sanitize(v, propSchema, param: childParam).get()) ?? v
                    continue
                }
                if let patternSchema = SchemaCombining.patternPropertySchema(for: key, in: schema) {
                    obj[key] = (try? sanitize(v, patternSchema, param: childParam).get()) ?? v
                    continue
                }
                switch schema["additionalProperties"] {
                case .bool(false)?: obj[key] = nil
                case .object(let extra)?: obj[key] = (try? sanitize(v, extra, param: childParam).get()) ?? v
                default: break
                }
            }
            // A PHP array with keys 0…n-1 is a list, whatever schema type it passed as.
            return .success(obj.isSequentialList && !obj.isEmpty ? .array(obj.values) : .object(obj))
        case "null"?: return .success(.null)
        case "integer"?: return .success(.int(PHPScalar.toInt(value)))
        case "number"?: return .success(.double(PHPScalar.toDouble(value)))
        case "boolean"?: return .success(.bool(SchemaTypes.sanitizeBoolean(value)))
        default: break
        }
        let formatApplies = type == nil || type == "string" || !SchemaTypes.allowed.contains(type!)
        if formatApplies, let format = schema["format"]?.stringValue,
           let formatted = SchemaFormats.sanitize(value, format: format) {
            return .success(formatted)
        }
        if type == "string" { return .success(.string(PHPScalar.toString(value))) }
        return .success(value)
    }
}
