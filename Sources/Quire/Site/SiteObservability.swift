import Logging
import Prometheus
import QuireHTTP
import QuireStore

/// What `quire serve` reports about a site: Prometheus metrics at `/metrics` (requests, the
/// response cache, uploads and the store's database transactions) and an access log.
public enum SiteObservability {
    /// - Parameters:
    ///   - metrics: whether to count and serve metrics (`--no-metrics` turns them off).
    ///   - accessLog: where access log lines go; nil writes none.
    public static func make(store: SQLContentStore, metrics: Bool, accessLog: Logger?) -> Observability {
        var observability = Observability(accessLog: accessLog)
        guard metrics else { return observability }
        let registry = PrometheusCollectorRegistry()
        let requests = RequestMetrics(factory: PrometheusMetricsFactory(registry: registry))
        store.provider.observeTiming { access, duration in requests.recordDatabase(access: access.rawValue, duration: duration) }
        observability.metrics = requests
        observability.exposition = { registry.emitToBuffer() }
        return observability
    }
}
