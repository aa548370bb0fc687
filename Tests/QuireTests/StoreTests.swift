import Foundation
import QuireREST
import QuireStore
import SQLKit
import Testing

/// The store on a real SQLite file.
@Suite struct StoreTests {
    @Test func installCreatesTheDefaultSite() async throws {
        let site = try await TestSite.make()
        defer { Task { await site.close() } }
        let store = site.store
        #expect(try await store.user(id: 1)?.login == "admin")
        #expect(try await store.term(id: 1)?.name == "Uncategorized")
        let hello = try #require(try await store.post(id: 1))
        #expect(hello.title == "Hello world!")
        #expect(hello.commentCount == 1)
        #expect(try await store.post(id: 2)?.title == "Sample Page")
        #expect(try await store.post(id: 3)?.status == .draft)
        #expect(try await store.term(id: 1)?.count == 1)
        #expect(try await store.option("default_category") == .int(1))
        await site.close()
    }

    @Test func aWriteThatFailsHalfwayLeavesNothing() async throws {
        let site = try await TestSite.make()
        let store = site.store
        let before = try await store.posts(allPosts()).total
        // The post row is written first; the term relationship to a missing term then fails.
        await #expect(throws: (any Error).self) {
            _ = try await store.insertPost(Post(author: 1, date: "2024-01-01 00:00:00", dateGMT: "2024-01-01 00:00:00",
                                                title: "Half", status: .publish, slug: "half",
                                                modified: "2024-01-01 00:00:00", modifiedGMT: "2024-01-01 00:00:00"),
                                           terms: ["category": [1, 999_999]], meta: [("k", "v")])
        }
        #expect(try await store.posts(allPosts()).total == before)
        #expect(try await store.term(id: 1)?.count == 1)
        let leftovers = try await store.provider.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM postmeta WHERE meta_key = 'k'").first()?.decode(column: "n", as: Int.self)
        }
        #expect(leftovers == 0)
        await site.close()
    }

    @Test func optionsKeepTheirTypes() async throws {
        let site = try await TestSite.make()
        try await site.store.setOptions([("blogname", "Renamed"), ("posts_per_page", 7), ("flags", ["a": true])])
        #expect(try await site.store.option("blogname") == "Renamed")
        #expect(try await site.store.option("posts_per_page") == .int(7))
        #expect(try await site.store.option("flags") == ["a": true])
        await site.close()
    }

    /// Options are kept between reads, but a write from this process or any other is seen at once.
    @Test func keptOptionsNeverGoStale() async throws {
        let site = try await TestSite.make()
        #expect(try await site.store.option("blogname") == "Quire")
        #expect(try await site.store.option("no_such_option") == nil)
        try await site.store.setOptions([("blogname", "Renamed here")])
        #expect(try await site.store.option("blogname") == "Renamed here")
        let other = try await SQLContentStore.openSQLite(path: site.directory.appendingPathComponent("site.sqlite").path)
        try await other.setOptions([("blogname", "Renamed elsewhere"), ("no_such_option", "now there")])
        await other.shutdown()
        #expect(try await site.store.option("blogname") == "Renamed elsewhere")
        #expect(try await site.store.option("no_such_option") == "now there")
        await site.close()
    }

    /// Reads inside a snapshot see the store as it was when the snapshot began, even after
    /// another connection commits; a total read there is not kept past that commit.
    @Test func aSnapshotSeesOneMomentAndKeepsNothingStale() async throws {
        let site = try await TestSite.make(roleUsers: false)
        let store = site.store
        var search = PostQuery()
        search.search = "snapshot"
        search.limit = 1
        let q = search
        @Sendable func add(_ slug: String) async throws {
            _ = try await store.insertPost(Post(author: 1, date: "2024-01-01 00:00:00", dateGMT: "2024-01-01 00:00:00",
                                                title: "A snapshot post", status: .publish, slug: slug), terms: [:], meta: [])
        }
        try await add("first")
        try await add("second")
        let other = try await SQLContentStore.openSQLite(path: site.directory.appendingPathComponent("site.sqlite").path)
        let seen = try await store.snapshot {
            let before = try await store.posts(q).total
            try await add("third")
            let elsewhere = try await other.posts(q).total
            return (before, try await store.posts(q).total, elsewhere)
        }
        #expect(seen.0 == 2 && seen.1 == 2, "the snapshot sees neither write")
        #expect(seen.2 == 3, "another connection sees the committed write")
        #expect(try await store.posts(q).total == 3, "nothing read in the snapshot outlives it")
        await other.shutdown()
        await site.close()
    }

    /// A post read twice in one snapshot is read once: the second read answers what the
    /// snapshot saw, a write's own reads see the write, and nothing outlives the snapshot.
    @Test func postsReadInASnapshotAreKeptOnlyForIt() async throws {
        let site = try await TestSite.make(roleUsers: false)
        let store = site.store
        let post = try await store.insertPost(Post(author: 1, date: "2024-01-01 00:00:00", dateGMT: "2024-01-01 00:00:00",
                                                   title: "Before", status: .publish, slug: "kept"), terms: [:], meta: [])
        let seen = try await store.snapshot {
            let first = try await store.post(id: post.id)?.title
            let missing = try await store.post(id: post.id + 1000)
            var edit = post
            edit.title = "After"
            let changed = edit
            let inWrite = try await store.provider.write { _ in
                _ = try await store.updatePost(changed, terms: [:], meta: [])
                return try await store.post(id: post.id)?.title
            }
            let listed = try await store.posts(PostQuery()).posts.first { $0.id == post.id }?.title
            return (first, missing == nil, inWrite, try await store.post(id: post.id)?.title, listed)
        }
        #expect(seen.0 == "Before" && seen.1)
        #expect(seen.2 == "After", "a write reads what it wrote")
        #expect(seen.3 == "Before" && seen.4 == "Before", "the snapshot goes on seeing its moment")
        #expect(try await store.post(id: post.id)?.title == "After", "nothing read in the snapshot outlives it")
        await site.close()
    }

    @Test func deletingAUserReassignsTheirPosts() async throws {
        let site = try await TestSite.make()
        let store = site.store
        let author = site.credentials["author"]!.id
        let p = try await store.insertPost(Post(author: author, date: "2024-01-01 00:00:00", dateGMT: "2024-01-01 00:00:00",
                                                title: "Mine", status: .publish, slug: "mine"), terms: [:], meta: [])
        try await store.deleteUser(id: author, reassignTo: 1)
        #expect(try await store.user(id: author) == nil)
        #expect(try await store.post(id: p.id)?.author == 1)
        #expect(try await store.applicationPasswords(userID: author).isEmpty)
        await site.close()
    }

    /// Totals of unfiltered lists come from counts kept by triggers; they agree with a count
    /// of the table through inserts, status and type changes, deletes, and a failed write.
    @Test func keptCountsAgreeWithTheTable() async throws {
        let site = try await TestSite.make()
        let store = site.store
        func check() async throws {
            for types in [["post"], ["page"], ["post", "page"]] {
                for statuses: [PostStatus] in [[.publish], [.draft], [.publish, .private, .trash]] {
                    var q = PostQuery()
                    q.types = types
                    q.statuses = statuses
                    q.limit = 1
                    q.offset = 1
                    let kept = try await store.posts(q).total
                    q.exclude = [999_999_999]   // any other filter makes the store count the table
                    let counted = try await store.posts(q).total
                    #expect(kept == counted, "\(types) \(statuses)")
                }
            }
        }
        var made: [Post] = []
        for (i, status) in [PostStatus.publish, .publish, .draft, .private, .publish].enumerated() {
            made.append(try await store.insertPost(Post(author: 1, date: "2024-01-0\(i + 1) 00:00:00", dateGMT: "2024-01-0\(i + 1) 00:00:00",
                                                        title: "P\(i)", status: status, slug: "p\(i)"), terms: [:], meta: []))
        }
        try await check()
        var moved = made[0]
        moved.status = .trash
        _ = try await store.updatePost(moved, terms: [:], meta: [])
        var retyped = made[1]
        retyped.type = "page"
        _ = try await store.updatePost(retyped, terms: [:], meta: [])
        try await store.deletePost(id: made[4].id)
        _ = try? await store.insertPost(Post(author: 1, title: "Half", status: .publish, slug: "half"), terms: ["category": [999_999]], meta: [])
        try await check()
        let table = try await store.provider.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM posts WHERE type = 'post' AND status = 'publish'").first()?.decode(column: "n", as: Int.self)
        }
        var q = PostQuery()
        q.limit = 1
        q.offset = 1
        #expect(try await store.posts(q).total == table)
        await site.close()
    }

    /// Bulk loading writes every post with its terms and counts them, or writes nothing.
    @Test func bulkInsertIsAllOrNothing() async throws {
        let site = try await TestSite.make()
        let store = site.store
        let before = try await store.posts(allPosts()).total
        func post(_ n: Int) -> Post {
            Post(author: 1, date: "2024-02-0\(n) 00:00:00", dateGMT: "2024-02-0\(n) 00:00:00", title: "Bulk \(n)", status: .publish, slug: "bulk-\(n)")
        }
        let made = try await store.insertPosts([(post(1), ["category": [1]]), (post(2), ["category": [1]])])
        #expect(made.map(\.title) == ["Bulk 1", "Bulk 2"])
        #expect(Set(made.map(\.id)).count == 2)
        #expect(try await store.term(id: 1)?.count == 3)
        #expect(try await store.termIDs(postIDs: [made[1].id], taxonomies: ["category"])[made[1].id]?["category"] == [1])
        await #expect(throws: (any Error).self) {
            _ = try await store.insertPosts([(post(3), ["category": [1]]), (post(4), ["category": [999_999]])])
        }
        #expect(try await store.posts(allPosts()).total == before + 2)
        #expect(try await store.term(id: 1)?.count == 3)
        await site.close()
    }

    /// A taken slug gets the first free "-N" suffix; other types, the post itself, and slugs
    /// that only start alike do not count.
    @Test func uniqueSlugsFindTheFirstFreeSuffix() async throws {
        let site = try await TestSite.make()
        let store = site.store
        var ids: [String: Int] = [:]
        for (slug, type) in [("dup", "post"), ("dup-2", "post"), ("dup-4", "post"), ("dup-3", "page"), ("dupe", "post"), ("dup-2x", "post")] {
            ids[slug + type] = try await store.insertPost(Post(author: 1, title: slug, status: .publish, slug: slug, type: type),
                                                          terms: [:], meta: []).id
        }
        #expect(try await store.uniqueSlug("dup", type: "post", excluding: 0, parent: nil) == "dup-3")
        #expect(try await store.uniqueSlug("dup", type: "page", excluding: 0, parent: nil) == "dup")
        #expect(try await store.uniqueSlug("dup", type: "post", excluding: ids["duppost"]!, parent: nil) == "dup")
        #expect(try await store.uniqueSlug("dupe", type: "post", excluding: 0, parent: nil) == "dupe-2")
        #expect(try await store.uniqueSlug("fresh", type: "post", excluding: 0, parent: nil) == "fresh")
        await site.close()
    }

    /// The trigram index holds posts but not their revisions, and stays in step with the posts
    /// through edits and deletes (SQLite's own check of the index passes).
    @Test func searchIndexLeavesOutRevisions() async throws {
        let site = try await TestSite.make()
        let store = site.store
        func post(_ type: String, _ content: String, parent: Int = 0) -> Post {
            var p = Post(author: 1, date: "2024-01-01 00:00:00", dateGMT: "2024-01-01 00:00:00", content: content, title: "Indexed",
                         status: type == "revision" ? .inherit : .publish, slug: "indexed", modified: "2024-01-01 00:00:00",
                         modifiedGMT: "2024-01-01 00:00:00")
            p.type = type
            p.parent = parent
            return p
        }
        func indexed(_ word: String) async throws -> [Int] {
            try await store.provider.read { db in
                try await db.raw("SELECT rowid AS id FROM posts_search WHERE posts_search MATCH \(bind: "\"\(word)\"")").all()
                    .map { try $0.decode(column: "id", as: Int.self) }
            }
        }
        func found(_ word: String) async throws -> [Int] {
            var q = allPosts()
            q.search = word
            return try await store.posts(q).posts.map(\.id)
        }
        let original = try await store.insertPost(post("post", "a zebracorn grazes"), terms: [:], meta: [])
        var revision = try await store.insertPost(post("revision", "a zebracorn grazes", parent: original.id), terms: [:], meta: [])
        #expect(try await indexed("zebracorn") == [original.id])
        var edited = original
        edited.content = "an unicornzebra sleeps"
        _ = try await store.updatePost(edited, terms: [:], meta: [])
        revision.content = "a zebracorn sleeps"
        _ = try await store.updatePost(revision, terms: [:], meta: [])
        #expect(try await indexed("zebracorn").isEmpty)
        #expect(try await found("zebracorn").isEmpty)
        #expect(try await found("unicornzebra") == [original.id])
        try await store.deletePost(id: revision.id)
        try await store.deletePost(id: original.id)
        #expect(try await indexed("unicornzebra").isEmpty)
        try await store.provider.write { db in
            _ = try await db.raw("INSERT INTO posts_search (posts_search) VALUES ('integrity-check')").all()
        }
        await site.close()
    }

    func allPosts() -> PostQuery {
        var q = PostQuery()
        q.types = ["post", "page"]
        q.statuses = [.publish, .draft, .private, .pending, .future, .trash]
        q.limit = 1000
        return q
    }
}

