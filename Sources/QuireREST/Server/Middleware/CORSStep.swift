/// Cross-origin reads and writes (`rest_send_cors_headers`): a request with an `Origin` may be
/// answered to that origin, with credentials; answers that differ by origin say so in `Vary`.
struct CORSStep: ServeStep {
    func serve(_ exchange: ServeExchange, server: RESTServer, next: ServeNext) async -> HTTPOutput {
        var output = await next(exchange)
        if let origin = exchange.input.headers["Origin"] {
            output.headers.set("Access-Control-Allow-Origin", origin == "null" ? origin : TextSanitizer.url(origin))
            output.headers.set("Access-Control-Allow-Methods", "OPTIONS, GET, POST, PUT, PATCH, DELETE")
            output.headers.set("Access-Control-Allow-Credentials", "true")
            output.headers.add("Vary", "Origin")
        } else if exchange.input.method == .get && exchange.authentication.user == nil {
            output.headers.add("Vary", "Origin")
        }
        return output
    }
}
