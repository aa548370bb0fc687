/// `_jsonp=<callback>`: the answer as a call of that function, sent as JavaScript; a callback
/// that is not a plain name is refused (`wp_check_jsonp_callback`).
struct JSONPStep: ServeStep {
    func serve(_ exchange: ServeExchange, server: RESTServer, next: ServeNext) async -> HTTPOutput {
        guard let jsonp = exchange.query["_jsonp"], !jsonp.isEmptyLike else { return await next(exchange) }
        var exchange = exchange
        exchange.headers.set("Content-Type", "application/javascript; charset=UTF-8")
        guard case .string(let callback) = jsonp, Self.isValidCallback(callback) else {
            let body = JSONEncoding.encode(["code": "rest_callback_invalid", "message": "Invalid JSONP callback function."])
            return HTTPOutput(status: 400, headers: exchange.headers, body: body)
        }
        var output = await next(exchange)
        if let body = output.body { output.body = Array("/**/\(callback)(".utf8) + body + Array(")".utf8) }
        return output
    }

    /// Letters, digits, "_" and "." only.
    static func isValidCallback(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "."
        }
    }
}
