import CoreMetrics
import Metrics
import Synchronization

/// Counts and times every answer through swift-metrics, by route pattern, method and status
/// (all from fixed lists, so the number of series stays bounded), with the response cache's
/// hits and misses and the uploads received. The backend is the factory given (Prometheus for
/// `quire serve`), not the process-wide one, so several servers can each keep their own.
///
/// ```swift
/// let registry = PrometheusCollectorRegistry()
/// let metrics = RequestMetrics(factory: PrometheusMetricsFactory(registry: registry))
/// metrics.record(route: "/wp/v2/posts", method: "GET", status: 200, cached: false, duration: .milliseconds(2), bodyBytes: 0)
/// ```
public final class RequestMetrics: Sendable {
    struct Series: Hashable { let route: String, method: String, status: Int }

    let factory: any MetricsFactory
    private let series = Mutex<[Series: (Counter, Timer)]>([:])
    private let cacheHits: Counter
    private let cacheMisses: Counter
    private let uploads: Counter
    private let uploadBytes: Counter

    /// Methods counted by name; any other is counted as `other`.
    static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    public init(factory: any MetricsFactory) {
        self.factory = factory
        cacheHits = Counter(label: "quire_response_cache_lookups_total", dimensions: [("result", "hit")], factory: factory)
        cacheMisses = Counter(label: "quire_response_cache_lookups_total", dimensions: [("result", "miss")], factory: factory)
        uploads = Counter(label: "quire_uploads_total", factory: factory)
        uploadBytes = Counter(label: "quire_upload_bytes_total", factory: factory)
    }

    /// Records one answer. `route` is the pattern that answered, `unmatched` when none did.
    public func record(route: String, method: String, status: Int, cached: Bool?, duration: Duration, bodyBytes: Int) {
        let method = Self.methods.contains(method) ? method : "other"
        let key = Series(route: route, method: method, status: status)
        let (counter, timer) = series.withLock { known in
            if let found = known[key] { return found }
            let dimensions = [("route", route), ("method", method), ("status", String(status))]
            let made = (Counter(label: "quire_requests_total", dimensions: dimensions, factory: factory),
                        Timer(label: "quire_request_duration_seconds", dimensions: [("route", route), ("method", method)], factory: factory))
            known[key] = made
            return made
        }
        counter.increment()
        timer.record(duration: duration)
        if let cached { (cached ? cacheHits : cacheMisses).increment() }
        if route == "/wp/v2/media", method == "POST", status == 201 {
            uploads.increment()
            uploadBytes.increment(by: bodyBytes)
        }
    }
}