/// Term counts, kept by the database as posts and relationships change, always equal a count
/// of each term's published posts.
@Suite struct TermCountTests {
    @Test func keptTermCountsAgreeWithACount() async throws {
        let site = try await TestSite.make(roleUsers: false)
        let store = site.store
        func check(_ step: String) async throws {
            let wrong = try await store.provider.read { db in
                try await db.raw("""
                    SELECT COUNT(*) AS n FROM terms WHERE count <> (SELECT COUNT(*) FROM term_relationships tr
                        JOIN posts p ON p.id = tr.object_id WHERE tr.term_id = terms.id AND p.status = 'publish')
                    """).first()?.decode(column: "n", as: Int.self)
            }
            #expect(wrong == 0, "after \(step)")
        }
        let tag = try await store.insertTerm(Term(taxonomy: "post_tag", name: "Counted", slug: "counted"))
        var a = try await store.insertPost(Post(author: 1, title: "A", status: .publish, slug: "a"), terms: ["category": [1], "post_tag": [tag.id]], meta: [])
        var b = try await store.insertPost(Post(author: 1, title: "B", status: .draft, slug: "b"), terms: ["category": [1]], meta: [])
        try await check("inserts")
        #expect(try await store.term(id: tag.id)?.count == 1)
        b.status = .publish
        b = try await store.updatePost(b, terms: [:], meta: [])
        try await check("publishing")
        a.status = .trash
        a = try await store.updatePost(a, terms: ["post_tag": []], meta: [])
        try await check("trashing and untagging")
        #expect(try await store.term(id: tag.id)?.count == 0)
        b = try await store.updatePost(b, terms: ["post_tag": [tag.id], "category": [1]], meta: [])
        try await check("retagging")
        try await store.deletePost(id: b.id)
        try await check("deleting a published post")
        try await store.deletePost(id: a.id)
        try await check("deleting a trashed post")
        let future = try await store.insertPost(Post(author: 1, date: "2001-01-01 00:00:00", dateGMT: "2001-01-01 00:00:00",
                                                     title: "Due", status: .future, slug: "due"), terms: ["post_tag": [tag.id]], meta: [])
        #expect(try await store.publishDuePosts(now: "2002-01-01 00:00:00") == 1)
        try await check("publishing a scheduled post")
        #expect(try await store.term(id: tag.id)?.count == 1)
        try await store.deleteTerm(id: tag.id, fallbackCategory: nil)
        try await check("deleting a term")
        #expect(try await store.post(id: future.id)?.status == .publish)
        await site.close()
    }
}

