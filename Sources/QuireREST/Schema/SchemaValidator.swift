import Foundation

/// Checks a value against a JSON Schema the way WordPress's REST API does
/// (`rest_validate_value_from_schema`), with WordPress's error codes and wording.
public enum SchemaValidator {
    public static func validate(_ value: JSON, _ schemaIn: JSONObject, param: String) -> RESTError? {
        var schema = schemaIn
        if let anyOf = schema["anyOf"]?.arrayValue {
            switch SchemaCombining.findAny(value, anyOf, parent: schema, param: param) {
            case .failure(let e): return e
            case .success(let match):
                if schema["type"] == nil, let t = match["type"] { schema["type"] = t }
            }
        }
        if let oneOf = schema["oneOf"]?.arrayValue {
            switch SchemaCombining.findOne(value, oneOf, parent: schema, param: param, stopAtFirst: false) {
            case .failure(let e): return e
            case .success(let match):
                if schema["type"] == nil, let t = match["type"] { schema["type"] = t }
            }
        }
        var type: String? = nil
        if let types = SchemaTypes.declared(schema) {
            if case .array = schema["type"] {
                guard let best = SchemaTypes.best(for: value, among: types) else {
                    return invalidType(param, types.joined(separator: ","))
                }
                type = best
            } else {
                type = types.first
            }
        }
        switch type {
        case "null"?:
            if !value.isNull { return invalidType(param, "null") }
        case "boolean"?:
            if !SchemaTypes.isBoolean(value) { return invalidType(param, "boolean") }
        case "object"?:
            if let e = validateObject(value, schema, param) { return e }
        case "array"?:
            if let e = validateArray(value, schema, param) { return e }
        case "number"?:
            if let e = validateNumber(value, schema, param, typeName: "number") { return e }
        case "integer"?:
            if let e = validateNumber(value, schema, param, typeName: "integer") { return e }
            if !SchemaTypes.isInteger(value) { return invalidType(param, "integer") }
        case "string"?:
            if let e = validateString(value, schema, param) { return e }
        default: break
        }
        if let e = validateEnum(value, schema, param) { return e }
        let formatApplies = type == nil || type == "string" || !SchemaTypes.allowed.contains(type!)
        if formatApplies, let format = schema["format"]?.stringValue {
            if let e = SchemaFormats.validate(value, format: format, param: param) { return e }
        }
        return nil
    }

    static func invalidType(_ param: String, _ type: String) -> RESTError {
        RESTError("rest_invalid_type", "\(param) is not of type \(type).", data: ["param": .string(param)])
    }

    private static func count(_ n: JSON?) -> Int? { n.map { PHPScalar.toInt($0) } }

    private static func plural(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? one : many }

    private static func validateObject(_ value: JSON, _ schema: JSONObject, _ param: String) -> RESTError? {
        guard SchemaTypes.isObject(value) else { return invalidType(param, "object") }
        let obj = SchemaTypes.sanitizeObject(value)
        let properties = schema["properties"]?.objectValue
        if case .array(let required)? = schema["required"] {
            for name in required.compactMap(\.stringValue) where !obj.contains(name) {
                return RESTError("rest_property_required", "\(name) is a required property of \(param).")
            }
        } else if let properties {
            for (name, prop) in properties where prop["required"] == .bool(true) && !obj.contains(name) {
                return RESTError("rest_property_required", "\(name) is a required property of \(param).")
            }
        }
        for (key, v) in obj {
            let childParam = "\(param)[\(key)]"
            if let propSchema = properties?[key]?.objectValue {
                if let e = validate(v, propSchema, param: childParam) { return e }
                continue
            }
            if let patternSchema = SchemaCombining.patternPropertySchema(for: key, in: schema) {
                if let e = validate(v, patternSchema, param: childParam) { return e }
                continue
            }
            switch schema["additionalProperties"] {
            case .bool(false)?:
                return RESTError("rest_additional_properties_forbidden", "\(key) is not a valid property of Object.")
            case .object(let extra)?:
                if let e = validate(v, extra, param: childParam) { return e }
            default: break
            }
        }
        if let min = count(schema["minProperties"]), obj.count < min {
            return RESTError("rest_too_few_properties",
                             "\(param) must contain at least \(min) \(plural(min, "property", "properties")).")
        }
        if let max = count(schema["maxProperties"]), obj.count > max {
            return RESTError("rest_too_many_properties",
                             "\(param) must contain at most \(max) \(plural(max, "property", "properties")).")
        }
        return nil
    }

