import QuireREST
import Testing

/// Every sample of posts, pages, types and statuses replayed on the reference content:
/// the same status, the same keys at every level, the same kinds of values, the same link
/// relations and pagination headers.
@Suite struct ReferenceSampleTests {
    static let samples = [
        "no-route-404", "options-posts-anon", "pages-list", "post-404", "post-create-anon-401", "post-create-subscriber-403",
        "post-edit-admin", "post-envelope", "post-password-protected-unlocked", "post-password-protected",
        "post-private-anon-401", "post-single", "posts-fields", "posts-list-admin-any", "posts-list-page2", "posts-list",
        "posts-per-page-1000-400", "posts-status-draft-anon-400", "rest-route-query", "statuses", "wrong-method-404",
        "categories", "tags", "comments", "comments-admin-all", "post-embed", "posts-embed-list",
        "users-list-admin-edit", "users-list", "users-me-admin-edit", "users-me-anon-401", "settings-admin", "settings-anon-401",
        "search", "batch", "media-item", "post-embed-featured-media",
    ]

    /// Values that depend on when the site was built.
    /// (Generated image sizes' byte counts depend on the image library's encoder.)
    static let volatile: Set<String> = ["modified", "modified_gmt", "date", "date_gmt", "registered_date", "predecessor-version",
                                        "filesize"]

    static func differences(_ want: JSON, _ got: JSON, path: String = "$") -> [String] {
        switch (want, got) {
        case (.object(let a), .object(let b)):
            var out: [String] = []
            if a.keys != b.keys { out.append("\(path): keys \(b.keys), expected \(a.keys)") }
            for (k, v) in a { if let w = b[k] { out += differences(v, w, path: "\(path).\(k)") } }
            return out
        case (.array(let a), .array(let b)):
            if a.count != b.count { return ["\(path): \(b.count) items, expected \(a.count)"] }
            return zip(a, b).enumerated().flatMap { differences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]") }
        default:
            let (ka, kb) = (Shape.kind(want), Shape.kind(got))
            return ka == kb || ka == "empty" || kb == "empty" ? [] : ["\(path): \(kb), expected \(ka)"]
        }
    }

    /// Values that differ, outside the volatile keys (reported, for rendering fidelity).
    static func valueDifferences(_ want: JSON, _ got: JSON, path: String = "$") -> [String] {
        switch (want, got) {
        case (.object(let a), .object(let b)):
            return a.flatMap { k, v -> [String] in
                guard !volatile.contains(k), let w = b[k] else { return [] }
                return valueDifferences(v, w, path: "\(path).\(k)")
            }
        case (.array(let a), .array(let b)) where a.count == b.count:
            return zip(a, b).enumerated().flatMap { valueDifferences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]") }
        default:
            return JSONComparisonLite.equal(want, got) ? [] : ["\(path): \(JSONEncoding.encodeString(got).prefix(700)) expected \(JSONEncoding.encodeString(want).prefix(700))"]
        }
    }

    @Test func samplesOfPostsPagesTypesAndStatuses() async throws {
        let report = try await TestSite.with(roleUsers: false) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            var failures: [String] = []
            var values: [String] = []
            for name in Self.samples {
                let sample = try Samples.load(name)
                let req = sample["request"]!
                var query = JSONObject()
                for (k, v) in req["query"]?.objectValue ?? JSONObject() { query[k] = v }
                let q = FormDecoder.buildQuery(query)
                let uri = req["path"]!.stringValue! + (q.isEmpty ? "" : "?\(q)")
                let user = req["user"]?.stringValue
                let r = try await client.call(req["method"]!.stringValue!, uri, as: user, site: site, json: req["body"].flatMap { $0.isNull ? nil : $0 })
                var diffs: [String] = []
                if r.status != sample["status"]?.intValue { diffs.append("status \(r.status), expected \(sample["status"]!)") }
                diffs += Self.differences(sample["body"]!, r.json)
                for h in ["X-WP-Total", "X-WP-TotalPages", "Allow"] {
                    let want = sample["headers"]?.arrayValue?.first { $0[0]?.stringValue == h }?[1]?.stringValue
                    if want != r.header(h) { diffs.append("header \(h): \(r.header(h) ?? "-"), expected \(want ?? "-")") }
                }
                if !diffs.isEmpty { failures.append("\(name) \(uri)\n    " + diffs.joined(separator: "\n    ")) }
                let v = Self.valueDifferences(sample["body"]!, r.json)
                if !v.isEmpty { values.append("\(name): " + v.prefix(6).joined(separator: "\n    ")) }
            }
            return (failures, values)
        }
        #expect(report.0.isEmpty, "\(report.0.count) samples differ:\n\(report.0.joined(separator: "\n"))")
        // Every value but build-time dates is WordPress's too: rendering, links, ids, counts.
        #expect(report.1.isEmpty, "Value differences:\n\(report.1.joined(separator: "\n"))")
    }
}

enum JSONComparisonLite {
    static func equal(_ a: JSON, _ b: JSON) -> Bool {
        switch (a, b) {
        case (.int, .double), (.double, .int), (.int, .int), (.double, .double): return a.doubleValue == b.doubleValue
        default: return a == b
        }
    }
}
