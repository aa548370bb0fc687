/// `_method=<METHOD>` in the query, or an `X-HTTP-Method-Override` header, asks the route with
/// another method than the request's (the query wins).
struct MethodOverrideStep: ServeStep {
    func serve(_ exchange: ServeExchange, server: RESTServer, next: ServeNext) async -> HTTPOutput {
        var exchange = exchange
        if let named = exchange.query["_method"] {
            exchange.method = RequestMethod(PHPScalar.toString(named))
        } else if let named = exchange.input.headers["X-HTTP-Method-Override"] {
            exchange.method = RequestMethod(named)
            exchange.methodFromHeader = true
        }
        return await next(exchange)
    }
}
