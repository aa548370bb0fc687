import Foundation
import Logging
import Quire
import QuireHTTP
import Synchronization
import Testing

/// `GET /metrics` in Prometheus's text format: requests by route pattern, method and status,
/// their latency, the response cache's hits and misses, uploads; and an access log line per
/// request, as `quire serve` sets them up.
@Suite struct MetricsTests {
    /// Keeps every line logged, for the test to read.
    struct KeptLines: LogHandler {
        let lines: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let route = event.metadata?["route"].map { " route=\($0)" } ?? ""
            lines.kept.withLock { $0.append("\(event.message)\(route)") }
        }
    }

    final class Lines: Sendable { let kept = Mutex<[String]>([]) }

    @Test func requestsAreCountedTimedAndLogged() async throws {
        let lines = Lines()
        let log = Logger(label: "quire.access") { _ in KeptLines(lines: lines) }
        // As `quire serve` sets them up.
        try await LiveServer.run(observability: { site in SiteObservability.make(store: site.store, metrics: true, accessLog: log) }) { site, port in
            #expect(try await RawConnection.get(port, "/wp-json/wp/v2/posts").status == 200)
            #expect(try await RawConnection.get(port, "/wp-json/wp/v2/posts").status == 200)
            #expect(try await RawConnection.get(port, "/wp-json/wp/v2/posts/1", authorization: site.authorization("admin")).status == 200)
            #expect(try await RawConnection.get(port, "/wp-json/wp/v2/posts/999999").status == 404)
            #expect(try await RawConnection.get(port, "/nowhere").status == 404)
            let upload = try RawConnection(port: port)
            let notes = Array(repeating: UInt8(ascii: "x"), count: 100)
            await upload.send(Array(("POST /wp-json/wp/v2/media HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: \(site.authorization("admin"))\r\n"
                + "Content-Type: text/plain\r\nContent-Disposition: attachment; filename=notes.txt\r\nContent-Length: 100\r\nConnection: close\r\n\r\n").utf8) + notes)
            #expect(await upload.readAnswer(timeout: 10).status == 201)

            let metrics = try await RawConnection.get(port, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(decoding: metrics.body, as: UTF8.self)
            #expect(text.contains(#"quire_requests_total{route="/wp/v2/posts",method="GET",status="200"} 2"#), "\(text.prefix(3000))")
            #expect(text.contains(#"quire_requests_total{route="/wp/v2/posts/(?P<id>[\\d]+)",method="GET",status="200"} 1"#))
            #expect(text.contains(#"quire_requests_total{route="/wp/v2/posts/(?P<id>[\\d]+)",method="GET",status="404"} 1"#))
            #expect(text.contains(#"quire_requests_total{route="unmatched",method="GET",status="404"} 1"#))
            #expect(text.contains(#"quire_request_duration_seconds_count{route="/wp/v2/posts",method="GET"} 2"#))
            #expect(text.contains(#"quire_request_duration_seconds_bucket{route="/wp/v2/posts",method="GET",le="+Inf"} 2"#))
            #expect(text.contains(#"quire_response_cache_lookups_total{result="hit"} 1"#))
            #expect(text.contains("quire_uploads_total 1"))
            #expect(text.contains("quire_upload_bytes_total 100"))
            for access in ["read", "write"] {
                let count = text.split(separator: "\n").first { $0.hasPrefix("quire_database_duration_seconds_count{access=\"\(access)\"}") }
                #expect((count?.split(separator: " ").last.flatMap { Int($0) } ?? 0) > 0, "database \(access)s are timed")
            }
        }
        let logged = lines.kept.withLock { $0 }
        #expect(logged.count == 7)
        #expect(logged.contains { $0.hasPrefix("GET /wp-json/wp/v2/posts 200 ") && $0.contains("user=0") })
        #expect(logged.contains { $0.hasPrefix("GET /wp-json/wp/v2/posts/1 200 ") && $0.contains("user=1") && $0.contains(#"route=/wp/v2/posts/(?P<id>[\d]+)"#) })
        #expect(logged.contains { $0.hasPrefix("POST /wp-json/wp/v2/media 201 ") })
        #expect(logged.contains { $0.hasPrefix("GET /nowhere 404 ") && $0.contains("route=unmatched") })
    }
}