    private static func validateArray(_ value: JSON, _ schema: JSONObject, _ param: String) -> RESTError? {
        guard SchemaTypes.isArray(value) else { return invalidType(param, "array") }
        let items = SchemaTypes.sanitizeArray(value)
        if let itemSchema = schema["items"]?.objectValue {
            for (i, v) in items.enumerated() {
                if let e = validate(v, itemSchema, param: "\(param)[\(i)]") { return e }
            }
        }
        if let min = count(schema["minItems"]), items.count < min {
            return RESTError("rest_too_few_items", "\(param) must contain at least \(min) \(plural(min, "item", "items")).")
        }
        if let max = count(schema["maxItems"]), items.count > max {
            return RESTError("rest_too_many_items", "\(param) must contain at most \(max) \(plural(max, "item", "items")).")
        }
        if let u = schema["uniqueItems"], !u.isEmptyLike, !SchemaTypes.hasUniqueItems(items) {
            return RESTError("rest_duplicate_items", "\(param) has duplicate items.")
        }
        return nil
    }

    private static func validateNumber(_ value: JSON, _ schema: JSONObject, _ param: String, typeName: String) -> RESTError? {
        guard PHPScalar.isNumeric(value) else { return invalidType(param, typeName) }
        let v = PHPScalar.toDouble(value)
        if let m = schema["multipleOf"] {
            let r = fmod(v, PHPScalar.toDouble(m))
            if r != 0 {
                return RESTError("rest_invalid_multiple", "\(param) must be a multiple of \(PHPScalar.toString(m)).")
            }
        }
        let minimum = schema["minimum"], maximum = schema["maximum"]
        let exMin = !(schema["exclusiveMinimum"]?.isEmptyLike ?? true)
        let exMax = !(schema["exclusiveMaximum"]?.isEmptyLike ?? true)
        func bounds(_ text: String) -> RESTError { RESTError("rest_out_of_bounds", "\(param) \(text)") }
        switch (minimum, maximum) {
        case (let min?, nil):
            let m = PHPScalar.toDouble(min)
            if exMin && v <= m { return bounds("must be greater than \(PHPScalar.formatD(min))") }
            if !exMin && v < m { return bounds("must be greater than or equal to \(PHPScalar.formatD(min))") }
        case (nil, let max?):
            let m = PHPScalar.toDouble(max)
            if exMax && v >= m { return bounds("must be less than \(PHPScalar.formatD(max))") }
            if !exMax && v > m { return bounds("must be less than or equal to \(PHPScalar.formatD(max))") }
        case (let min?, let max?):
            let lo = PHPScalar.toDouble(min), hi = PHPScalar.toDouble(max)
            let outside = (exMin ? v <= lo : v < lo) || (exMax ? v >= hi : v > hi)
            if outside {
                let l = exMin ? "exclusive" : "inclusive", h = exMax ? "exclusive" : "inclusive"
                return bounds("must be between \(PHPScalar.formatD(min)) (\(l)) and \(PHPScalar.formatD(max)) (\(h))")
            }
        default: break
        }
        return nil
    }

    private static func validateString(_ value: JSON, _ schema: JSONObject, _ param: String) -> RESTError? {
        guard case .string(let s) = value else { return invalidType(param, "string") }
        let length = s.unicodeScalars.count
        if let min = count(schema["minLength"]), length < min {
            return RESTError("rest_too_short", "\(param) must be at least \(min) \(plural(min, "character", "characters")) long.")
        }
        if let max = count(schema["maxLength"]), length > max {
            return RESTError("rest_too_long", "\(param) must be at most \(max) \(plural(max, "character", "characters")) long.")
        }
        if let pattern = schema["pattern"]?.stringValue, !SchemaPattern.matches(pattern, s) {
            return RESTError("rest_invalid_pattern", "\(param) does not match pattern \(pattern).")
        }
        return nil
    }

    private static func validateEnum(_ value: JSON, _ schema: JSONObject, _ param: String) -> RESTError? {
        guard let choices = schema["enum"]?.arrayValue, !choices.isEmpty else { return nil }
        let sanitized: JSON
        switch SchemaSanitizer.sanitize(value, schema, param: param) {
        case .failure(let e): return e
        case .success(let v): sanitized = v
        }
        if choices.contains(where: { SchemaTypes.valuesEqual(sanitized, $0) }) { return nil }
        let shown = choices.map { PHPScalar.isScalar($0) ? PHPScalar.toString($0) : JSONEncoding.encodeString($0) }
        if shown.count == 1 { return RESTError("rest_not_in_enum", "\(param) is not \(shown[0]).") }
        return RESTError("rest_not_in_enum", "\(param) is not one of \(EnglishList.join(shown)).")
    }
}

/// WordPress's `%l` list formatting: "a", "a and b", "a, b, and c".
public enum EnglishList {
    public static func join(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) and \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + ", and " + items.last!
        }
    }
}
