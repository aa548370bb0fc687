import QuireREST

/// `quire_test_echo`: shows every parameter source and the PHP type of each value.
enum EchoHandler {
    static func handle(_ r: RESTRequest) async throws -> RESTResponse {
        let params = r.params
        var o = JSONObject()
        o.appendUnique("method", .string(r.method.rawValue))
        o.appendUnique("route", .string(r.route))
        o.appendUnique("params", .object(params))
        o.appendUnique("query", .object(r.query))
        o.appendUnique("json", r.isJSONContentType ? (r.json ?? .null) : .null)
        o.appendUnique("body", .object(r.body))
        o.appendUnique("url", .object(r.url))
        o.appendUnique("defaults", .object(r.defaults))
        o.appendUnique("types", types(.object(params)))
        return RESTResponse(.object(o))
    }

    static func types(_ v: JSON) -> JSON {
        switch v {
        case .array(let a): return .array(a.map(types))
        case .object(let o): return .object(JSONObject(o.map { ($0.key, types($0.value)) }))
        default: return .string(v.phpTypeName)
        }
    }
}

/// `quire_test_error`: WordPress's error shapes.
enum ErrorHandler {
    static func handle(_ r: RESTRequest) async throws -> RESTResponse {
        switch r["kind"]?.stringValue ?? "teapot" {
        case "multi":
            throw RESTError("quire_first", "First error.", data: ["status": 409, "first": true], additional: [
                .init(code: "quire_first", message: "First error, again.", data: ["status": 409, "first": true]),
                .init(code: "quire_second", message: "Second error.", data: ["status": 400, "second": [1, 2]]),
            ])
        case "nostatus": throw RESTError("quire_nostatus", "An error without a status.")
        case "nodata": throw RESTError("quire_nodata", "An error with status only.", status: 404)
        case "response":
            var response = RESTResponse(["custom": true], status: 202)
            response.header("X-Quire", "yes")
            return response
        default:
            throw RESTError("quire_teapot", "I am a teapot.", data: [
                "status": 418, "extra": ["nested": ["a": 1, "b": [true, .null, 1.5]]], "hint": "short and stout",
            ])
        }
    }
}
