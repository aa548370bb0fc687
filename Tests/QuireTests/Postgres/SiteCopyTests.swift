import Foundation
import HummingbirdTesting
import Quire
import QuireHTTP
import QuireREST
import QuireStore
import Testing

/// `quire db copy` moves the reference site from SQLite to PostgreSQL (when the tests have a
/// server; to another SQLite file otherwise) and back, and every copy answers the API exactly
/// as the original does, for each role; new rows on a copy take new ids.
@Suite(.enabled(if: TestDatabase.all.contains(.sqlite))) struct SiteCopyTests {
    static let paths = [
        "/wp-json/wp/v2/posts?per_page=100&status=any&context=edit", "/wp-json/wp/v2/pages?per_page=100&status=any",
        "/wp-json/wp/v2/categories?per_page=100&context=edit", "/wp-json/wp/v2/tags?per_page=100",
        "/wp-json/wp/v2/users?per_page=100&context=edit", "/wp-json/wp/v2/comments?per_page=100&status=any&context=edit",
        "/wp-json/wp/v2/media?per_page=100", "/wp-json/wp/v2/settings", "/wp-json/wp/v2/posts?search=rest",
        "/wp-json/wp/v2/users/me?context=edit", "/wp-json/wp/v2/posts?categories=2&orderby=title&order=asc",
    ]

    /// What a client sees of every path, as `login` (or anonymous).
    static func answers(_ site: TestSite, _ client: any TestClientProtocol, as login: String?) async throws -> [String] {
        var out: [String] = []
        for path in paths {
            let r = try await client.call("GET", path, as: login, site: site)
            out.append("\(path) \(r.status) \(r.header("X-WP-Total") ?? "-") \(JSONEncoding.encodeString(r.json))")
        }
        return out
    }

    @Test func theReferenceSiteMovesBothWaysUnchanged() async throws {
        try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123", databases: [.sqlite]) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            var original: [String: [String]] = [:]
            for login in [nil, "admin", "author", "subscriber"] { original[login ?? "-"] = try await Self.answers(site, client, as: login) }

            let middle: TestDatabase = TestDatabase.all.contains(.postgresql) ? .postgresql : .sqlite
            let there = try await TestSite.emptyStore(middle, in: site.directory.appendingPathComponent("there"))
            try await SiteCopy.copy(from: site.store, to: there.store)
            let back = try await TestSite.emptyStore(.sqlite, in: site.directory.appendingPathComponent("back"))
            try await SiteCopy.copy(from: there.store, to: back.store)

            let expected = original
            for copy in [there, back] {
                let copied = try await site.sharing(copy.store)
                try await copied.application.test(.router) { copyClient in
                    for login in [nil, "admin", "author", "subscriber"] {
                        let answers = try await Self.answers(copied, copyClient, as: login)
                        for (mine, theirs) in zip(answers, expected[login ?? "-"]!) { #expect(mine == theirs, "\(copy.database) as \(login ?? "anonymous")") }
                    }
                    // Ids given by the copy follow the copied ones.
                    let maxID = try #require(try await copyClient.call("GET", "/wp-json/wp/v2/posts?per_page=1&orderby=id&status=any", as: "admin", site: copied).json[0]?["id"]?.intValue)
                    let created = try await copyClient.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: copied, json: ["title": "After the copy"])
                    #expect(created.status == 201)
                    #expect((created.json["id"]?.intValue ?? 0) > maxID)
                }
                await copy.close()
            }
        }
    }

    @Test func aTargetThatHoldsASiteIsRefusedUnlessReplaced() async throws {
        try await TestSite.with(databases: [.sqlite]) { site, _ in
            let other = try await TestSite.make(roleUsers: false, sampleContent: false, database: TestDatabase.all.last ?? .sqlite)
            #expect(try await other.store.users(UserQuery()).total == 1)
            await #expect(throws: SiteCopy.TargetNotEmpty.self) { try await SiteCopy.copy(from: site.store, to: other.store) }
            #expect(try await other.store.users(UserQuery()).total == 1)
            #expect(try await other.store.posts(PostQuery()).total == 0)
            try await SiteCopy.copy(from: site.store, to: other.store, replacing: true)
            #expect(try await other.store.users(UserQuery()).total == 5)
            #expect(try await other.store.posts(PostQuery()).total == 1)
            await other.close()
        }
    }
}
