import QuireREST
import Testing

/// `/wp/v2/posts` read and write through the real server, per role.
@Suite struct PostsRouteTests {
    @Test func listIsShapedLikeWordPress() async throws {
        let sample = try Samples.load("posts-list")
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            #expect(r.status == 200)
            #expect(Shape.differences(sample["body"]!, r.json) == [])
            #expect(r.header("X-WP-Total") == "1")
            #expect(r.header("X-WP-TotalPages") == "1")
            let first = try #require(r.json.arrayValue?.first)
            #expect(first["title"]?["rendered"] == "Hello world!")
            #expect(first["categories"] == [1])
            #expect(first["_links"]?.objectValue?.keys == sample["body"]?.arrayValue?.first?["_links"]?.objectValue?.keys
                .filter { !["wp:featuredmedia", "predecessor-version"].contains($0) })
        }
    }

    @Test func singlePostAndErrorsMatchWordPress() async throws {
        let notFound = try Samples.load("post-404")
        let draftAnon = try Samples.load("posts-status-draft-anon-400")
        let perPage = try Samples.load("posts-per-page-1000-400")
        try await TestSite.with { site, client in
            let one = try await client.call("GET", "/wp-json/wp/v2/posts/1", site: site)
            #expect(one.status == 200)
            #expect(Shape.differences(try Samples.load("post-single")["body"]!, one.json) == [])
            let missing = try await client.call("GET", "/wp-json/wp/v2/posts/999999", site: site)
            #expect(missing.status == 404)
            #expect(missing.json == notFound["body"])
            let drafts = try await client.call("GET", "/wp-json/wp/v2/posts?status=draft", site: site)
            #expect(drafts.status == 400)
            #expect(drafts.json == draftAnon["body"])
            let big = try await client.call("GET", "/wp-json/wp/v2/posts?per_page=1000", site: site)
            #expect(big.json == perPage["body"])
            let page = try await client.call("GET", "/wp-json/wp/v2/posts/2", site: site)
            #expect(page.status == 404, "a page is not a post")
        }
    }

    @Test func editContextIsShapedLikeWordPress() async throws {
        let sample = try Samples.load("post-edit-admin")
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/posts/1?context=edit", as: "admin", site: site)
            #expect(r.status == 200)
            #expect(Shape.differences(sample["body"]!, r.json).filter { !$0.contains("_links") } == [])
            let anon = try await client.call("GET", "/wp-json/wp/v2/posts/1?context=edit", site: site)
            #expect(anon.status == 401)
            #expect(anon.json["code"] == "rest_forbidden_context")
        }
    }

    @Test func createNeedsTheRightRole() async throws {
        let anonSample = try Samples.load("post-create-anon-401")
        let subscriberSample = try Samples.load("post-create-subscriber-403")
        try await TestSite.with { site, client in
            let body: JSON = ["title": "Not allowed"]
            let anon = try await client.call("POST", "/wp-json/wp/v2/posts", site: site, json: body)
            #expect(anon.status == 401)
            #expect(anon.json == anonSample["body"])
            let sub = try await client.call("POST", "/wp-json/wp/v2/posts", as: "subscriber", site: site, json: body)
            #expect(sub.status == 403)
            #expect(sub.json == subscriberSample["body"])
            let contributorPublish = try await client.call("POST", "/wp-json/wp/v2/posts", as: "contributor", site: site,
                                                           json: ["title": "Mine", "status": "publish"])
            #expect(contributorPublish.status == 403)
            #expect(contributorPublish.json["code"] == "rest_cannot_publish")
            let contributorDraft = try await client.call("POST", "/wp-json/wp/v2/posts", as: "contributor", site: site,
                                                         json: ["title": "Mine", "status": "pending"])
            #expect(contributorDraft.status == 201)
            #expect(contributorDraft.json["status"] == "pending")
        }
    }

    @Test func roleWalkThroughOwnAndOthersPosts() async throws {
        try await TestSite.with { site, client in
            let created = try await client.call("POST", "/wp-json/wp/v2/posts", as: "author", site: site,
                                                json: ["title": "Author's post", "content": "Text", "status": "publish"])
            #expect(created.status == 201)
            let id = try #require(created.json["id"]?.intValue)
            #expect(created.header("Location") == "http://127.0.0.1:8080/wp-json/wp/v2/posts/\(id)")
            #expect(created.json["slug"] == "authors-post")
            #expect(created.json["categories"] == [1])
            #expect(created.json["title"]?["rendered"] == "Author&#8217;s post")

            // The author edits their own post but not the administrator's.
            let own = try await client.call("POST", "/wp-json/wp/v2/posts/\(id)", as: "author", site: site, json: ["title": "Renamed"])
            #expect(own.status == 200)
            #expect(own.json["title"]?["raw"] == "Renamed")
            let others = try await client.call("PUT", "/wp-json/wp/v2/posts/1", as: "author", site: site, json: ["title": "Mine now"])
            #expect(others.status == 403)
            #expect(others.json["code"] == "rest_cannot_edit")
            // An editor may edit anyone's post; a contributor may not edit a published one.
            #expect(try await client.call("PATCH", "/wp-json/wp/v2/posts/\(id)", as: "editor", site: site, json: ["excerpt": "Short"]).status == 200)
            #expect(try await client.call("PATCH", "/wp-json/wp/v2/posts/\(id)", as: "contributor", site: site, json: ["title": "x"]).status == 403)

            // Delete: trash first, then WordPress's error, then for good.
            #expect(try await client.call("DELETE", "/wp-json/wp/v2/posts/\(id)", as: "subscriber", site: site).status == 403)
            let trashed = try await client.call("DELETE", "/wp-json/wp/v2/posts/\(id)", as: "author", site: site)
            #expect(trashed.status == 200)
            #expect(trashed.json["status"] == "trash")
            let again = try await client.call("DELETE", "/wp-json/wp/v2/posts/\(id)", as: "author", site: site)
            #expect(again.status == 410)
            #expect(again.json["code"] == "rest_already_trashed")
            let gone = try await client.call("DELETE", "/wp-json/wp/v2/posts/\(id)?force=true", as: "author", site: site)
            #expect(gone.json["deleted"] == true)
            #expect(gone.json["previous"]?["id"] == .int(id))
            #expect(try await site.store.post(id: id) == nil)
        }
    }

    @Test func privatePostsAreHiddenFromAnonymous() async throws {
        let sample = try Samples.load("post-private-anon-401")
        try await TestSite.with { site, client in
            let created = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                                json: ["title": "Private Memo", "status": "private"])
            let id = try #require(created.json["id"]?.intValue)
            let anon = try await client.call("GET", "/wp-json/wp/v2/posts/\(id)", site: site)
            #expect(anon.status == 401)
            #expect(anon.json == sample["body"])
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts/\(id)", as: "editor", site: site).status == 200)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts/\(id)", as: "author", site: site).status == 403)
            let list = try await client.call("GET", "/wp-json/wp/v2/posts?status=private", as: "author", site: site)
            #expect(list.json.arrayValue?.isEmpty == true)
        }
    }

    @Test func badInputGetsWordPressErrors() async throws {
        try await TestSite.with { site, client in
            let badJSON = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                                headers: [("Content-Type", "application/json")])
            #expect(badJSON.status == 400, "an empty JSON body is no body, and a post needs a title, content or excerpt")
            #expect(badJSON.json["code"] == "empty_content")
            let wrongType = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: ["author": "x"])
            #expect(wrongType.status == 400)
            #expect(wrongType.json["code"] == "rest_invalid_param")
            let badStatus = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: ["status": "nope"])
            #expect(badStatus.json["data"]?["params"]?["status"] == "status is not one of publish, future, draft, pending, and private.")
            // A term that does not exist is skipped, as WordPress's `wp_set_object_terms` skips it.
            let badTerm = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                                json: ["title": "Terms", "categories": [12345, 1]])
            #expect(badTerm.status == 201)
            #expect(badTerm.json["categories"] == [1])
        }
    }

    @Test func generatedExcerptAndTitleRenderLikeWordPress() async throws {
        try await TestSite.with { site, client in
            let content = "<h2>First</h2><p>Second word</p><script>var x = \"<p>\";</script><STYLE>p { }</STYLE>Third <em>fourth</em>"
            let created = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                                json: ["title": "Café's \"quoted\" at 320x240...", "content": .string(content),
                                                       "status": "publish"])
            #expect(created.status == 201)
            let id = try #require(created.json["id"]?.intValue)
            let r = try await client.call("GET", "/wp-json/wp/v2/posts/\(id)", site: site)
            #expect(r.json["title"]?["rendered"] == "Café&#8217;s &#8220;quoted&#8221; at 320&#215;240&#8230;")
            #expect(r.json["excerpt"]?["rendered"] == "<p>First Second word Third fourth</p>\n",
                    "block tags separate words; script and style go with their content")
        }
    }
    /// Rendered text is kept by the text it came from: an edit renders anew, and two posts
    /// with the same text render alike.
    @Test func editedContentRendersAnew() async throws {
        try await TestSite.with { site, client in
            var ids: [Int] = []
            for _ in 0..<2 {
                let created = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                                    json: ["title": "Twin", "content": "Same \"words\" here", "status": "publish"])
                ids.append(try #require(created.json["id"]?.intValue))
            }
            let list = try await client.call("GET", "/wp-json/wp/v2/posts?include=\(ids[0]),\(ids[1])", site: site)
            #expect(list.json[0]?["content"]?["rendered"] == "<p>Same &#8220;words&#8221; here</p>\n")
            #expect(list.json[1]?["content"]?["rendered"] == list.json[0]?["content"]?["rendered"])
            #expect(list.json[1]?["excerpt"]?["rendered"] == "<p>Same &#8220;words&#8221; here</p>\n")
            _ = try await client.call("POST", "/wp-json/wp/v2/posts/\(ids[0])", as: "admin", site: site,
                                      json: ["content": "Other 'words'"])
            let edited = try await client.call("GET", "/wp-json/wp/v2/posts/\(ids[0])", site: site)
            #expect(edited.json["content"]?["rendered"] == "<p>Other &#8216;words&#8217;</p>\n")
            #expect(edited.json["excerpt"]?["rendered"] == "<p>Other &#8216;words&#8217;</p>\n")
            let twin = try await client.call("GET", "/wp-json/wp/v2/posts/\(ids[1])", site: site)
            #expect(twin.json["content"]?["rendered"] == "<p>Same &#8220;words&#8221; here</p>\n")
        }
    }
}
