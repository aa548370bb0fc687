/// Argument checking before a handler runs: a malformed JSON body, required arguments,
/// `validate_callback`s, then sanitising in place (`has_valid_params`, `sanitize_params`).
enum ParameterValidation {
    static func checkAndSanitize(_ request: inout RESTRequest) async -> RESTError? {
        if let e = request.jsonError {
            return RESTError("rest_invalid_json", "Invalid JSON body passed.", status: 400, extra: JSONObject([
                ("json_error_code", .int(e.code)), ("json_error_message", .string(e.message)),
            ]))
        }
        guard let endpoint = request.endpoint else { return nil }
        let missing = endpoint.arguments.filter { $0.isRequired && request[$0.name] == nil }.map(\.name)
        if !missing.isEmpty {
            return RESTError("rest_missing_callback_param", "Missing parameter(s): \(missing.joined(separator: ", "))",
                             status: 400, extra: JSONObject([("params", .array(missing.map { .string($0) }))]))
        }
        if let e = await validate(request, endpoint) { return e }
        return sanitize(&request, endpoint)
    }

    private static func invalidParams(_ params: JSONObject, _ details: JSONObject) -> RESTError {
        RESTError("rest_invalid_param", "Invalid parameter(s): \(params.keys.joined(separator: ", "))", status: 400,
                  extra: JSONObject([("params", .object(params)), ("details", .object(details))]))
    }

    private static func detail(_ e: RESTError) -> JSON {
        var o = JSONObject()
        o.appendUnique("code", .string(e.code))
        o.appendUnique("message", .string(e.message))
        o.appendUnique("data", e.data)
        if !e.additional.isEmpty {
            o.appendUnique("additional_errors", .array(e.additional.map {
                .object(JSONObject([("code", .string($0.code)), ("message", .string($0.message)), ("data", $0.data)]))
            }))
        }
        return .object(o)
    }

    private static func validate(_ request: RESTRequest, _ endpoint: RESTEndpoint) async -> RESTError? {
        var params = JSONObject(), details = JSONObject()
        let prepared = endpoint.preparedDefaults
        for arg in endpoint.arguments {
            guard let value = request[arg.name] else { continue }
            let outcome: ArgumentCheck
            switch arg.validation {
            case .unset, .none: continue
            case .schema:
                if let known = prepared.validated[arg.name], request.valueIsDefault(arg.name) {
                    outcome = known
                } else {
                    outcome = SchemaValidator.validate(value, arg.schema, param: arg.name).map { .error($0) } ?? .valid
                }
            case .custom(let f): outcome = f(value, request, arg.name)
            case .asynchronous(let f): outcome = await f(value, request, arg.name)
            }
            switch outcome {
            case .valid: break
            case .invalid: params[arg.name] = "Invalid parameter."
            case .error(let e):
                params[arg.name] = .string(e.allMessages.joined(separator: " "))
                details[arg.name] = detail(e)
            }
        }
        return params.isEmpty ? nil : invalidParams(params, details)
    }

    private static func sanitize(_ request: inout RESTRequest, _ endpoint: RESTEndpoint) -> RESTError? {
        var params = JSONObject(), details = JSONObject()
        let prepared = endpoint.preparedDefaults
        // The keys an earlier source gave a value for: a later source's value for one of them
        // is not the one `validate` checked.
        var given: [String] = []
        for source in request.parameterOrder {
            let values = request.values(source)
            for (key, value) in values {
                guard let arg = endpoint.argument(key) else { continue }
                // The value `validate` already checked against the schema needs no second check.
                var checked = false
                if !value.isNull && !given.contains(key) {
                    given.append(key)
                    if case .schema = arg.validation { checked = true }
                }
                let result: Result<JSON, RESTError>
                if source == .defaults, let known = prepared.sanitized[key], value == prepared.values[key] {
                    guard let known else { continue }
                    result = known
                } else if case .custom(let f) = arg.sanitization {
                    result = f(value, request, key)
                } else {
                    guard let r = sanitizeWithoutRequest(value, arg, key: key, checked: checked) else { continue }
                    result = r
                }
                switch result {
                // A value that sanitising leaves as it was is not written back, so the request's
                // sources are not copied for nothing.
                case .success(let v): if !Self.unchanged(v, value) { request.setValue(v, forKey: key, in: source) }
                case .failure(let e):
                    params[key] = .string(e.allMessages.joined(separator: " "))
                    details[key] = detail(e)
                }
            }
        }
        return params.isEmpty ? nil : invalidParams(params, details)
    }

    /// Whether sanitising gave back the very scalar it was given (a string, integer, boolean or
    /// null of the same kind); anything else counts as changed.
    private static func unchanged(_ a: JSON, _ b: JSON) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// Sanitising by anything but a custom callback (which may read the request); nil when the
    /// value is left as it is. `checked`: the value is known to pass its schema.
    static func sanitizeWithoutRequest(_ value: JSON, _ arg: RESTArgument, key: String, checked: Bool = false) -> Result<JSON, RESTError>? {
        switch arg.sanitization {
        case .none, .custom: return nil
        case .unset:
            guard SchemaTypes.declared(arg.schema) != nil, !(arg.schema["type"]?.isEmptyLike ?? true) else { return nil }
            return parse(value, arg, checked: checked)
        case .parse: return parse(value, arg, checked: checked)
        case .schema: return SchemaSanitizer.sanitize(value, arg.schema, param: key)
        }
    }

    /// `rest_parse_request_arg`: validate (unless that was done), then sanitise.
    private static func parse(_ value: JSON, _ arg: RESTArgument, checked: Bool) -> Result<JSON, RESTError> {
        if !checked, let e = SchemaValidator.validate(value, arg.schema, param: arg.name) { return .failure(e) }
        return SchemaSanitizer.sanitize(value, arg.schema, param: arg.name)
    }
}