/// Slugs as WordPress makes them, and the numbers a taken slug's variants use.
@Suite struct SlugTests {
    @Test func slugsAlreadyCleanComeBackAsTheyAre() {
        for clean in ["publish", "hello-world", "a_b-9", "x"] { #expect(Slug.sanitizeTitle(clean) == clean) }
        #expect(Slug.sanitizeTitle("-lead") == "lead")
        #expect(Slug.sanitizeTitle("trail-") == "trail")
        #expect(Slug.sanitizeTitle("two--dashes") == "two-dashes")
        #expect(Slug.sanitizeTitle("Héllo, World!") == "hello-world")
        #expect(Slug.sanitizeTitle("") == "")
    }

    /// Slugs come from the index in text order, so "-1000" is seen before "-101": the first
    /// free number is found whatever the order, and "-02" or "-2x" hold no number.
    @Test func theFirstFreeNumberIsFoundInAnyOrder() async throws {
        let site = try await TestSite.make(roleUsers: false)
        let store = site.store
        // Few enough that the bulk insert (one synchronous transaction) leaves the test run's
        // other servers their threads; "-100" … "-150" still come before "-11" in text order.
        let taken = ["many"] + (2...150).map { "many-\($0)" } + ["many-02", "many-151x", "many-152", "many-"]
        _ = try await store.insertPosts(taken.map { (Post(author: 1, title: $0, status: .publish, slug: $0), [:]) })
        #expect(try await store.uniqueSlug("many", type: "post", excluding: 0, parent: nil) == "many-151")
        // A gap left by a deleted post is used first.
        let nine = try #require(try await store.posts(allSlugs(["many-9"])).posts.first)
        try await store.deletePost(id: nine.id)
        #expect(try await store.uniqueSlug("many", type: "post", excluding: 0, parent: nil) == "many-9")
        await site.close()
    }

    func allSlugs(_ slugs: [String]) -> PostQuery {
        var q = PostQuery()
        q.slugs = slugs
        q.statuses = [.publish]
        return q
    }
}
