import QuireREST
import Testing

/// Revisions made on update, listed, read and deleted; autosaves.
@Suite struct RevisionsTests {
    @Test func firstUpdateStoresARevisionAndLaterOnlyOnChange() async throws {
        try await TestSite.with { site, client in
            _ = try await client.call("POST", "/wp-json/wp/v2/posts/1", as: "admin", site: site, json: ["date": "2024-01-01T08:00:00"])
            var one = try await client.call("GET", "/wp-json/wp/v2/posts/1", site: site)
            #expect(one.json["_links"]?["version-history"]?[0]?["count"] == 1)
            let latest = try #require(one.json["_links"]?["predecessor-version"]?[0]?["id"]?.intValue)
            #expect(one.json["_links"]?["predecessor-version"]?[0]?["href"] == .string("http://127.0.0.1:8080/wp-json/wp/v2/posts/1/revisions/\(latest)"))

            _ = try await client.call("POST", "/wp-json/wp/v2/posts/1", as: "admin", site: site, json: ["comment_status": "closed"])
            one = try await client.call("GET", "/wp-json/wp/v2/posts/1", site: site)
            #expect(one.json["_links"]?["version-history"]?[0]?["count"] == 1, "no change to title, content or excerpt")

            _ = try await client.call("POST", "/wp-json/wp/v2/posts/1", as: "admin", site: site, json: ["title": "Hello again"])
            let list = try await client.call("GET", "/wp-json/wp/v2/posts/1/revisions", as: "admin", site: site)
            #expect(list.status == 200)
            #expect(list.json.arrayValue?.count == 2)
            #expect(list.json.arrayValue?.first?["title"]?["rendered"] == "Hello again")
            #expect(list.json.arrayValue?.first?["parent"] == 1)

            let anon = try await client.call("GET", "/wp-json/wp/v2/posts/1/revisions", site: site)
            #expect(anon.status == 401)
            #expect(anon.json["code"] == "rest_cannot_read")

            // Nobody deletes a revision, administrators included (`delete_post` on a revision is `do_not_allow`).
            for query in ["", "?force=true"] {
                let refused = try await client.call("DELETE", "/wp-json/wp/v2/posts/1/revisions/\(latest)\(query)", as: "admin", site: site)
                #expect(refused.status == 403)
                #expect(refused.json["code"] == "rest_cannot_delete")
                #expect(refused.json["message"] == "Sorry, you are not allowed to delete this revision.")
            }
            let author = try await client.call("DELETE", "/wp-json/wp/v2/posts/1/revisions/\(latest)?force=true", as: "author", site: site)
            #expect(author.json["message"] == "Sorry, you are not allowed to delete revisions of this post.")
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts/1/revisions/\(latest)", as: "admin", site: site).status == 200)
        }
    }

    @Test func autosavesOfOthersPostsAreKeptApart() async throws {
        try await TestSite.with { site, client in
            let saved = try await client.call("POST", "/wp-json/wp/v2/posts/1/autosaves", as: "editor", site: site,
                                              json: ["title": "Work in progress", "content": "Draft text"])
            #expect(saved.status == 200)
            #expect(saved.json["parent"] == 1)
            #expect(saved.json["title"]?["raw"] == "Work in progress")
            let post = try await client.call("GET", "/wp-json/wp/v2/posts/1", site: site)
            #expect(post.json["title"]?["rendered"] == "Hello world!", "the published post is untouched")
            let mine = try await client.call("GET", "/wp-json/wp/v2/posts/1/autosaves", as: "editor", site: site)
            #expect(mine.json.arrayValue?.count == 1)
            // Each user keeps one autosave, and whoever may edit the post sees every user's (as in WordPress).
            let admins = try await client.call("GET", "/wp-json/wp/v2/posts/1/autosaves", as: "admin", site: site)
            #expect(admins.json.arrayValue?.count == 1)
            #expect(admins.json[0]?["author"] == .int(site.credentials["editor"]!.id))
            #expect(try await client.call("POST", "/wp-json/wp/v2/posts/1/autosaves", as: "author", site: site, json: ["title": "x"]).status == 403)
        }
    }
}

/// `/wp/v2/types` and `/wp/v2/statuses` against WordPress's answers.
@Suite struct TypesAndStatusesTests {
    @Test func typesAreShapedLikeWordPress() async throws {
        let sample = try Samples.load("types")
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/types", site: site)
            #expect(r.status == 200)
            for name in ["post", "page"] {
                #expect(r.json[name] == sample["body"]?[name], "\(name)")
            }
            let edit = try await client.call("GET", "/wp-json/wp/v2/types/post?context=edit", as: "admin", site: site)
            #expect(edit.json["capabilities"]?["edit_posts"] == "edit_posts")
            #expect(edit.json["supports"]?["revisions"] == true)
            #expect(edit.json["labels"]?["singular_name"] == "Post")
            #expect(try await client.call("GET", "/wp-json/wp/v2/types/post?context=edit", site: site).status == 401)
            #expect(try await client.call("GET", "/wp-json/wp/v2/types/nope", site: site).json["code"] == "rest_type_invalid")
        }
    }

    @Test func statusesDependOnWhoAsks() async throws {
        let sample = try Samples.load("statuses")
        try await TestSite.with { site, client in
            let anon = try await client.call("GET", "/wp-json/wp/v2/statuses", site: site)
            #expect(anon.json == sample["body"])
            let editor = try await client.call("GET", "/wp-json/wp/v2/statuses", as: "editor", site: site)
            #expect(editor.json.objectValue?.keys == ["publish", "future", "draft", "pending", "private", "trash"])
            #expect(editor.json["draft"]?["_links"]?["archives"]?[0]?["href"] == "http://127.0.0.1:8080/wp-json/wp/v2/posts?status=draft")
            let draft = try await client.call("GET", "/wp-json/wp/v2/statuses/draft", site: site)
            #expect(draft.status == 401)
            let edit = try await client.call("GET", "/wp-json/wp/v2/statuses/draft?context=edit", as: "editor", site: site)
            #expect(edit.json["date_floating"] == true)
            #expect(edit.json["protected"] == true)
        }
    }
}
