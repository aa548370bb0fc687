import QuireREST
import Testing

/// Which route a path reaches, as WordPress 6.1 answered these paths on the reference site
/// (asked through `?rest_route=`, so the path arrives as given): routes match regardless of
/// ASCII case, their `\d` takes ASCII digits only, and a final newline is allowed (after a
/// plain route too).
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
        ("/wp/v2/posts%0A", 200, "list"),
        ("/wp/v2/Categories", 200, "list"),
        ("/wp/v2/users/1/application-passwords", 401, "rest_cannot_list_application_passwords"),
        ("/wp/v2/users/1/APPLICATION-PASSWORDS", 401, "rest_cannot_list_application_passwords"),
        ("/wp/v2/users/1/application-passwords%0A", 401, "rest_cannot_list_application_passwords"),
        ("/wp/v2/users/1/application-passwordsx", 404, "rest_no_route"),
        ("/wp/v2/users/me/application-passwords/introspect", 401, "rest_not_logged_in"),
    ]

    @Test func pathsReachTheRoutesWordPressMatches() async throws {
        try await TestSite.with(roleUsers: false) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            for c in Self.cases {
                let r = try await client.call("GET", "/?rest_route=\(c.route)&_fields=id", site: site)
                #expect(r.status == c.status, "\(c.route)")
                let answer = r.json.arrayValue != nil ? "list" : r.json["id"]?.intValue.map(String.init) ?? r.json["code"]?.stringValue
                #expect(answer == c.answer, "\(c.route)")
            }
        }
    }
}
