/// What a custom `validate_callback` answers.
public enum ArgumentCheck: Sendable {
    case valid
    /// `false`: "Invalid parameter." with no details.
    case invalid
    case error(RESTError)
}

/// An endpoint argument: its JSON Schema (type, enum, default, …) and how it is validated
/// and sanitised, as `register_rest_route`'s `args` declare them.
///
///     RESTArgument("id", schema: ["type": "integer", "minimum": 1], validation: .schema, sanitization: .schema)
public struct RESTArgument: Sendable {
    public enum Validation: Sendable {
        /// No `validate_callback` given.
        case unset
        /// `validate_callback` explicitly null.
        case none
        /// `rest_validate_request_arg`: check against the schema.
        case schema
        case custom(@Sendable (JSON, RESTRequest, String) -> ArgumentCheck)
        /// A `validate_callback` that reads the store (a post's `template` against the theme's).
        case asynchronous(@Sendable (JSON, RESTRequest, String) async -> ArgumentCheck)
    }

    public enum Sanitization: Sendable {
        /// No `sanitize_callback` given: validate then sanitise from the schema when a type is declared.
        case unset
        /// `sanitize_callback` explicitly null: the value is kept as sent.
        case none
        /// `rest_sanitize_request_arg`: coerce to the schema without checking.
        case schema
        /// `rest_parse_request_arg`: check, then coerce.
        case parse
        case custom(@Sendable (JSON, RESTRequest, String) -> Result<JSON, RESTError>)
    }

    public var name: String
    /// The schema keywords and `description`, `default`, `required`, `context`.
    public var schema: JSONObject
    public var validation: Validation
    public var sanitization: Sanitization

    public init(_ name: String, schema: JSONObject, validation: Validation = .unset, sanitization: Sanitization = .unset) {
        self.name = name
        self.schema = schema
        self.validation = validation
        self.sanitization = sanitization
    }

    public init(_ name: String, _ schema: JSON, validation: Validation = .unset, sanitization: Sanitization = .unset) {
        self.init(name, schema: schema.objectValue ?? JSONObject(), validation: validation, sanitization: sanitization)
    }

    public var isRequired: Bool { schema["required"] == .bool(true) }
    public var defaultValue: JSON? { schema["default"] }
}

extension RESTArgument {
    /// Callbacks WordPress ships that arguments commonly name.
    public static let absint: Sanitization = .custom { v, _, _ in .success(.int(abs(PHPScalar.toInt(v)))) }
    public static let sanitizeTextField: Sanitization = .custom { v, _, _ in .success(.string(TextSanitizer.textField(v))) }
    public static let sanitizeKey: Sanitization = .custom { v, _, _ in .success(.string(TextSanitizer.key(v))) }
}
