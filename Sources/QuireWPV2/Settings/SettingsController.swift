import QuireREST
import QuireStore

/// `/wp/v2/settings`: the registered site settings, for those who may manage options.
struct SettingsController: Sendable {
    let store: any ContentStore

    func register(into registry: inout RouteRegistry) {
        let schema: @Sendable (SiteInfo) -> JSONObject = { _ in SettingsSchema.schema }
        let permission: RESTPermissionCheck = { r in .from(r.can("manage_options")) }
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
            if let t = s["type"]?.stringValue { out["type"] = [.string(t), "null"] }
            return RESTArgument(name, schema: out, validation: .schema, sanitization: .schema)
        }
    }

    /// An option's value in the setting's declared type.
    static func typed(_ value: JSON?, _ schema: JSONObject, setting: String) -> JSON {
        guard let value, !value.isNull else {
            if setting == "language" { return "en_US" }
            return schema["default"] ?? .null
        }
        switch schema["type"]?.stringValue {
        case "integer": return .int(PHPScalar.toInt(value))
        case "boolean": return .bool(PHPScalar.toBool(value))
        case "number": return .double(PHPScalar.toDouble(value))
        default:
            let s = PHPScalar.toString(value)
            if setting == "language" && s.isEmpty { return "en_US" }
            return .string(s)
        }
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
        let defaults = DefaultSettings.values
        for (setting, option) in SettingsSchema.options {
            guard let value = r.values(.json)[setting] ?? r.values(.body)[setting] ?? r.values(.query)[setting] else { continue }
            if value.isNull {
                changes.append((option, defaults[option] ?? .null))
            } else if setting == "language" {
                changes.append((option, .string(value.stringValue == "en_US" ? "" : PHPScalar.toString(value))))
            } else if case .string(let s) = value, ["title", "description"].contains(setting) {
                changes.append((option, .string(r.can("unfiltered_html") ? s : KSES.filter(s))))
            } else {
                changes.append((option, value))
            }
        }
        if !changes.isEmpty { try await store.setOptions(changes) }
        return try await read(r)
    }
}

/// What a setting returns to when it is reset with null.
enum DefaultSettings {
    static let values: [String: JSON] = [
        "blogname": "", "blogdescription": "", "date_format": "F j, Y", "time_format": "g:i a", "start_of_week": 1,
        "WPLANG": "", "use_smilies": 1, "default_category": 1, "default_post_format": "0", "posts_per_page": 10,
        "show_on_front": "posts", "page_on_front": 0, "page_for_posts": 0, "default_ping_status": "open",
        "default_comment_status": "open", "site_logo": .null, "site_icon": 0, "timezone_string": "",
    ]
}
