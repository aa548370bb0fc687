/// A request that only reads reads from one snapshot of the store, embedded resources included.
struct ReadSnapshotStep: ServeStep {
    func serve(_ exchange: ServeExchange, server: RESTServer, next: ServeNext) async -> HTTPOutput {
        guard let snapshot = server.snapshot, exchange.method.onlyReads else {
            return await next(exchange)
        }
        return await snapshot { await next(exchange) }
    }
}
