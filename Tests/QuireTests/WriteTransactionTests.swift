import Quire
import QuireREST
import QuireStore
import QuireWPV2
import Testing

/// A request that writes is one transaction: when its handler fails after writing, nothing it
/// wrote is left, whatever the failure and however many store calls came before it.
@Suite struct WriteTransactionTests {
    /// A field whose update refuses the value "refuse": it runs after the post row, its terms
    /// and meta are written.
    struct RefusingField: QuirePlugin {
        var name: String { "refusing-field" }
        func register(_ site: inout PluginRegistrar) {
            site.registerField("post", RESTField(name: "stamp", schema: ["type": "string", "context": ["view", "edit"]],
                                                 get: { _, _, _ in "kept" },
                                                 update: { value, _, _ in
                if value == "refuse" { throw RESTError("stamp_refused", "The stamp was refused.", status: 422) }
            }))
        }
    }

    @Test func aCreateThatFailsLeavesNoPostAndNoCounts() async throws {
        try await TestSite.with(roleUsers: false, plugins: [RefusingField()]) { site, client in
            let before = try await client.call("GET", "/wp-json/wp/v2/posts?per_page=100&status=any", as: "admin", site: site)
            let countBefore = try await client.call("GET", "/wp-json/wp/v2/categories/1", site: site).json["count"]
            let refused = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: [
                "title": "Half written", "status": "publish", "categories": [1], "stamp": "refuse",
            ])
            #expect(refused.status == 422)
            #expect(refused.json["code"] == "stamp_refused")
            let after = try await client.call("GET", "/wp-json/wp/v2/posts?per_page=100&status=any", as: "admin", site: site)
            #expect(after.json == before.json)
            #expect(after.header("X-WP-Total") == before.header("X-WP-Total"))
            #expect(try await client.call("GET", "/wp-json/wp/v2/categories/1", site: site).json["count"] == countBefore)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts?slug=half-written&status=any", as: "admin", site: site).json == [])

            // The same post with a value the field takes is created, counted and found.
            let made = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: [
                "title": "Half written", "status": "publish", "categories": [1], "stamp": "fine",
            ])
            #expect(made.status == 201)
            #expect(made.json["slug"] == "half-written")
            #expect(made.json["stamp"] == "kept")
            #expect(try await client.call("GET", "/wp-json/wp/v2/categories/1", site: site).json["count"]?.intValue
                == (countBefore?.intValue ?? 0) + 1)
        }
    }

    @Test func anUpdateThatFailsChangesNothing() async throws {
        try await TestSite.with(roleUsers: false, plugins: [RefusingField()]) { site, client in
            let before = try await client.call("GET", "/wp-json/wp/v2/posts/1?context=edit", as: "admin", site: site)
            let revisionsBefore = try await client.call("GET", "/wp-json/wp/v2/posts/1/revisions", as: "admin", site: site)
            let refused = try await client.call("POST", "/wp-json/wp/v2/posts/1", as: "admin", site: site, json: [
                "title": "Renamed", "status": "draft", "categories": [], "stamp": "refuse",
            ])
            #expect(refused.status == 422)
            let after = try await client.call("GET", "/wp-json/wp/v2/posts/1?context=edit", as: "admin", site: site)
            #expect(after.json == before.json)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts/1/revisions", as: "admin", site: site).json == revisionsBefore.json)
        }
    }
}
