import CoreMetrics
import Metrics
import Synchronization

/// Counts and times every answer through swift-metrics, by route pattern, method and status
/// (all from fixed lists, so the number of series stays bounded), with the response cache's
/// hits and misses, the uploads received and the time spent in database transactions. The backend is the factory given (Prometheus for
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
    private let databaseReads: Timer
    private let databaseWrites: Timer

    /// Methods counted by name; any other is counted as `other`.
    static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    public init(factory: any MetricsFactory) {
        self.factory = factory
        cacheHits = Counter(label: "quire_response_cache_lookups_total", dimensions: [("result", "hit")], factory: factory)
        cacheMisses = Counter(label: "quire_response_cache_lookups_total", dimensions: [("result", "miss")], factory: factory)
        uploads = Counter(label: "quire_uploads_total", factory: factory)
        uploadBytes = Counter(label: "quire_upload_bytes_total", factory: factory)
        databaseReads = Timer(label: "quire_database_duration_seconds", dimensions: [("access", "read")], factory: factory)
        databaseWrites = Timer(label: "quire_database_duration_seconds", dimensions: [("access", "write")], factory: factory)
    }

    /// Records one database transaction: `write` for writes, anything else is a read.
    public func recordDatabase(access: String, duration: Duration) {
        (access == "write" ? databaseWrites : databaseReads).record(duration: duration)
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
