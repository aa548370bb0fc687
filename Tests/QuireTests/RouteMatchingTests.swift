import QuireREST
import Testing

/// Which route a path reaches, as WordPress 6.1 answered these paths on the reference site
/// (asked through `?rest_route=`, so the path arrives as given): routes match regardless of
/// ASCII case, their `\d` takes ASCII digits only, and a final newline is allowed.
@Suite struct RouteMatchingTests {
    static let cases: [(route: String, status: Int, answer: String)] = [
        ("/wp/v2/posts/5", 200, "5"),
        ("/wp/v2/POSTS/5", 200, "5"),
        ("/wp/v2/posts/05", 200, "5"),
        ("/wp/v2/posts/5/", 200, "5"),
        ("/wp/v2/posts/5%0A", 200, "5"),
        ("/wp/v2/posts/5x", 404, "rest_no_route"),
        ("/wp/v2/posts/%D9%A5", 404, "rest_no_route"),
        ("/wp/v2/posts/5/revisions", 401, "rest_cannot_read"),
        ("/wp/v2/Posts/5/Revisions", 401, "rest_cannot_read"),
        ("/wp/v2/posts//revisions", 404, "rest_no_route"),
        ("/wp/v2/comments/2", 200, "2"),
        ("/wp/v2/users/2%0A", 200, "2"),
    ]

    @Test func pathsReachTheRoutesWordPressMatches() async throws {
        try await TestSite.with(roleUsers: false) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            for c in Self.cases {
                let r = try await client.call("GET", "/?rest_route=\(c.route)&_fields=id", site: site)
                #expect(r.status == c.status, "\(c.route)")
                let answer = r.json["id"]?.intValue.map(String.init) ?? r.json["code"]?.stringValue
                #expect(answer == c.answer, "\(c.route)")
            }
        }
    }
}
