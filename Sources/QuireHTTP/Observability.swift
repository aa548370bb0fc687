import Logging

/// What a server reports about itself: request metrics (and where they are read, `/metrics`)
/// and an access log line per request.
public struct Observability: Sendable {
    public var metrics: RequestMetrics?
    /// The metrics in Prometheus's text format, served at `GET /metrics`; nil serves nothing there.
    public var exposition: (@Sendable () -> [UInt8])?
    /// Where access log lines go (at `info`): method, path, status, duration, user id, route.
    public var accessLog: Logger?

    public init(metrics: RequestMetrics? = nil, exposition: (@Sendable () -> [UInt8])? = nil, accessLog: Logger? = nil) {
        (self.metrics, self.exposition, self.accessLog) = (metrics, exposition, accessLog)
    }

    public static let none = Observability()

    /// Where the metrics are read, when there are any.
    public static let metricsPath = "/metrics"
}
