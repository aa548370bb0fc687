import Foundation
import QuireREST
import QuireStore

/// `/wp/v2/settings`: the registered site settings, for those who may manage options.
struct SettingsController: Sendable {
    let store: any ContentStore

    func register(into registry: inout RouteRegistry) {
        let schema: @Sendable (SiteInfo) -> JSONObject = { _ in SettingsSchema.schema }
        let permission: RESTPermissionCheck = { r in .from(r.can(.manageOptions)) }
        registry.register(namespace: WPV2.namespace, route: "settings", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, permission: permission, handler: read),
            RESTEndpoint(RESTEndpoint.editable, arguments: arguments(), permission: permission, handler: update),
        ], schema: schema)
    }

    /// Every setting is optional and may be null (to reset it).
    func arguments() -> [RESTArgument] {
        (SettingsSchema.schema["properties"]?.objectValue ?? JSONObject()).map { name, value in
            var s = value.objectValue ?? JSONObject()
            s["default"] = nil
            var out = JSONObject()
            for k in ["description", "type", "format", "enum"] { if let v = s[k] { out[k] = v } }
            // A null resets a setting: WordPress skips validating null parameters and its sanitiser
            // lets null through, so the type stays as declared.
            let schema = out
            return RESTArgument(name, schema: out, validation: .schema, sanitization: .custom { value, _, key in
                if value.isNull { return .success(.null) }
                if let e = SchemaValidator.validate(value, schema, param: key) { return .failure(e) }
                return SchemaSanitizer.sanitize(value, schema, param: key)
            })
        }
    }

    /// An option's value as the setting shows it (`prepare_value`): the value in the setting's
    /// type when it is valid for that type, else null; an absent option shows the default.
    static func typed(_ value: JSON?, _ schema: JSONObject, setting: String) -> JSON {
        guard let value, !value.isNull else {
            if setting == "language" { return "en_US" }
            return schema["default"] ?? .null
        }
        switch schema["type"]?.stringValue {
        case "integer":
            switch value {
            case .int: return value
            case .double(let d) where d == d.rounded() && abs(d) < 9e18: return .int(Int(d))
            case .string(let t): return Int(PHPText.phpTrim(t)).map(JSON.int) ?? .null
            case .bool(let b): return .int(b ? 1 : 0)
            default: return .null
            }
        case "boolean":
            switch value {
            case .bool: return value
            case .int(let i) where i == 0 || i == 1: return .bool(i == 1)
            case .string(let t):
                switch t.lowercased() {
                case "1", "true": return true
                case "0", "false": return false
                default: return .null   // PHP stores false as "", which is no boolean
                }
            default: return .null
            }
        case "number": return .double(PHPScalar.toDouble(value))
        default:
            let text: String
            switch value {
            case .string(let t): text = t
            case .int, .double: text = PHPScalar.toString(value)
            default: return .null
            }
            if setting == "language" && text.isEmpty { return "en_US" }
            return .string(text)
        }
    }

    /// A value as PHP's `update_option` stores it: booleans become "1" and "".
    static func stored(_ value: JSON) -> JSON {
        if case .bool(let b) = value { return .string(b ? "1" : "") }
        return value
    }

    /// `sanitize_option('timezone_string')`: a known zone (or a `UTC±N` offset), else the old value stays.
    static func isValidTimezone(_ name: String) -> Bool {
        if name.isEmpty || name == "UTC" { return true }
        if name.hasPrefix("UTC+") || name.hasPrefix("UTC-") { return Double(name.dropFirst(4)) != nil }
        return TimeZone.knownTimeZoneIdentifiers.contains(name)
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        let options = try await store.allOptions()
        let props = SettingsSchema.schema["properties"]?.objectValue ?? JSONObject()
        var o = JSONObject()
        for (setting, option) in SettingsSchema.options {
            o.appendUnique(setting, Self.typed(options[option], props[setting]?.objectValue ?? JSONObject(), setting: setting))
        }
        return RESTResponse(.object(o))
    }

    func update(_ r: RESTRequest) async throws -> RESTResponse {
        var changes: [(String, JSON)] = []
        // This request's answer shows what it wrote as it wrote it, as WordPress's option cache does.
        var written: [String: JSON] = [:]
        for (setting, option) in SettingsSchema.options {
            guard let value = r.values(.json)[setting] ?? r.values(.body)[setting] ?? r.values(.query)[setting] else { continue }
            var stored = value
            if value.isNull {
                // A null deletes the option: it then shows its default, or null.
                stored = .null
            } else if setting == "language" {
                stored = .string(value.stringValue == "en_US" ? "" : PHPScalar.toString(value))
            } else if case .string(let s) = value, ["title", "description"].contains(setting) {
                stored = .string(r.can(.unfilteredHTML) ? s : KSES.filter(s))
            } else if setting == "timezone" {
                guard Self.isValidTimezone(PHPScalar.toString(value)) else { continue }
            }
            changes.append((option, Self.stored(stored)))
            if case .bool = stored { written[setting] = stored }
        }
        if !changes.isEmpty { try await store.setOptions(changes) }
        var response = try await read(r)
        if case .object(var o) = response.data {
            for (k, v) in written { o[k] = v }
            response.data = .object(o)
        }
        return response
    }
}

