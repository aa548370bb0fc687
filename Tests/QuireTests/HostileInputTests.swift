import Foundation
import QuireREST
import Testing

/// Inputs that once ended the process or ran without bound: each must get WordPress's answer
/// (or at least a 4xx), quickly, and leave the server serving.
@Suite struct HostileInputTests {
    static let huge = "9223372036854775807"

    /// Page numbers and offsets at the ends of the integer range.
    @Test func extremePagesAndOffsetsAreAnswered() async throws {
        try await TestSite.with { site, client in
            for route in ["posts", "pages"] {
                let r = try await client.call("GET", "/wp-json/wp/v2/\(route)?page=\(Self.huge)", site: site)
                #expect(r.status == 400, "\(route): \(r.status)")
                #expect(r.json["code"]?.stringValue?.hasSuffix("invalid_page_number") == true)
            }
            // An empty media library and a search whose page is empty count nothing, so no page is too far.
            for route in ["media", "search"] {
                let r = try await client.call("GET", "/wp-json/wp/v2/\(route)?page=\(Self.huge)", site: site)
                #expect(r.status == 200, "\(route): \(r.status)")
                #expect(r.header("X-WP-Total") == "0")
            }
            for route in ["comments", "users", "categories", "tags"] {
                let r = try await client.call("GET", "/wp-json/wp/v2/\(route)?page=\(Self.huge)", site: site)
                #expect(r.status == 200, "\(route): \(r.status)")
                #expect(r.json.arrayValue?.isEmpty == true)
            }
            let offset = try await client.call("GET", "/wp-json/wp/v2/posts?page=2&offset=\(Self.huge)", site: site)
            #expect(offset.status == 200)
            #expect(offset.header("X-WP-Total") == "0")
            let media = try await client.call("GET", "/wp-json/wp/v2/media?offset=-1", site: site)
            #expect(media.status == 200)
            let minimum = try await client.call("GET", "/wp-json/wp/v2/posts?offset=-9223372036854775808", site: site)
            #expect(minimum.status == 200)
            let revisions = try await client.call("GET", "/wp-json/wp/v2/posts/1/revisions?offset=-1&per_page=5", as: "admin", site: site)
            #expect(revisions.status < 500)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts", site: site).status == 200, "still serving")
        }
    }

    /// Names nested past PHP's `max_input_nesting_level` are dropped, in a query or a form body.
    @Test func deeplyNestedNamesAreDropped() async throws {
        let deep = "a" + String(repeating: "[]", count: 40_000) + "=1"
        #expect(FormDecoder.decode(deep).isEmpty)
        let shallow = "a" + String(repeating: "[x]", count: 10) + "=1"
        #expect(FormDecoder.decode(shallow)["a"] != nil)
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/posts?\(deep)", site: site)
            #expect(r.status == 200)
            let form = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                             headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(deep.utf8))
            #expect(form.status == 400, "an empty post is refused, the nesting is ignored")
        }
    }

    /// A `pattern` runs on bounded input: a huge value fails it at once instead of backtracking
    /// for minutes (this request took over 100 s before the bound).
    @Test func patternsRunOnBoundedInput() async throws {
        try await TestSite.with { site, client in
            let name = String(repeating: " ", count: 100_000)
            let r = try await client.call("POST", "/wp-json/wp/v2/users/me/application-passwords", as: "admin", site: site,
                                          json: ["name": .string(name)])
            #expect(r.status == 400)
            #expect(r.json["data"]?["params"]?["name"] != nil)
            let ok = try await client.call("POST", "/wp-json/wp/v2/users/me/application-passwords", as: "admin", site: site,
                                           json: ["name": "  a name  "])
            #expect(ok.status == 201, "a short name with spaces still matches")
        }
    }

    /// `{"status": ""}` on a comment changes nothing and answers 200 (it once answered 500).
    @Test func emptyCommentStatusIsIgnored() async throws {
        try await TestSite.with { site, client in
            let r = try await client.call("PUT", "/wp-json/wp/v2/comments/1", as: "admin", site: site, json: ["status": ""])
            #expect(r.status == 200)
            #expect(r.json["status"] == "approved")
        }
    }
}
