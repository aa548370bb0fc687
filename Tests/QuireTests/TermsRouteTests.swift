import QuireREST
import Testing

/// Categories, tags and taxonomies: reads, writes, permissions and counts.
@Suite struct TermsRouteTests {
    @Test func taxonomiesAreShapedLikeWordPress() async throws {
        let sample = try Samples.load("taxonomies")
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/taxonomies", site: site)
            #expect(r.json["category"] == sample["body"]?["category"])
            #expect(r.json["post_tag"] == sample["body"]?["post_tag"])
            #expect(try await client.call("GET", "/wp-json/wp/v2/taxonomies?type=page", site: site).json == .object(JSONObject()), "an empty object, as WordPress casts it")
            #expect(try await client.call("GET", "/wp-json/wp/v2/taxonomies/nope", site: site).json["code"] == "rest_taxonomy_invalid")
        }
    }

    @Test func writesNeedManageCategoriesAndKeepCountsRight() async throws {
        try await TestSite.with { site, client in
            let denied = try await client.call("POST", "/wp-json/wp/v2/categories", as: "author", site: site, json: ["name": "Nope"])
            #expect(denied.status == 403)
            #expect(denied.json["code"] == "rest_cannot_create")
            let missing = try await client.call("POST", "/wp-json/wp/v2/tags", as: "editor", site: site, json: [:])
            #expect(missing.json["code"] == "rest_missing_callback_param")

            let news = try await client.call("POST", "/wp-json/wp/v2/categories", as: "editor", site: site,
                                             json: ["name": "News", "description": "Announcements."])
            #expect(news.status == 201)
            #expect(news.json["slug"] == "news")
            let newsID = try #require(news.json["id"]?.intValue)
            let dup = try await client.call("POST", "/wp-json/wp/v2/categories", as: "editor", site: site, json: ["name": "News"])
            #expect(dup.status == 400)
            #expect(dup.json["code"] == "term_exists")
            #expect(dup.json["data"]?["term_id"] == .int(newsID))
            let child = try await client.call("POST", "/wp-json/wp/v2/categories", as: "editor", site: site,
                                              json: ["name": "Releases", "parent": .int(newsID)])
            let childID = try #require(child.json["id"]?.intValue)
            #expect(child.json["link"] == "http://127.0.0.1:8080/category/news/releases/")
            #expect(child.json["_links"]?["up"]?[0]?["href"] == .string("http://127.0.0.1:8080/wp-json/wp/v2/categories/\(newsID)"))
            let badParent = try await client.call("POST", "/wp-json/wp/v2/categories", as: "editor", site: site,
                                                  json: ["name": "Orphan", "parent": 9999])
            #expect(badParent.json["code"] == "rest_term_invalid")

            // Counts follow publishing, trashing and deleting.
            let post = try await client.call("POST", "/wp-json/wp/v2/posts", as: "editor", site: site,
                                             json: ["title": "Counted", "status": "publish", "categories": [.int(childID)]])
            let postID = try #require(post.json["id"]?.intValue)
            #expect(try await client.call("GET", "/wp-json/wp/v2/categories/\(childID)", site: site).json["count"] == 1)
            _ = try await client.call("DELETE", "/wp-json/wp/v2/posts/\(postID)", as: "editor", site: site)
            #expect(try await client.call("GET", "/wp-json/wp/v2/categories/\(childID)", site: site).json["count"] == 0)
            _ = try await client.call("POST", "/wp-json/wp/v2/posts/\(postID)", as: "editor", site: site, json: ["status": "publish"])
            #expect(try await client.call("GET", "/wp-json/wp/v2/categories/\(childID)", site: site).json["count"] == 1)
            #expect(try await client.call("GET", "/wp-json/wp/v2/categories?post=\(postID)", site: site).json[0]?["id"] == .int(childID))

            // Terms cannot be trashed; deleting one moves its posts to the default category.
            let trash = try await client.call("DELETE", "/wp-json/wp/v2/categories/\(childID)", as: "editor", site: site)
            #expect(trash.status == 501)
            #expect(trash.json["code"] == "rest_trash_not_supported")
            let gone = try await client.call("DELETE", "/wp-json/wp/v2/categories/\(childID)?force=true", as: "editor", site: site)
            #expect(gone.json["deleted"] == true)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts/\(postID)", site: site).json["categories"] == [1])
            let defaultCategory = try await client.call("DELETE", "/wp-json/wp/v2/categories/1?force=true", as: "admin", site: site)
            #expect(defaultCategory.status == 403)
            #expect(defaultCategory.json["code"] == "rest_cannot_delete")
        }
    }

    @Test func listFilters() async throws {
        try await TestSite.with(roleUsers: false) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            func ids(_ q: String) async throws -> [Int] {
                try await client.call("GET", "/wp-json/wp/v2/categories?\(q)", site: site).json.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            }
            #expect(try await ids("") == [2, 3, 4, 1])
            #expect(try await ids("parent=2") == [3])
            #expect(try await ids("orderby=count&order=desc") == [1, 2, 3, 4])
            #expect(try await ids("orderby=id&order=desc") == [4, 3, 2, 1])
            #expect(try await ids("search=tut") == [4])
            #expect(try await ids("slug=news,tutorials") == [2, 4])
            #expect(try await ids("include=4,1&orderby=include") == [4, 1])
            #expect(try await ids("exclude=1,2") == [3, 4])
            #expect(try await ids("post=7") == [2, 4])
            #expect(try await ids("hide_empty=true&orderby=slug") == [2, 3, 4, 1])
            let tags = try await client.call("GET", "/wp-json/wp/v2/tags?orderby=count&order=desc&per_page=2", site: site)
            #expect(tags.json.arrayValue?.compactMap { $0["slug"]?.stringValue } == ["wordpress", "swift"])
            #expect(tags.header("X-WP-TotalPages") == "2")
        }
    }

    /// A new term asking for a slug in use gets a free variant, as `wp_unique_term_slug` makes
    /// it (the parent's slug first, then a number); an edit to a slug in use is WordPress's 500.
    @Test func slugsInUseAreMadeUniqueOnCreateAndRefusedOnEdit() async throws {
        try await TestSite.with { site, client in
            let first = try await client.call("POST", "/wp-json/wp/v2/tags", as: "admin", site: site, json: ["name": "One", "slug": "shared"])
            #expect(first.json["slug"] == "shared")
            let second = try await client.call("POST", "/wp-json/wp/v2/tags", as: "admin", site: site, json: ["name": "Two", "slug": "shared"])
            #expect(second.status == 201)
            #expect(second.json["slug"] == "shared-2")
            let parent = try await client.call("POST", "/wp-json/wp/v2/categories", as: "admin", site: site, json: ["name": "Parent"])
            _ = try await client.call("POST", "/wp-json/wp/v2/categories", as: "admin", site: site, json: ["name": "Child", "slug": "child"])
            let child = try await client.call("POST", "/wp-json/wp/v2/categories", as: "admin", site: site,
                                              json: ["name": "Other child", "slug": "child", "parent": parent.json["id"]!])
            #expect(child.json["slug"] == "child-parent")
            let edit = try await client.call("POST", "/wp-json/wp/v2/tags/\(second.json["id"]!.intValue!)", as: "admin", site: site, json: ["slug": "shared"])
            #expect(edit.status == 500)
            #expect(edit.json["code"] == "duplicate_term_slug")
        }
    }

    /// Deleting a category whose posts are left with none gives them the default category only
    /// when that names a category (a default set to a missing term once failed in the database).
    @Test func deletingACategoryWithAMissingDefaultLeavesPostsWithoutOne() async throws {
        try await TestSite.with { site, client in
            let category = try await client.call("POST", "/wp-json/wp/v2/categories", as: "admin", site: site, json: ["name": "Doomed"])
            let id = try #require(category.json["id"]?.intValue)
            let post = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                             json: ["title": "Filed", "status": "publish", "categories": [.int(id)]])
            _ = try await client.call("POST", "/wp-json/wp/v2/settings", as: "admin", site: site, json: ["default_category": 99999])
            let deleted = try await client.call("DELETE", "/wp-json/wp/v2/categories/\(id)?force=true", as: "admin", site: site)
            #expect(deleted.status == 200)
            let after = try await client.call("GET", "/wp-json/wp/v2/posts/\(post.json["id"]!.intValue!)", as: "admin", site: site)
            #expect(after.json["categories"] == [])
        }
    }
}
