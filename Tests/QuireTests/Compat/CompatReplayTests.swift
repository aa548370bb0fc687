import Foundation
import HummingbirdTesting
import QuireREST
import Testing

/// Every exchange WordPress 6.1 answered to the cases in `compat/cases/` (recorded by
/// `compat/record.py` into `compat/fixtures/`) is replayed on a Quire site built as `seed.sh`
/// builds WordPress's, through the real adapter. Each answer must match the recorded one in
/// status, the API's headers and body, after both are normalised the same way; a difference
/// kept on purpose is listed with its reason in `compat/known-differences.json`.
/// Groups run one at a time, for the same reason as the replays on a copy.
@Suite(.serialized) struct CompatReplayTests {
    static let groups = CompatGroup.names()

    @Test(arguments: groups)
    func replay(group name: String) async throws {
        let group = try CompatGroup.load(name)
        let (failures, stale) = try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123", live: true,
                                                           signInLimits: .none) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            return try await Self.replayExchanges(group, on: site, client: client)
        }
        try Self.report(group, failures: failures, stale: stale)
    }

    /// Replays `group` on `site`: the exchanges that differ from WordPress (and are not listed
    /// as known), and the listed patterns that no longer differ anywhere they apply.
    static func replayExchanges(_ group: CompatGroup, on site: TestSite, client: any TestClientProtocol) async throws -> (failures: [String], stale: [String]) {
        let known = try KnownDifferences.load()
        #expect(group.exchanges.count > 0)
        let replayer = CompatReplayer(client: client, site: site)
        try await replayer.learnNames()
        var failures: [String] = []
        // Per listed pattern: how many exchanges it covered here, and how many of them still differ.
        var covered: [String: (all: Int, differing: Int)] = [:]
        for ex in group.exchanges {
            let diffs = await replayer.differences(ex)
            let entry = known.entry(for: ex.label)
            if let entry {
                var c = covered[entry.pattern] ?? (0, 0)
                c.all += 1
                if !diffs.isEmpty { c.differing += 1 }
                covered[entry.pattern] = c
            } else if !diffs.isEmpty {
                failures.append("\(ex.label) \(ex.request["method"]?.stringValue ?? "GET") \(ex.request["path"]?.stringValue ?? "")\n    "
                                + diffs.prefix(5).joined(separator: "\n    "))
            }
        }
        // A listed difference that no longer differs anywhere it applies must be taken off the list.
        let stale = covered.filter { $0.value.differing == 0 }.map(\.key).sorted()
        return (failures, stale)
    }

    static func report(_ group: CompatGroup, failures: [String], stale: [String], on what: String = "") throws {
        if !failures.isEmpty {
            let report = failures.prefix(60).joined(separator: "\n")
            Issue.record("\(failures.count) of \(group.exchanges.count) exchanges differ from WordPress in \(group.name)\(what):\n\(report)")
        }
        if let path = ProcessInfo.processInfo.environment["COMPAT_REPORT"] {
            try? (failures.joined(separator: "\n") + "\n").write(toFile: "\(path)/\(group.name)\(what.isEmpty ? "" : "-copy").txt",
                                                               atomically: true, encoding: .utf8)
        }
        #expect(stale.isEmpty, "listed in known-differences.json but now the same as WordPress here: \(stale.prefix(20))")
    }
}

/// `compat/known-differences.json`: exchanges (by `case#step`, `*` matching any run of
/// characters) where Quire answers differently on purpose, each with its reason.
struct KnownDifferences: Sendable {
    let entries: [(pattern: String, reason: String)]

    static func load() throws -> KnownDifferences {
        let url = CompatGroup.folder.appendingPathComponent("known-differences.json")
        let json = try JSONParser.parse(Array(try Data(contentsOf: url)))
        return KnownDifferences(entries: (json["differences"]?.arrayValue ?? []).compactMap { e in
            guard let p = e["exchange"]?.stringValue, let r = e["reason"]?.stringValue, !r.isEmpty else { return nil }
            return (p, r)
        })
    }

    func entry(for label: String) -> (pattern: String, reason: String)? {
        entries.first { Self.glob($0.pattern, label) }
    }

    static func glob(_ pattern: String, _ s: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        if parts.count == 1 { return pattern == s }
        var rest = Substring(s)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for (i, part) in parts.enumerated().dropFirst() {
            if i == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
            guard let r = rest.range(of: part) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }
}

/// What differs between a recorded answer and Quire's, as paths a reader can follow.
enum CompatDiff {
    static func differences(_ want: CompatExchange, _ got: CompatAnswer) -> [String] {
        var out: [String] = []
        if want.status != got.status { out.append("status \(got.status), WordPress \(want.status)") }
        for h in CompatReplayer.apiHeaders {
            let w = want.headers[h]?.stringValue, g = got.headers[h]?.stringValue
            if w != g { out.append("header \(h): \(g ?? "-"), WordPress \(w ?? "-")") }
        }
        out += body(want.body, got.body, path: "$")
        return out
    }

    static func body(_ want: JSON, _ got: JSON, path: String) -> [String] {
        switch (want, got) {
        case (.object(let a), .object(let b)):
            var out: [String] = []
            let missing = a.keys.filter { b[$0] == nil }, extra = b.keys.filter { a[$0] == nil }
            if !missing.isEmpty { out.append("\(path): missing \(missing)") }
            if !extra.isEmpty { out.append("\(path): extra \(extra)") }
            for (k, v) in a { if let w = b[k] { out += body(v, w, path: "\(path).\(k)") } }
            return out
        case (.array(let a), .array(let b)):
            if a.count != b.count { return ["\(path): \(b.count) items, WordPress \(a.count)"] }
            return zip(a, b).enumerated().flatMap { body($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]") }
        case (.int, .double), (.double, .int), (.double, .double):
            return want.doubleValue == got.doubleValue ? [] : ["\(path): \(show(got)), WordPress \(show(want))"]
        default:
            return want == got ? [] : ["\(path): \(show(got)), WordPress \(show(want))"]
        }
    }

    static func show(_ v: JSON) -> String { String(JSONEncoding.encodeString(v).prefix(300)) }
}
