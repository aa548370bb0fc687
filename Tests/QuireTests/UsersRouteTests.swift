import QuireREST
import Testing

/// `/wp/v2/users/me` and `/wp/v2/users` against WordPress's answers.
@Suite struct UsersRouteTests {
    @Test func meInEditContextIsShapedLikeWordPress() async throws {
        let sample = try Samples.load("users-me-admin-edit")
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/users/me?context=edit", as: "admin", site: site)
            #expect(r.status == 200)
            #expect(Shape.differences(sample["body"]!, r.json) == [])
            #expect(r.json["capabilities"] == sample["body"]?["capabilities"])
            #expect(r.json["extra_capabilities"] == sample["body"]?["extra_capabilities"])
            #expect(r.json["avatar_urls"] == sample["body"]?["avatar_urls"], "the same e-mail gives the same Gravatar URLs")
            let allow = sample["headers"]?.arrayValue?.first { $0[0] == "Allow" }?[1]?.stringValue
            #expect(r.header("Allow") == allow)
        }
    }

    @Test func meAnonymousIs401() async throws {
        let sample = try Samples.load("users-me-anon-401")
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/users/me", site: site)
            #expect(r.status == 401)
            #expect(r.json == sample["body"])
        }
    }

    @Test func anonymousListShowsOnlyAuthorsWithPublishedPosts() async throws {
        let sample = try Samples.load("users-list")
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/users", site: site)
            #expect(r.status == 200)
            #expect(r.json.arrayValue?.compactMap { $0["slug"]?.stringValue } == ["admin"])
            #expect(Shape.differences(sample["body"]!, r.json) == [])
            #expect(r.header("X-WP-Total") == "1")
            let edit = try await client.call("GET", "/wp-json/wp/v2/users?context=edit", site: site)
            #expect(edit.status == 401)
            #expect(edit.json["code"] == "rest_forbidden_context")
        }
    }

    @Test func otherUsersNeedListUsers() async throws {
        try await TestSite.with { site, client in
            let editorID = site.credentials["editor"]!.id
            let anon = try await client.call("GET", "/wp-json/wp/v2/users/\(editorID)", site: site)
            #expect(anon.status == 401)
            #expect(anon.json["code"] == "rest_user_cannot_view")
            let admin = try await client.call("GET", "/wp-json/wp/v2/users/\(editorID)?context=edit", as: "admin", site: site)
            #expect(admin.status == 200)
            #expect(admin.json["roles"] == ["editor"])
            let missing = try await client.call("GET", "/wp-json/wp/v2/users/9999", as: "admin", site: site)
            #expect(missing.status == 404)
            #expect(missing.json["code"] == "rest_user_invalid_id")
        }
    }

    /// Users cannot be trashed: without `force` a delete is WordPress's 501 `rest_trash_not_supported`.
    @Test func deletingAUserNeedsForce() async throws {
        try await TestSite.with { site, client in
            let id = site.credentials["subscriber"]!.id
            let r = try await client.call("DELETE", "/wp-json/wp/v2/users/\(id)?reassign=1", as: "admin", site: site)
            #expect(r.status == 501)
            #expect(r.json["code"] == "rest_trash_not_supported")
            #expect(r.json["message"] == "Users do not support trashing. Set 'force=true' to delete.")
        }
    }

    /// Another user's email: an edit is refused with 400 before anything else is checked, a
    /// new user gets `wp_insert_user`'s own 500, as WordPress answers both.
    @Test func anEmailInUseIsRefused() async throws {
        try await TestSite.with { site, client in
            let edit = try await client.call("PATCH", "/wp-json/wp/v2/users/1", as: "admin", site: site,
                                             json: ["email": "author@example.com", "username": "renamed"])
            #expect(edit.status == 400)
            #expect(edit.json["code"] == "rest_user_invalid_email")
            let create = try await client.call("POST", "/wp-json/wp/v2/users", as: "admin", site: site,
                                               json: ["username": "newperson", "email": "author@example.com", "password": "x"])
            #expect(create.status == 500)
            #expect(create.json["code"] == "existing_user_email")
        }
    }
}
