/// GET answers kept per caller (anonymous, or each user) until the content changes, with an ETag
/// that a matching `If-None-Match` turns into a 304; HEAD is answered as GET without its body.
struct CachingStep: ServeStep {
    func serve(_ exchange: ServeExchange, server: RESTServer, next: ServeNext) async -> HTTPOutput {
        let input = exchange.input
        let method = exchange.method
        // Only a request shaped by its URL and caller alone may use the cache: parameters can
        // also come in a body (JSON or form), and such an answer must never be stored under,
        // or served from, the entry of the bare URL.
        guard method.onlyReads, exchange.query["_method"] == nil,
              input.headers["X-HTTP-Method-Override"] == nil, input.body.isEmpty else {
            return await next(exchange)
        }
        var output: HTTPOutput
        let version = await server.contentVersion?()
        // An answer refused for its credentials is not the anonymous answer: it is never cached.
        if let cache = server.cache, let version, exchange.authentication.error == nil {
            let key = "\(exchange.authentication.user?.id ?? 0)|\(input.path)?\(input.query)|\(input.headers["Origin"] ?? "")"
            if let hit = cache.lookup(key, version: version) {
                output = hit
                output.fromCache = true
            } else {
                // One entry serves GET and HEAD.
                var get = exchange
                get.input.method = .get
                get.method = .get
                output = await Self.tagged(next(get))
                cache.store(key, version: version, output: output)
            }
        } else {
            output = await Self.tagged(next(exchange))
        }
        if method == .head { output.body = nil }
        if let tag = output.headers["ETag"], let wanted = input.headers["If-None-Match"],
           wanted.split(separator: ",").contains(where: { $0.trimmingSpaces() == tag || $0.trimmingSpaces() == "*" }) {
            // The same answer, route and caller, without its body.
            output.status = 304
            output.body = nil
        }
        return output
    }

    static func tagged(_ output: HTTPOutput) -> HTTPOutput {
        var output = output
        if output.status == 200 { output.headers.set("ETag", EntityTag.of(output.body ?? [])) }
        return output
    }
}
