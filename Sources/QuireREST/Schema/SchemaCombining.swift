/// `anyOf`, `oneOf` and `patternProperties`, with WordPress's choice of error to report.
enum SchemaCombining {
    struct Failure {
        let error: RESTError
        let schema: JSONObject
        let index: Int
    }

    private static func withParentType(_ s: JSON, _ parent: JSONObject) -> JSONObject {
        var schema = s.objectValue ?? JSONObject()
        if schema["type"] == nil, let t = parent["type"] { schema["type"] = t }
        return schema
    }

    /// The first option `value` matches (`anyOf`).
    static func findAny(_ value: JSON, _ options: [JSON], parent: JSONObject, param: String) -> Result<JSONObject, RESTError> {
        findOne(value, options, parent: parent, param: param, stopAtFirst: true)
    }

    static func findOne(_ value: JSON, _ options: [JSON], parent: JSONObject, param: String, stopAtFirst: Bool) -> Result<JSONObject, RESTError> {
        var matches: [(schema: JSONObject, index: Int)] = []
        var failures: [Failure] = []
        for (i, option) in options.enumerated() {
            let schema = withParentType(option, parent)
            if let e = SchemaValidator.validate(value, schema, param: param) {
                failures.append(Failure(error: e, schema: schema, index: i))
            } else {
                if stopAtFirst { return .success(schema) }
                matches.append((schema, i))
            }
        }
        if matches.isEmpty { return .failure(combinedError(value, param, failures)) }
        if matches.count > 1 {
            let positions = JSON.array(matches.map { .int($0.index) })
            let titles = matches.compactMap { $0.schema["title"]?.stringValue }
            if titles.count == matches.count {
                return .failure(RESTError("rest_one_of_multiple_matches",
                                          "\(param) matches \(EnglishList.join(titles)), but should match only one.",
                                          data: ["positions": positions]))
            }
            return .failure(RESTError("rest_one_of_multiple_matches",
                                      "\(param) matches more than one of the expected formats.",
                                      data: ["positions": positions]))
        }
        return .success(matches[0].schema)
    }

    private static func formatted(_ param: String, _ f: Failure) -> RESTError {
        let data: JSON = ["position": .int(f.index)]
        if let title = f.schema["title"]?.stringValue {
            return RESTError("rest_no_matching_schema", "\(param) is not a valid \(title). Reason: \(f.error.message)", data: data)
        }
        return RESTError("rest_no_matching_schema", "\(param) does not match the expected format. Reason: \(f.error.message)", data: data)
    }

    private static func combinedError(_ value: JSON, _ param: String, _ failures: [Failure]) -> RESTError {
        if failures.count == 1 { return formatted(param, failures[0]) }
        let filtered = failures.filter { f in
            f.error.code != "rest_invalid_type" || (f.error.data["param"].map { $0 != .string(param) } ?? false)
        }
        if filtered.count == 1 { return formatted(param, filtered[0]) }
        if filtered.count > 1, filtered[0].schema["type"] == .string("object") {
            let obj = SchemaTypes.sanitizeObject(value)
            var best: Failure? = nil
            var bestCount = 0
            for f in filtered {
                guard let props = f.schema["properties"]?.objectValue else { continue }
                let n = props.keys.filter { obj.contains($0) }.count
                if n > bestCount { best = f; bestCount = n }
            }
            if let best { return formatted(param, best) }
        }
        let titles = failures.compactMap { $0.schema["title"]?.stringValue }
        if titles.count == failures.count {
            return RESTError("rest_no_matching_schema", "\(param) is not a valid \(EnglishList.join(titles)).")
        }
        return RESTError("rest_no_matching_schema", "\(param) does not match any of the expected formats.")
    }

    static func patternPropertySchema(for key: String, in schema: JSONObject) -> JSONObject? {
        guard let patterns = schema["patternProperties"]?.objectValue else { return nil }
        for (pattern, s) in patterns where SchemaPattern.matches(pattern, key) {
            return s.objectValue
        }
        return nil
    }
}
