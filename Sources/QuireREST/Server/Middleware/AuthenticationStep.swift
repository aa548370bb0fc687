/// Refuses callers past the failed sign-in limit, then learns who is asking, once per request;
/// the caller's own headers (a refreshed `X-WP-Nonce`) go on the answer last, so the cache never
/// keeps them.
struct AuthenticationStep: ServeStep {
    func serve(_ exchange: ServeExchange, server: RESTServer, next: ServeNext) async -> HTTPOutput {
        if let refused = await server.authenticator.refusal(exchange.input) {
            var headers = HeaderList()
            headers.add("Content-Type", "application/json; charset=UTF-8")
            if let wait = refused.data["retry_after"]?.intValue { headers.add("Retry-After", String(wait)) }
            return HTTPOutput(status: refused.status, headers: headers, body: JSONEncoding.encode(refused.body))
        }
        var exchange = exchange
        exchange.authentication = await server.authenticator.authenticate(exchange.input)
        var output = await next(exchange)
        for (name, value) in exchange.authentication.headers { output.headers.set(name, value) }
        return output
    }
}
