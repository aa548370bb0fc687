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
            var diffs = await replayer.differences(ex)
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

    // MARK: round trip

    /// What a client reads of a site, with every id replaced by the name of what it points at
    /// (posts by slug, terms by taxonomy and slug, users by login, comments by their text), and
    /// without what only an id or the moment of reading decides.
    static func snapshot(_ site: TestSite, client: any TestClientProtocol) async throws -> [String: JSON] {
        func get(_ path: String) async throws -> [JSON] {
            try await client.call("GET", "/wp-json/wp/v2/\(path)", as: "admin", site: site).json.arrayValue ?? []
        }
        let posts = try await get("posts?status=any&context=edit&per_page=100")
        let pages = try await get("pages?status=any&context=edit&per_page=100")
        let media = try await get("media?context=edit&per_page=100")
        let categories = try await get("categories?context=edit&per_page=100")
        let tags = try await get("tags?context=edit&per_page=100")
        let comments = try await get("comments?status=all&context=edit&per_page=100")
        let users = try await get("users?context=edit&per_page=100")
        var names: [String: [Int: String]] = ["post": [:], "category": [:], "tag": [:], "user": [:], "comment": [:]]
        for o in posts + pages + media {
            let slug = o["slug"]?.stringValue ?? ""
            names["post"]![o["id"]?.intValue ?? 0] = slug.isEmpty ? (o["generated_slug"]?.stringValue ?? "") : slug
        }
        for o in categories { names["category"]![o["id"]?.intValue ?? 0] = o["slug"]?.stringValue }
        for o in tags { names["tag"]![o["id"]?.intValue ?? 0] = o["slug"]?.stringValue }
        for o in users { names["user"]![o["id"]?.intValue ?? 0] = o["username"]?.stringValue }
        for o in comments { names["comment"]![o["id"]?.intValue ?? 0] = o["content"]?["raw"]?.stringValue }
        let references: [String: String] = ["author": "user", "parent": "post", "featured_media": "post", "post": "post",
                                            "categories": "category", "tags": "tag"]
        func named(_ o: JSON, parentKind: String = "post") -> JSON {
            guard var object = o.objectValue else { return o }
            for key in ["id", "_links"] { object[key] = nil }
            // An export carries no comment_agent.
            if parentKind == "comment" { object["author_user_agent"] = nil }
            // An export carries a user's names and email, not their profile, role or password.
            if parentKind == "user" {
                for key in ["registered_date", "capabilities", "extra_capabilities", "description", "url", "roles", "nickname",
                            "locale", "first_name", "last_name"] { object[key] = nil }
            }
            for (key, kind) in references {
                let k = key == "parent" ? parentKind : kind
                switch object[key] {
                case .int(let id)?: object[key] = id == 0 ? .int(0) : .string(names[k]?[id] ?? "missing \(id)")
                case .array(let ids)?: object[key] = .array(ids.map { .string(names[k]?[$0.intValue ?? 0] ?? "missing") })
                default: break
                }
            }
            return .object(object)
        }
        func keyed(_ list: [JSON], by key: (JSON) -> String, parentKind: String = "post") -> JSON {
            var out = JSONObject()
            for o in list { out[key(o)] = named(o, parentKind: parentKind) }
            return .object(out)
        }
        let slug: (JSON) -> String = { o in
            let s = o["slug"]?.stringValue ?? ""
            return s.isEmpty ? (o["generated_slug"]?.stringValue ?? "") : s
        }
        return [
            "posts": keyed(posts, by: slug), "pages": keyed(pages, by: slug), "media": keyed(media, by: slug),
            "categories": keyed(categories, by: slug, parentKind: "category"), "tags": keyed(tags, by: slug, parentKind: "tag"),
            "comments": keyed(comments, by: { $0["content"]?["raw"]?.stringValue ?? "" }, parentKind: "comment"),
            "users": keyed(users, by: { $0["username"]?.stringValue ?? "" }, parentKind: "user"),
        ]
    }

    @Test func anExportImportedIntoAnEmptySiteAnswersTheSame() async throws {
        try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123") { base, client in
            let original = try await ReferenceSite.seed(base, client: client)
            let file = original.directory.appendingPathComponent("site.xml")
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            let out = try FileHandle(forWritingTo: file)
            try await WXRExport(store: original.store, types: original.site.types, siteURL: TestSite.url, siteName: "Oracle",
                                siteDescription: "").write { out.write(Data($0.utf8)) }
            try out.close()
            let before = try await Self.snapshot(original, client: client)

            let copy = try await TestSite.make(roleUsers: false, adminAppName: "oracle", sampleContent: false)
            do {
                try await copy.store.setOptions([("uploads_use_yearmonth_folders", 0)])
                let summary = try await Self.importer(copy, uploads: original.uploads).run(file: file)
                #expect(summary.skipped.isEmpty, "\(summary.skipped)")
                #expect(summary.usersCreated == 4 && summary.usersMatched == 1)
                let after = try await copy.application.test(.router) { client in try await Self.snapshot(copy, client: client) }
                for (collection, want) in before {
                    let got = after[collection] ?? .null
                    #expect(want.objectValue?.keys.sorted() == got.objectValue?.keys.sorted(), "\(collection): not the same objects")
                    for (name, object) in want.objectValue ?? [:] {
                        let diffs = CompatDiff.body(object, got[name] ?? .null, path: "\(collection).\(name)")
                        #expect(diffs.isEmpty, "\(diffs.prefix(5))")
                    }
                }
                // The file and its sizes were copied under the same names.
                let names = try FileManager.default.contentsOfDirectory(atPath: copy.uploads.path).sorted()
                #expect(names == (try FileManager.default.contentsOfDirectory(atPath: original.uploads.path)).sorted())
                await copy.close()
            } catch {
                await copy.close()
                throw error
            }
        }
    }

    // MARK: failures and re-runs

    /// The counts of everything an import makes.
    static func counts(_ site: TestSite) async throws -> [String: Int] {
        try await site.store.provider.read { db in
            var out: [String: Int] = [:]
            for table in ["posts", "postmeta", "terms", "term_relationships", "comments", "commentmeta", "users", "termmeta"] {
                out[table] = try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self)
            }
            return out
        }
    }

    @Test(arguments: [
        ("truncated", 0.6, "line"),
        ("broken", 0.5, "not well-formed"),
    ])
    func aMalformedFileImportsNothing(kind: String, at fraction: Double, expected: String) async throws {
        let site = try await TestSite.make(roleUsers: false, sampleContent: false)
        do {
            var text = try String(contentsOf: Self.referenceExport, encoding: .utf8)
            let cut = text.index(text.startIndex, offsetBy: Int(Double(text.count) * fraction))
            if kind == "truncated" { text = String(text[..<cut]) } else { text.insert(contentsOf: "</wp:nothing>", at: cut) }
            let file = site.directory.appendingPathComponent("bad.xml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let uploads = try Self.oldUploads(in: site)
            let before = try await Self.counts(site)
            do {
                _ = try await Self.importer(site, uploads: uploads).run(file: file)
                Issue.record("a \(kind) file was imported")
            } catch let error as WXRReadError {
                #expect(error.line > 1, "\(error)")
                #expect(String(describing: error).contains(expected), "\(error)")
            }
            #expect(try await Self.counts(site) == before)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: site.uploads.path)) ?? []).isEmpty)
            await site.close()
        } catch {
            await site.close()
            throw error
        }
    }

    @Test func aFileThatIsNoExportIsRefused() async throws {
        let site = try await TestSite.make(roleUsers: false, sampleContent: false)
        defer { Task { await site.close() } }
        for (name, text, reason) in [
            ("feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A feed</title><item><title>x</title></item></channel></rss>",
             "missing or invalid WXR version"),
            ("page.html", "<html><body>hello</body></html>", "not <rss>"),
            ("empty.xml", "", "no RSS channel"),
        ] {
            let file = site.directory.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            await #expect(throws: WXRReadError.self) { _ = try await Self.importer(site).run(file: file) }
            do { _ = try await Self.importer(site).run(file: file) } catch { #expect(String(describing: error).contains(reason), "\(name): \(error)") }
        }
    }

    @Test func runningItAgainAddsNothing() async throws {
        let site = try await TestSite.make(roleUsers: false, sampleContent: false)
        do {
            let uploads = try Self.oldUploads(in: site)
            let first = try await Self.importer(site, uploads: uploads).run(file: Self.referenceExport)
            #expect(first.usersCreated == 3 && first.postsCreated.values.reduce(0, +) == 19)
            let counts = try await Self.counts(site)
            let second = try await Self.importer(site, uploads: uploads).run(file: Self.referenceExport)
            #expect(second.postsCreated.isEmpty && second.postsExisting == 19)
            #expect(second.usersCreated == 0 && second.termsCreated == 0 && second.commentsCreated == 0 && second.commentsExisting == 6)
            #expect(try await Self.counts(site) == counts)
            await site.close()
        } catch {
            await site.close()
            throw error
        }
    }

    // MARK: remapping

    static func wxr(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
            xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://old.example</wp:base_site_url>
        <wp:author><wp:author_id>7</wp:author_id><wp:author_login>writer</wp:author_login><wp:author_email>writer@old.example</wp:author_email>
            <wp:author_display_name>Wendy Writer</wp:author_display_name></wp:author>
        <wp:term><wp:term_id>30</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>main</wp:term_slug><wp:term_name>Main</wp:term_name></wp:term>
        <wp:category><wp:term_id>41</wp:term_id><wp:category_nicename>child</wp:category_nicename><wp:category_parent>parent</wp:category_parent><wp:cat_name>Child</wp:cat_name></wp:category>
        <wp:category><wp:term_id>40</wp:term_id><wp:category_nicename>parent</wp:category_nicename><wp:cat_name>Parent</wp:cat_name></wp:category>
        \(body)
        </channel></rss>
        """
    }

    static func item(_ id: Int, _ type: String, _ slug: String, parent: Int = 0, extra: String = "") -> String {
        """
        <item><title>\(slug)</title><dc:creator>writer</dc:creator><guid isPermaLink="false">http://old.example/?p=\(id)</guid>
        <content:encoded><![CDATA[<img src="http://old.example/wp-content/uploads/oracle-test.png">]]></content:encoded>
        <wp:post_id>\(id)</wp:post_id><wp:post_date>2024-03-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt>
        <wp:post_name>\(slug)</wp:post_name><wp:status>\(type == "attachment" ? "inherit" : "publish")</wp:status><wp:post_parent>\(parent)</wp:post_parent>
        <wp:post_type>\(type)</wp:post_type><wp:is_sticky>0</wp:is_sticky>\(extra)</item>
        """
    }

    static func meta(_ key: String, _ value: String) -> String {
        "<wp:postmeta><wp:meta_key>\(key)</wp:meta_key><wp:meta_value><![CDATA[\(value)]]></wp:meta_value></wp:postmeta>"
    }

    @Test func referencesToLaterItemsAreRemapped() async throws {
        let site = try await TestSite.make(roleUsers: false)
        do {
            // Ids 1 to 3 are taken by the installed site: those items get new ids.
            let file = site.directory.appendingPathComponent("menu.xml")
            try Self.wxr([
                Self.item(1, "page", "child-page", parent: 2),
                Self.item(2, "page", "parent-page"),
                Self.item(3, "post", "with-image", extra: Self.meta("_thumbnail_id", "900")
                          + "<category domain=\"category\" nicename=\"child\"><![CDATA[Child]]></category>"
                          + "<category domain=\"post_format\" nicename=\"post-format-aside\"><![CDATA[Aside]]></category>"
                          + "<wp:comment><wp:comment_id>61</wp:comment_id><wp:comment_author>Reply</wp:comment_author><wp:comment_date>2024-03-02 10:00:00</wp:comment_date><wp:comment_content>A reply</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>60</wp:comment_parent><wp:comment_user_id>7</wp:comment_user_id></wp:comment>"
                          + "<wp:comment><wp:comment_id>60</wp:comment_id><wp:comment_author>First</wp:comment_author><wp:comment_date>2024-03-02 09:00:00</wp:comment_date><wp:comment_content>A comment</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>"),
                Self.item(50, "nav_menu_item", "menu-1", extra: Self.meta("_menu_item_type", "post_type") + Self.meta("_menu_item_object", "page")
                          + Self.meta("_menu_item_object_id", "2") + Self.meta("_menu_item_menu_item_parent", "0")
                          + "<category domain=\"nav_menu\" nicename=\"main\"><![CDATA[Main]]></category>"),
                Self.item(51, "nav_menu_item", "menu-2", extra: Self.meta("_menu_item_type", "taxonomy") + Self.meta("_menu_item_object", "category")
                          + Self.meta("_menu_item_object_id", "41") + Self.meta("_menu_item_menu_item_parent", "50")),
                Self.item(900, "attachment", "oracle-test", extra: "<wp:attachment_url>http://old.example/wp-content/uploads/oracle-test.png</wp:attachment_url>"
                          + Self.meta("_wp_attached_file", "oracle-test.png")),
            ].joined(separator: "\n")).write(to: file, atomically: true, encoding: .utf8)
            let summary = try await Self.importer(site, uploads: try Self.oldUploads(in: site)).run(file: file)
            #expect(summary.skipped.isEmpty, "\(summary.skipped)")
            let store = site.store
            func id(_ slug: String, _ type: String) async throws -> Int {
                try #require(try await store.postID(slug: slug, type: type, date: "2024-03-01 10:00:00"))
            }
            let child = try await id("child-page", "page"), parent = try await id("parent-page", "page")
            let post = try await id("with-image", "post"), image = try await id("oracle-test", "attachment")
            let menu1 = try await id("menu-1", "nav_menu_item"), menu2 = try await id("menu-2", "nav_menu_item")
            #expect(![child, parent, post].contains { $0 <= 3 })
            #expect(image == 900 && menu1 == 50)
            #expect(try await store.post(id: child)?.parent == parent)
            let p = try #require(try await store.post(id: post))
            #expect(p.format == "aside")
            #expect(p.content.contains("\(TestSite.url)/wp-content/uploads/oracle-test.png"))
            #expect(try await store.user(id: p.author)?.login == "writer")
            let meta = try await store.postMeta(postIDs: [post, menu1, menu2])
            #expect(meta[post]?["_thumbnail_id"] == .int(image))
            #expect(meta[menu1]?["_menu_item_object_id"] == .string(String(parent)))
            let childTerm = try #require(try await store.termID(slug: "child", taxonomy: "category"))
            let parentTerm = try #require(try await store.termID(slug: "parent", taxonomy: "category"))
            #expect(try await store.term(id: childTerm)?.parent == parentTerm)
            #expect(meta[menu2]?["_menu_item_object_id"] == .string(String(childTerm)))
            #expect(meta[menu2]?["_menu_item_menu_item_parent"] == .string(String(menu1)))
            #expect(try await store.term(id: childTerm)?.count == 1)
            let menuTerm = try #require(try await store.termID(slug: "main", taxonomy: "nav_menu"))
            #expect(try await store.termIDs(postIDs: [menu1], taxonomies: ["nav_menu"])[menu1]?["nav_menu"] == [menuTerm])
            var q = CommentQuery()
            q.posts = [post]
            let comments = try await store.comments(q).comments
            let first = try #require(comments.first { $0.author == "First" }), reply = try #require(comments.first { $0.author == "Reply" })
            #expect(reply.parent == first.id && reply.userID == p.author)
            #expect(try await store.post(id: post)?.commentCount == 2)
            await site.close()
        } catch {
            await site.close()
            throw error
        }
    }

    @Test func serialisedMetaIsReadAsItsValue() {
        #expect(PHPSerialization.unserialize(#"a:2:{s:5:"width";i:320;s:5:"sizes";a:0:{}}"#) == ["width": 320, "sizes": .array([])])
        #expect(PHPSerialization.unserialize(#"a:2:{i:0;s:3:"a;b";i:1;b:1;}"#) == ["a;b", true])
        #expect(PHPSerialization.unserialize(#"s:4:"été";"#) == nil)  // "été" is 5 bytes
        #expect(PHPSerialization.unserialize(#"s:5:"été";"#) == "été")
        #expect(PHPSerialization.unserialize("a:99999999:{") == nil)
        #expect(PHPSerialization.unserialize(String(repeating: "a:1:{i:0;", count: 100) + "N;" + String(repeating: "}", count: 100)) == nil)
        #expect(PHPSerialization.unserialize("plain text") == nil)
        #expect(PHPSerialization.unserialize("1") == nil)
    }
}
