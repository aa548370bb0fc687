import Foundation
import HummingbirdTesting
import Quire
import QuireREST
import QuireStore
import QuireWPV2
import Testing

/// `quire import wxr`: the reference site as WordPress 6.1 exported it, imported into an empty
/// site, answers the recorded read-only exchanges; an export imported into an empty site
/// answers as the original; a malformed file imports nothing; a second run adds nothing.
@Suite struct WXRImportTests {
    static var fixtures: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
    static var referenceExport: URL { fixtures.appendingPathComponent("wxr/reference-export.xml") }

    /// The old site's uploads folder: the one file the reference site has.
    static func oldUploads(in site: TestSite) throws -> URL {
        let dir = site.directory.appendingPathComponent("old-uploads")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("media/oracle-test.png"),
                                         to: dir.appendingPathComponent("oracle-test.png"))
        return dir
    }

    static func importer(_ site: TestSite, uploads: URL? = nil, authors: WXRImport.Authors = .create) -> WXRImport {
        WXRImport(store: site.store, types: site.site.types, library: site.site.media, siteURL: TestSite.url,
                  uploadsSource: uploads, authors: authors)
    }

    /// What an imported site cannot answer as WordPress did, because a WXR file does not carry
    /// it: (exchange pattern, text of the difference, why).
    static let inherentDifferences: [(exchange: String, difference: String, reason: String)] = [
        ("*", "predecessor-version", "an export leaves revisions out"),
        ("*", "version-history[0].count", "an export leaves revisions out"),
        ("*", "author_user_agent", "an export has no comment_agent"),
        ("comment/*/is-this-still/*", "", "the subscriber wrote this comment but is no author of the file, so its comment_user_id names a user of the old site only"),
        ("comments-status/*", "$[0].author", "the subscriber's comment, as above"),
        ("comments-status/*", "$[0]._links: missing [\"author\"]", "the subscriber's comment, as above"),
    ]

    @Test func referenceExportAnswersTheRecordedReads() async throws {
        let group = try CompatGroup.load("01-reads")
        let (summary, failures) = try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123",
                                                          live: true, signInLimits: .none, sampleContent: false) { base, client in
            let site = try await ReferenceSite.users(base)
            try await site.store.setOptions([("uploads_use_yearmonth_folders", 0)])
            let summary = try await Self.importer(site, uploads: try Self.oldUploads(in: site), authors: .map).run(file: Self.referenceExport)
            let failures = try await Self.replay(group, on: site, client: client)
            return (summary, failures)
        }
        #expect(summary.postsCreated == ["post": 13, "page": 5, "attachment": 1])
        #expect(summary.commentsCreated == 6 && summary.usersMatched == 4 && summary.usersCreated == 0)
        // The theme's wp_global_styles post: this site has no such type.
        #expect(summary.skipped.count == 1, "\(summary.skipped)")
        #expect(failures.isEmpty, "\(failures.count) of \(group.exchanges.count) reads differ on the imported site:\n\(failures.prefix(40).joined(separator: "\n"))")
    }

    /// The exchanges of `group` that differ from WordPress's answers on `site`, but for those
    /// listed as known (for every Quire site) or as inherent to an imported one.
    static func replay(_ group: CompatGroup, on site: TestSite, client: any TestClientProtocol) async throws -> [String] {
        let replayer = CompatReplayer(client: client, site: site)
        try await replayer.learnNames()
        let listed = try KnownDifferences.load()
        var failures: [String] = []
        for ex in group.exchanges {
            var diffs: [String]
            do {
                let got = try await replayer.run(ex)
                diffs = CompatDiff.differences(ex, got)
            } catch {
                diffs = ["could not run: \(error)"]
            }
            if listed.entry(for: ex.label) != nil { diffs = [] }
            diffs.removeAll { isInherent(ex.label, $0) }
            if !diffs.isEmpty {
                failures.append("\(ex.label) \(ex.request["path"]?.stringValue ?? "")\n    " + diffs.prefix(5).joined(separator: "\n    "))
            }
        }
        return failures
    }

    static func isInherent(_ label: String, _ difference: String) -> Bool {
        inherentDifferences.contains { KnownDifferences.glob($0.exchange, label) && ($0.difference.isEmpty || difference.contains($0.difference)) }
    }
}
