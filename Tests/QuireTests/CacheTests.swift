import Foundation
import QuireREST
import QuireStore
import Testing

/// The built-in response cache: never stale, never shared between callers.
@Suite struct CacheTests {
    @Test func writesAreVisibleAtOnce() async throws {
        try await TestSite.with { site, client in
            let before = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            let again = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            #expect(again.json == before.json)
            #expect(site.site.server.cache?.count ?? 0 > 0, "the second answer came from the cache")
            _ = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: ["title": "Fresh", "status": "publish"])
            let after = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            #expect(after.header("X-WP-Total") == "2")
            #expect(after.json[0]?["title"]?["rendered"] == "Fresh")
            // A change made outside the API (the command line, another process) counts too.
            try await site.store.setOptions([("blogname", "Renamed")])
            #expect(try await client.call("GET", "/wp-json/", site: site).json["name"] == "Renamed")
        }
    }

    /// A write made through other connections to the same database (as another process, the
    /// command line or another server makes it) is seen by the next request; on PostgreSQL,
    /// once its announcement has come, within a round trip.
    @Test func writesFromAnotherConnectionAreVisibleAtOnce() async throws {
        try await TestSite.with { site, client in
            #expect(try await client.call("GET", "/wp-json/", site: site).json["name"] != "Elsewhere")
            #expect(try await client.call("GET", "/wp-json/", site: site).json["name"] != "Elsewhere")
            let other = try await site.openAnotherStore()
            func name() async throws -> JSON? {
                let wait: Duration = site.database == .postgresql ? .milliseconds(20) : .zero
                try await Task.sleep(for: wait)
                return try await client.call("GET", "/wp-json/", site: site).json["name"]
            }
            try await other.setOptions([("blogname", "Elsewhere")])
            #expect(try await name() == "Elsewhere")
            try await other.setOptions([("blogname", "Elsewhere again")])
            #expect(try await name() == "Elsewhere again")
            await other.shutdown()
        }
    }

    /// HEAD and GET share a cache entry; each still gets its own form of the answer.
    @Test func headAndGetShareAnEntryButNotABody() async throws {
        try await TestSite.with { site, client in
            let get = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            let head = try await client.call("HEAD", "/wp-json/wp/v2/posts", site: site)
            #expect(head.status == 200)
            #expect(head.json == .null, "no body")
            #expect(head.header("X-WP-Total") == get.header("X-WP-Total"))
            #expect(head.header("ETag") == get.header("ETag"))
            let again = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            #expect(again.json == get.json)
            let notModified = try await client.call("GET", "/wp-json/wp/v2/posts", site: site,
                                                    headers: [("If-None-Match", try #require(get.header("ETag")))])
            #expect(notModified.status == 304)
            #expect(notModified.json == .null)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts", site: site).json == get.json)
        }
    }

    @Test func callersNeverShareAnswers() async throws {
        try await TestSite.with { site, client in
            _ = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: ["title": "Secret", "status": "private"])
            for _ in 0..<2 {
                let editor = try await client.call("GET", "/wp-json/wp/v2/posts?status=private", as: "editor", site: site)
                #expect(editor.json.arrayValue?.count == 1)
                let author = try await client.call("GET", "/wp-json/wp/v2/posts?status=private", as: "author", site: site)
                #expect(author.json.arrayValue?.count == 0)
                let anon = try await client.call("GET", "/wp-json/wp/v2/posts?status=private", site: site)
                #expect(anon.status == 400)
                let me = try await client.call("GET", "/wp-json/wp/v2/users/me", as: "author", site: site)
                #expect(me.json["slug"] == "author")
                let other = try await client.call("GET", "/wp-json/wp/v2/users/me", as: "editor", site: site)
                #expect(other.json["slug"] == "editor")
            }
        }
    }

    @Test func entityTagsAnswer304() async throws {
        try await TestSite.with { site, client in
            let first = try await client.call("GET", "/wp-json/wp/v2/posts/1", site: site)
            let tag = try #require(first.header("ETag"))
            let same = try await client.call("GET", "/wp-json/wp/v2/posts/1", site: site, headers: [("If-None-Match", tag)])
            #expect(same.status == 304)
            _ = try await client.call("POST", "/wp-json/wp/v2/posts/1", as: "admin", site: site, json: ["title": "Changed"])
            let changed = try await client.call("GET", "/wp-json/wp/v2/posts/1", site: site, headers: [("If-None-Match", tag)])
            #expect(changed.status == 200)
            #expect(changed.header("ETag") != tag)
        }
    }

    @Test func scheduledPostsAppearWhenDue() async throws {
        try await TestSite.with { site, client in
            let dueDate = Date().addingTimeInterval(20)
            let due = WPDate.format(dueDate).replacingOccurrences(of: " ", with: "T")
            let created = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                                json: ["title": "Soon", "status": "publish", "date": .string(due)])
            // Under a loaded test run the request itself may take longer than the delay.
            if Date() < dueDate { #expect(created.json["status"] == "future") }
            let before = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            if Date() < dueDate.addingTimeInterval(-1) { #expect(before.header("X-WP-Total") == "1") }
            try await Task.sleep(for: .seconds(max(1, dueDate.timeIntervalSinceNow + 1.5)))
            let later = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            #expect(later.header("X-WP-Total") == "2")
            #expect(later.json[0]?["title"]?["rendered"] == "Soon")
        }
    }
}
