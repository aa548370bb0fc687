/// The headers WordPress sends with every API answer; answers for a signed-in user are not to
/// be cached by anyone on the way (`nocache_headers`).
struct APIHeadersStep: ServeStep {
    func serve(_ exchange: ServeExchange, server: RESTServer, next: ServeNext) async -> HTTPOutput {
        var exchange = exchange
        exchange.headers.add("Content-Type", "application/json; charset=UTF-8")
        exchange.headers.add("X-Robots-Tag", "noindex")
        exchange.headers.add("Link", "<\(server.site.restRoot)>; rel=\"https://api.w.org/\"")
        exchange.headers.add("X-Content-Type-Options", "nosniff")
        exchange.headers.add("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link")
        exchange.headers.add("Access-Control-Allow-Headers", "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type")
        if exchange.authentication.user != nil {
            for (name, value) in RESTServer.noCacheHeaders { exchange.headers.set(name, value) }
        }
        return await next(exchange)
    }
}
