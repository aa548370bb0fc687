/// An endpoint's argument defaults, with what checking and sanitising them gives, worked out
/// once: a default is the same value for every request, and so is every check and coercion
/// that reads nothing but the value and its schema. Only custom callbacks, which may read the
/// request, still run per request.
struct PreparedDefaults: Sendable {
    /// Each argument's default (those that are not null), as matching gives them to a request.
    let values: JSONObject
    /// The outcome of `validate_callback` for a default whose check is its schema.
    let validated: [String: ArgumentCheck]
    /// The outcome of sanitising a default whose sanitiser is not a custom callback; nil for
    /// one that is left as it is.
    let sanitized: [String: Result<JSON, RESTError>?]

    init(_ arguments: [RESTArgument]) {
        var values = JSONObject()
        for arg in arguments {
            if let d = arg.defaultValue, !d.isNull { values[arg.name] = d }
        }
        var validated: [String: ArgumentCheck] = [:]
        for arg in arguments {
            guard case .schema = arg.validation, let value = values[arg.name] else { continue }
            validated[arg.name] = SchemaValidator.validate(value, arg.schema, param: arg.name).map { .error($0) } ?? .valid
        }
        var sanitized: [String: Result<JSON, RESTError>?] = [:]
        let positions = Dictionary(arguments.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for (key, value) in values {
            guard let arg = positions[key].map({ arguments[$0] }) else { continue }
            if case .custom = arg.sanitization { continue }
            sanitized[key] = ParameterValidation.sanitizeWithoutRequest(value, arg, key: key)
        }
        self.values = values
        self.validated = validated
        self.sanitized = sanitized
    }
}
