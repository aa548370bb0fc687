import Foundation
import HTTPTypes
import NIOCore
import HummingbirdTesting
import QuireAuth
import QuireREST
import QuireStore

/// The site the WordPress samples were taken from, built the way `seed.sh` builds it: users,
/// terms, media and comments through the store (until their routes exist), posts and pages
/// through the REST API as each user. Ids come out as they did in WordPress.
enum ReferenceSite {
    static func para(_ s: String) -> String { "<!-- wp:paragraph -->\n<p>\(s)</p>\n<!-- /wp:paragraph -->\n\n" }
    static func heading(_ s: String) -> String { "<!-- wp:heading -->\n<h2>\(s)</h2>\n<!-- /wp:heading -->\n\n" }

    /// The site's name and its users, one per role, each with an application password.
    static func users(_ site: TestSite) async throws -> TestSite {
        let store = site.store
        try await store.setOptions([("blogdescription", "Reference WordPress install for REST API comparison"), ("blogname", "Oracle")])
        var creds: [String: (id: Int, password: String)] = ["admin": site.credentials["admin"]!]
        for (login, role, first, last) in [("editor", "editor", "Eddie", "Editor"), ("author", "author", "Ava", "Author"),
                                           ("contributor", "contributor", "Carl", "Contributor"),
                                           ("subscriber", "subscriber", "Sam", "Subscriber")] {
            let u = try await store.insertUser(User(login: login, passwordHash: PasswordHasher.hash("\(login)-pass-123"),
                                                    email: "\(login)@example.com", url: "https://example.com/~\(login)",
                                                    registered: WPDate.format(Date()), displayName: "\(first) \(last)",
                                                    firstName: first, lastName: last, nickname: login,
                                                    description: "The \(role) of the oracle site.", roles: [role]))
            let (_, pw) = try await ApplicationPasswords.create(for: u.id, name: "oracle", in: store)
            creds[login] = (u.id, pw)
        }
        return TestSite(directory: site.directory, database: site.database, postgres: site.postgres, site: site.site, credentials: creds)
    }

