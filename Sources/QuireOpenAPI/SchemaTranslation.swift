import Foundation
import OpenAPIKit
import QuireREST

/// Writes a WordPress argument or resource schema (JSON Schema draft 4 as WordPress reads it,
/// with `required: true` on a property, `readonly`, `context` and boolean exclusive bounds) in
/// the JSON Schema dialect of OpenAPI 3.1.
///
/// ```swift
/// let schema = try SchemaTranslation.schema(["type": "integer", "minimum": 1, "exclusiveMinimum": true])
/// // {"type": "integer", "exclusiveMinimum": 1}
/// ```
public enum SchemaTranslation {
    /// The formats OpenAPI tools know by the same name and meaning; WordPress's others (`ip`,
    /// `hex-color`, `text-field`, …) become plain strings.
    static let sharedFormats: Set<String> = ["date-time", "uri", "email", "uuid"]

    /// Keywords kept as they are.
    static let plainKeywords: [String] = [
        "title", "description", "default", "enum", "minimum", "maximum", "multipleOf", "minLength", "maxLength",
        "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
    ]

    /// The schema as OpenAPIKit's typed value.
    public static func schema(_ wordpress: JSONObject, answer: Bool = false) throws -> JSONSchema {
        try typedSchema(translate(wordpress, answer: answer))
    }

    /// A translated schema as OpenAPIKit's typed value.
    static func typedSchema(_ translated: JSONObject) throws -> JSONSchema {
        try JSONDecoder().decode(JSONSchema.self, from: Data(JSONEncoding.encode(.object(translated))))
    }

    /// The translated schema as JSON. An `answer` schema describes what WordPress writes, not
    /// what it reads: PHP writes an empty map as `[]`, so an object may also be an empty list,
    /// and its dates carry no time zone nor its links always a scheme, so formats are left out.
    public static func translate(_ s: JSONObject, answer: Bool = false, nested: Bool = false) -> JSONObject {
        var out = JSONObject()
        for key in plainKeywords { if let v = s[key] { out[key] = v } }
        if answer { out["default"] = nil }
        // WordPress reads a single value for a list as a list of one (`status=publish`).
        if s["type"] == "array", let d = out["default"], d.arrayValue == nil { out["default"] = .array(d == .null ? [] : [d]) }
        // A PHP list with holes is written as an object; its values are the list.
        if case .object(let holes)? = s["enum"] { out["enum"] = .array(holes.map { $0.1 }) }
        // PHP writes an empty map default as `[]`; an object's empty default says nothing, so
        // it is left out rather than described as a list.
        if s["type"] == "object", out["default"]?.arrayValue?.isEmpty == true { out["default"] = nil }
        // A default the enum leaves out (the block renderer's `context`: only `edit`, default
        // `view`) is what WordPress uses when nothing is sent, not a value one may send.
        if let d = out["default"], let allowed = out["enum"]?.arrayValue, s["type"] != "array", !allowed.contains(d) { out["default"] = nil }
        if !answer, let format = s["format"]?.stringValue, sharedFormats.contains(format) { out["format"] = .string(format) }
        if s["readonly"] == .bool(true) { out["readOnly"] = true }
        // Draft 4's boolean exclusive bounds become the bound itself.
        if s["exclusiveMinimum"] == .bool(true), let min = out["minimum"] {
            out["exclusiveMinimum"] = min
            out["minimum"] = nil
        }
        if s["exclusiveMaximum"] == .bool(true), let max = out["maximum"] {
            out["exclusiveMaximum"] = max
            out["maximum"] = nil
        }
        if let items = s["items"]?.objectValue { out["items"] = .object(translate(items, answer: answer, nested: true)) }
        if let properties = s["properties"]?.objectValue, !properties.isEmpty {
            var translated = JSONObject()
            var required: [JSON] = []
            for (name, value) in properties {
                guard let property = value.objectValue else { continue }
                translated[name] = .object(translate(property, answer: answer, nested: true))
                if !answer, property["required"] == .bool(true) { required.append(.string(name)) }
            }
            out["properties"] = .object(translated)
            if !required.isEmpty { out["required"] = .array(required) }
        }
        switch s["additionalProperties"] {
        case .bool(let allowed)?: out["additionalProperties"] = .bool(allowed)
        case .object(let schema)?: out["additionalProperties"] = .object(translate(schema, answer: answer, nested: true))
        default: break
        }
        if let patterns = s["patternProperties"]?.objectValue {
            var translated = JSONObject()
            for (pattern, value) in patterns { if let p = value.objectValue { translated[pattern] = .object(translate(p, answer: answer, nested: true)) } }
            out["patternProperties"] = .object(translated)
        }
        for key in ["anyOf", "oneOf"] {
            if let options = s[key]?.arrayValue { out[key] = .array(options.compactMap { $0.objectValue.map { .object(translate($0, answer: answer, nested: true)) } }) }
        }
        var type = s["type"]
        // WordPress's templates call their flags `bool`, which PHP's schema checks read as `boolean`.
        if type == "bool" { type = "boolean" }
        if case .array(let list)? = type { type = .array(list.map { $0 == "bool" ? "boolean" : $0 }) }
        // PHP's empty map is written `[]` (a resource itself is never empty).
        if answer, nested, let given = type, case var list = given.arrayValue ?? [given], list.contains("object"), !list.contains("array") {
            list.append("array")
            type = .array(list)
            out["maxItems"] = 0
        }
        return typed(out, type)
    }

    /// Applies WordPress's `type`. Several types become `anyOf`, one branch a type, each with
    /// the keywords that type reads (`null` stays a type of its own branch).
    static func typed(_ schema: JSONObject, _ type: JSON?) -> JSONObject {
        var out = schema
        switch type {
        case .string(let t)?:
            out["type"] = .string(t)
            return out
        case .array(let list)? where list.count == 1:
            out["type"] = list[0]
            return out
        case .array(let list)? where !list.isEmpty:
            let types = list.compactMap(\.stringValue).filter { $0 != "null" }
            // One type and null: a nullable type, as OpenAPI 3.1 writes it.
            if types.count <= 1 {
                out["type"] = .array(list)
                return out
            }
            var shared = JSONObject()
            for key in ["title", "description", "default", "readOnly"] {
                if let v = out[key] { shared[key] = v; out[key] = nil }
            }
            var branches: [JSON] = types.map { .object(branch(out, type: $0)) }
            if types.count < list.count { branches.append(["type": "null"]) }
            shared["anyOf"] = .array(branches)
            return shared
        default:
            return out
        }
    }

    /// The keywords that apply to values of each type.
    static let keywordsByType: [String: Set<String>] = [
        "string": ["enum", "minLength", "maxLength", "pattern", "format"],
        "integer": ["enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
        "number": ["enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
        "array": ["items", "minItems", "maxItems", "uniqueItems"],
        "object": ["properties", "required", "additionalProperties", "patternProperties", "minProperties", "maxProperties"],
        "boolean": ["enum"],
    ]

    /// The keywords of `schema` that apply to values of `type`.
    static func branch(_ schema: JSONObject, type: String) -> JSONObject {
        var out: JSONObject = ["type": .string(type)]
        for (k, v) in schema where keywordsByType[type]?.contains(k) == true { out[k] = v }
        return out
    }
}
