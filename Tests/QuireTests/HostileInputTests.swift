import Foundation
import HummingbirdTesting
import QuireHTTP
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

/// Limits a public server needs: failed sign-ins, file serving, body size, the route a URL names.
@Suite struct ServerLimitTests {
    static func basic(_ login: String, _ password: String) -> [(String, String)] {
        [("Authorization", "Basic " + Data("\(login):\(password)".utf8).base64EncodedString())]
    }

    /// Past the limit of failed sign-ins, a login is refused with 429 and `Retry-After` (even with
    /// its right password) until the window ends; other logins are not affected.
    @Test func failedSignInsAreThrottled() async throws {
        try await TestSite.with(signInLimits: .init(perLogin: 3, perAddress: 1000, window: 60)) { site, client in
            for _ in 0..<3 {
                let r = try await client.call("GET", "/wp-json/wp/v2/users/me", site: site, headers: Self.basic("admin", "wrong password"))
                #expect(r.status == 401, "a wrong password leaves the request anonymous, as in WordPress")
            }
            let refused = try await client.call("GET", "/wp-json/wp/v2/users/me", site: site, headers: Self.basic("admin", "wrong password"))
            #expect(refused.status == 429)
            #expect(refused.json["code"] == "rest_too_many_sign_in_attempts")
            #expect(Int(refused.header("Retry-After") ?? "") ?? 0 > 0)
            #expect(try await client.call("GET", "/wp-json/wp/v2/users/me", as: "admin", site: site).status == 429)
            #expect(try await client.call("GET", "/wp-json/wp/v2/users/me", as: "editor", site: site).status == 200)
            for _ in 0..<3 {
                _ = try await client.call("GET", "/wp-json/wp/v2/posts", site: site, headers: Self.basic("nobody", "x"))
            }
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts", site: site, headers: Self.basic("nobody", "x")).status == 429,
                    "unknown logins are counted as known ones are")
        }
    }

    /// Uploads are served only from real files under the uploads folder, never through a link.
    @Test func uploadsAreServedOnlyFromTheUploadsFolder() async throws {
        try await TestSite.with { site, client in
            let fm = FileManager.default
            let outside = site.directory.appendingPathComponent("outside")
            try fm.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
            try fm.createDirectory(at: site.uploads, withIntermediateDirectories: true)
            try fm.createSymbolicLink(at: site.uploads.appendingPathComponent("link"), withDestinationURL: outside)
            try fm.createSymbolicLink(at: site.uploads.appendingPathComponent("file.txt"),
                                      withDestinationURL: outside.appendingPathComponent("secret.txt"))
            try Data("public".utf8).write(to: site.uploads.appendingPathComponent("real.txt"))
            #expect(try await client.call("GET", "/wp-content/uploads/link/secret.txt", site: site).status == 404)
            #expect(try await client.call("GET", "/wp-content/uploads/file.txt", site: site).status == 404)
            let real = try await client.call("GET", "/wp-content/uploads/real.txt", site: site)
            #expect(real.status == 200)
            #expect(real.header("X-Content-Type-Options") == "nosniff")
        }
    }

    /// A body over the limit is answered 413 in the API's error shape.
    @Test func overLimitBodiesAre413() async throws {
        let site = try await TestSite.make()
        do {
            let app = QuireApplication.make(server: site.site.server, uploads: site.uploads, limits: ServerLimits(maxBodySize: 1000))
            try await app.test(.router) { client in
                let r = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                              headers: [("Content-Type", "application/json")], body: Array(repeating: 0x20, count: 5000))
                #expect(r.status == 413)
                #expect(r.json["code"] == "rest_request_too_large")
                #expect(r.json["data"]?["status"] == 413)
            }
        } catch {
            await site.close()
            throw error
        }
        await site.close()
    }

    /// `?rest_route=` names the route even on a pretty API path, as in WordPress.
    @Test func restRouteWinsOverThePath() async throws {
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/posts?rest_route=/wp/v2/users", site: site)
            #expect(r.status == 200)
            #expect(r.json[0]?["avatar_urls"] != nil, "the users route answered")
        }
    }
}

/// Searches that once failed in the database: every term is bounded and a long list of words is one phrase.
@Suite struct SearchBoundsTests {
    @Test func longTermsAndManyWordsAreSearched() async throws {
        try await TestSite.with { site, client in
            let long = String(repeating: "a", count: 50_000)
            let many = (1...997).map { "w\($0)" }.joined(separator: "+")
            for route in ["posts", "pages", "media", "comments", "categories", "tags", "search"] {
                for q in [long, many] {
                    let r = try await client.call("GET", "/wp-json/wp/v2/\(route)?search=\(q)", site: site)
                    #expect(r.status == 200, "\(route): \(r.status)")
                    #expect(r.json.arrayValue?.isEmpty == true)
                }
            }
            let users = try await client.call("GET", "/wp-json/wp/v2/users?search=\(long)", as: "admin", site: site)
            #expect(users.status == 200)
            let phrase = try await client.call("GET", "/wp-json/wp/v2/posts?search=" + (1...12).map { _ in "Hello" }.joined(separator: "+"), site: site)
            #expect(phrase.json.arrayValue?.isEmpty == true, "twelve words are one phrase, which no post holds")
            let words = try await client.call("GET", "/wp-json/wp/v2/posts?search=world+Hello", site: site)
            #expect(words.json.arrayValue?.count == 1, "a few words are each looked for")
        }
    }
}