    /// Seeds `site` (a fresh `TestSite` made without its role users).
    static func seed(_ site: TestSite, client: any TestClientProtocol) async throws -> TestSite {
        let store = site.store
        let s = try await users(site)
        let news = try await store.insertTerm(Term(taxonomy: "category", name: "News", slug: "news", description: "Announcements and news."))
        let releases = try await store.insertTerm(Term(taxonomy: "category", name: "Releases", slug: "releases", description: "Release notes.", parent: news.id))
        let tut = try await store.insertTerm(Term(taxonomy: "category", name: "Tutorials", slug: "tutorials", description: "How-to guides."))
        let swift = try await store.insertTerm(Term(taxonomy: "post_tag", name: "Swift", slug: "swift"))
        let rest = try await store.insertTerm(Term(taxonomy: "post_tag", name: "REST API", slug: "rest-api", description: "Posts about the REST API."))
        let perf = try await store.insertTerm(Term(taxonomy: "post_tag", name: "Performance", slug: "performance"))
        let wp = try await store.insertTerm(Term(taxonomy: "post_tag", name: "WordPress", slug: "wordpress"))

        func post(_ user: String, _ body: JSON, route: String = "posts") async throws -> Int {
            // Command substitution in the shell script drops trailing newlines; do the same.
            var trimmed = body.objectValue ?? JSONObject()
            if case .string(let c)? = trimmed["content"] {
                var t = c
                while t.hasSuffix("\n") { t.removeLast() }
                trimmed["content"] = .string(t)
            }
            let r = try await client.call("POST", "/wp-json/wp/v2/\(route)", as: user, site: s, json: .object(trimmed))
            guard r.status == 201, let id = r.json["id"]?.intValue else {
                throw RESTError("seed_failed", "\(route) as \(user): \(r.status) \(JSONEncoding.encodeString(r.json))")
            }
            return id
        }
        let welcome = try await post("admin", ["title": "Welcome to the Oracle", "slug": "welcome-to-the-oracle", "status": "publish",
            "date": "2024-01-02T10:00:00",
            "content": .string(heading("Hello") + para("This site is the reference WordPress install.") + para("Every response here is the expected answer.")),
            "excerpt": "A short welcome to the reference site.", "categories": [.int(news.id)], "tags": [.int(wp.id)], "sticky": true])
        let rel10 = try await post("editor", ["title": "Release 1.0", "slug": "release-1-0", "status": "publish", "date": "2024-01-05T09:30:00",
            "content": .string(para("Version 1.0 is out.") + "<!-- wp:list -->\n<ul><li>Posts</li><li>Pages</li><li>Comments</li></ul>\n<!-- /wp:list -->\n"),
            "categories": [.int(releases.id)], "tags": [.int(swift.id), .int(rest.id)]])
        _ = try await post("author", ["title": "Getting Started with the REST API", "slug": "getting-started-rest-api", "status": "publish",
            "date": "2024-01-10T14:15:00",
            "content": .string(para("Send a GET request to the posts collection:") + "<!-- wp:code -->\n<pre class=\"wp-block-code\"><code>curl http://127.0.0.1:8080/wp-json/wp/v2/posts</code></pre>\n<!-- /wp:code -->\n"),
            "excerpt": "Fetch posts with one request.", "categories": [.int(tut.id)], "tags": [.int(rest.id), .int(wp.id)]])
        let perfPost = try await post("author", ["title": "Performance Notes", "slug": "performance-notes", "status": "publish", "date": "2024-01-15T08:00:00",
            "content": .string(para("Teaser paragraph before the more tag.") + "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n" + para("The rest of the notes, after the more tag.")),
            "categories": [.int(tut.id), .int(news.id)], "tags": [.int(perf.id)]])
        _ = try await post("editor", ["title": "Members Only", "slug": "members-only", "status": "publish", "password": "oracle-secret",
            "date": "2024-01-20T12:00:00", "content": .string(para("This content is password protected.")),
            "excerpt": "Protected excerpt.", "categories": [.int(news.id)]])
        _ = try await post("author", ["title": "Draft Ideas", "slug": "draft-ideas", "status": "draft", "date": "2024-01-22T16:45:00",
            "content": .string(para("Unfinished thoughts.")), "categories": [1]])
        _ = try await post("contributor", ["title": "Pending Review", "slug": "pending-review", "status": "pending", "date": "2024-01-25T11:00:00",
            "content": .string(para("A contributor post waiting for review.")), "categories": [.int(tut.id)], "tags": [.int(wp.id)]])
        _ = try await post("admin", ["title": "Private Memo", "slug": "private-memo", "status": "private", "date": "2024-02-01T09:00:00",
            "content": .string(para("Only logged-in users with the right capability can read this.")), "categories": [.int(news.id)]])
        _ = try await post("editor", ["title": "Scheduled Announcement", "slug": "scheduled-announcement", "status": "future",
            "date": "2035-01-01T09:00:00", "content": .string(para("Coming in 2035.")), "categories": [.int(releases.id)], "tags": [.int(swift.id)]])
        _ = try await post("editor", ["title": "Release 1.1", "slug": "release-1-1", "status": "publish", "date": "2024-02-10T10:00:00",
            "content": .string(para("Version 1.1 is faster.")), "excerpt": "Faster and smaller.",
            "categories": [.int(releases.id)], "tags": [.int(swift.id), .int(perf.id)]])
        _ = try await post("author", ["title": "Ünïcödé & “Quotes” — Special Characters", "slug": "unicode-special-characters",
            "status": "publish", "date": "2024-02-15T18:30:00",
            "content": .string(para("Emoji 🚀, accents àéîõü, CJK 漢字, ampersand &amp; less-than &lt; and <strong>bold</strong> &amp; <em>italic</em>.")),
            "categories": [1], "tags": [.int(wp.id)]])
        _ = try await post("admin", ["title": "Comments Closed", "slug": "comments-closed", "status": "publish", "date": "2024-02-20T07:00:00",
            "content": .string(para("No comments allowed here.")), "comment_status": "closed", "ping_status": "closed",
            "categories": [1], "tags": [.int(wp.id)]])
        let about = try await post("admin", ["title": "About", "slug": "about", "status": "publish", "date": "2024-01-03T10:00:00",
            "content": .string(para("About this oracle site.")), "menu_order": 1], route: "pages")
        _ = try await post("editor", ["title": "Team", "slug": "team", "status": "publish", "date": "2024-01-04T10:00:00",
            "content": .string(para("The people behind the site.")), "parent": .int(about)], route: "pages")
        _ = try await post("admin", ["title": "Contact", "slug": "contact", "status": "publish", "date": "2024-01-06T10:00:00",
            "content": .string(para("Write to admin@example.com.")), "menu_order": 5, "comment_status": "closed"], route: "pages")
        try await store.setOptions([("uploads_use_yearmonth_folders", 0)])
        let png = try Array(Data(contentsOf: Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
            .appendingPathComponent("media/oracle-test.png")))
        var fields = HTTPFields()
        fields[.authorization] = s.authorization("admin")
        fields[.contentType] = "image/png"
        fields[HTTPField.Name("Content-Disposition")!] = "attachment; filename=\"oracle-test.png\""
        let upload = try await client.execute(uri: "/wp-json/wp/v2/media", method: .post, headers: fields, body: ByteBuffer(bytes: png))
        guard let mediaID = (try? JSONParser.parse(String(buffer: upload.body)))?["id"]?.intValue else {
            throw RESTError("seed_failed", "media upload: \(upload.status)")
        }
        let media = (id: mediaID, ())
        _ = try await client.call("POST", "/wp-json/wp/v2/media/\(mediaID)", as: "admin", site: s, json: [
            "title": "Oracle Test Image", "alt_text": "A colour gradient", "caption": "Generated by seed.sh",
            "description": "A 320x240 PNG test image.", "post": .int(rel10), "date": "2024-01-05T09:00:00"])
        _ = try await client.call("POST", "/wp-json/wp/v2/posts/\(rel10)", as: "editor", site: s, json: ["featured_media": .int(media.id)])
        func comment(_ user: String, _ body: JSON) async throws -> Int {
            let r = try await client.call("POST", "/wp-json/wp/v2/comments", as: user, site: s, json: body,
                                          headers: [("User-Agent", "curl/7.88.1")])
            guard r.status == 201, let id = r.json["id"]?.intValue else {
                throw RESTError("seed_failed", "comment as \(user): \(r.status) \(JSONEncoding.encodeString(r.json))")
            }
            return id
        }
        _ = try await comment("editor", ["post": .int(welcome), "content": "Great start!", "date": "2024-01-02T12:00:00"])
        let c2 = try await comment("admin", ["post": .int(welcome), "content": "Looking forward to more posts.", "date": "2024-01-03T08:30:00",
                                             "author_name": "Jane Visitor", "author_email": "jane@example.com",
                                             "author_url": "https://example.com/jane", "status": "approved"])
        _ = try await comment("admin", ["post": .int(welcome), "parent": .int(c2), "content": "Thanks Jane, more soon.", "date": "2024-01-03T09:00:00"])
        _ = try await comment("admin", ["post": .int(perfPost), "content": "Which benchmark tool did you use?", "date": "2024-01-16T10:00:00",
                                        "author_name": "Bob Reader", "author_email": "bob@example.com", "status": "approved"])
        let c5 = try await comment("subscriber", ["post": .int(perfPost), "content": "Is this still accurate?"])
        _ = try await client.call("POST", "/wp-json/wp/v2/comments/\(c5)", as: "admin", site: s, json: ["status": "hold", "date": "2024-01-17T10:00:00"])
        for (route, id) in [("posts", 1), ("pages", 2), ("pages", 3), ("comments", 1)] {
            _ = try await client.call("POST", "/wp-json/wp/v2/\(route)/\(id)", as: "admin", site: s, json: ["date": "2024-01-01T08:00:00"],
                                      headers: [("User-Agent", "curl/7.88.1")])
        }
        // Reading the active theme makes its global styles post, as `seed.sh` does last.
        _ = try await client.call("GET", "/wp-json/wp/v2/themes?status=active", as: "admin", site: s)
        return s
    }
}
