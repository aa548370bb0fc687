import QuireREST

/// Registers the `quire-test/v1` routes exactly as `validation/routes.json` declares them,
/// binding each named callback to its behaviour.
enum ValidationNamespace {
    static func register(into registry: inout RouteRegistry) throws {
        let spec = try Fixtures.json("validation/routes.json")
        for route in spec["routes"]?.arrayValue ?? [] {
            guard let pattern = route["route"]?.stringValue, pattern != "/quire-test/v1" else { continue }
            let ns = route["namespace"]!.stringValue!
            let endpoints = (route["endpoints"]?.arrayValue ?? []).map(endpoint)
            var schemaCallback: (@Sendable (SiteInfo) -> JSONObject)? = nil
            if let schema = route["schema"]?.objectValue { schemaCallback = { _ in schema } }
            registry.register(namespace: ns, route: String(pattern.dropFirst(ns.count + 1)), endpoints: endpoints,
                              schema: schemaCallback)
        }
    }

    static func endpoint(_ spec: JSON) -> RESTEndpoint {
        let methods = spec["methods"]?.arrayValue?.compactMap(\.stringValue) ?? ["GET"]
        var args: [RESTArgument] = []
        for (name, a) in spec["args"]?.objectValue ?? JSONObject() {
            var schema = a.objectValue ?? JSONObject()
            let v = schema["validate_callback"], s = schema["sanitize_callback"]
            schema["validate_callback"] = nil
            schema["sanitize_callback"] = nil
            args.append(RESTArgument(name, schema: schema, validation: validation(v), sanitization: sanitization(s)))
        }
        let callback = spec["callback"]?.stringValue ?? ""
        return RESTEndpoint(methods.map { RequestMethod($0) }, arguments: args, showInIndex: spec["show_in_index"] != .bool(false),
                            permission: permission(spec["permission_callback"]?.stringValue), handler: handler(callback))
    }

    static func validation(_ name: JSON?) -> RESTArgument.Validation {
        switch name {
        case nil: return .unset
        case .null?: return .none
        case .string("rest_validate_request_arg")?: return .schema
        case .string("quire_test_validate_false")?: return .custom { _, _, _ in .invalid }
        case .string("quire_test_validate_true")?: return .custom { _, _, _ in .valid }
        case .string("quire_test_validate_error")?:
            return .custom { _, _, param in
                .error(RESTError("quire_custom_invalid", "Custom validation failed for \(param).",
                                 data: ["status": 422, "extra": "kept"]))
            }
        default: fatalError("unknown validate_callback \(String(describing: name))")
        }
    }

    static func sanitization(_ name: JSON?) -> RESTArgument.Sanitization {
        switch name {
        case nil: return .unset
        case .null?: return .none
        case .string("rest_sanitize_request_arg")?: return .schema
        case .string("rest_parse_request_arg")?: return .parse
        case .string("absint")?: return RESTArgument.absint
        case .string("sanitize_text_field")?: return RESTArgument.sanitizeTextField
        case .string("sanitize_key")?: return RESTArgument.sanitizeKey
        case .string("quire_test_sanitize_upper")?:
            return .custom { v, _, _ in .success(.string(PHPStringCase.upper(v))) }
        case .string("quire_test_sanitize_error")?:
            return .custom { _, _, _ in
                .failure(RESTError("quire_custom_sanitize", "Custom sanitize failed.", data: ["status": 400, "extra": ["a": 1]]))
            }
        default: fatalError("unknown sanitize_callback \(String(describing: name))")
        }
    }

    static func permission(_ name: String?) -> RESTPermissionCheck? {
        switch name {
        case nil: return nil
        case "__return_true": return { _ in .allowed }
        case "quire_test_permission_false": return { _ in .denied }
        case "quire_test_permission_error":
            return { _ in .error(RESTError("quire_custom_forbidden", "Custom permission error.", data: ["status": 403, "reason": "test"])) }
        case "quire_test_permission_manage_options": return { r in .from(r.user?.can(.manageOptions) ?? false) }
        case "Quire_Test_Items_Controller::get_items_permissions_check": return ItemsController.readPermission
        case "Quire_Test_Items_Controller::create_item_permissions_check": return ItemsController.writePermission
        default: fatalError("unknown permission_callback \(name!)")
        }
    }

    static func handler(_ name: String) -> RESTHandler {
        switch name {
        case "quire_test_echo": return EchoHandler.handle
        case "quire_test_error": return ErrorHandler.handle
        case "Quire_Test_Items_Controller::get_items": return ItemsController.getItems
        case "Quire_Test_Items_Controller::get_item": return ItemsController.getItem
        case "Quire_Test_Items_Controller::create_item": return ItemsController.createItem
        case "Quire_Test_Items_Controller::update_item": return ItemsController.updateItem
        case "Quire_Test_Items_Controller::delete_item": return ItemsController.deleteItem
        default: fatalError("unknown callback \(name)")
        }
    }
}

enum PHPStringCase {
    /// `strtoupper((string) $v)`: ASCII letters only.
    static func upper(_ v: JSON) -> String {
        let s: String
        switch v {
        case .string(let x): s = x
        case .int(let i): s = String(i)
        case .bool(let b): s = b ? "1" : ""
        case .null: s = ""
        case .double(let d): s = d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)"
        default: s = "Array"
        }
        return String(s.unicodeScalars.map { ($0 >= "a" && $0 <= "z") ? Character(Unicode.Scalar($0.value - 32)!) : Character($0) })
    }
}
