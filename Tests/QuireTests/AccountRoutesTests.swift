import Foundation
import QuireREST
import Testing

/// Users, application passwords and settings over REST.
@Suite struct AccountRoutesTests {
    @Test func usersAreCreatedPromotedAndDeletedWithWordPressChecks() async throws {
        try await TestSite.with { site, client in
            let body: JSON = ["username": "newbie", "email": "newbie@example.com", "password": "s3cret-pass", "roles": ["author"]]
            let denied = try await client.call("POST", "/wp-json/wp/v2/users", as: "editor", site: site, json: body)
            #expect(denied.status == 403)
            #expect(denied.json["code"] == "rest_cannot_create_user")
            let missing = try await client.call("POST", "/wp-json/wp/v2/users", as: "admin", site: site, json: ["username": "x"])
            #expect(missing.json["code"] == "rest_missing_callback_param")
            #expect(missing.json["data"]?["params"] == ["email", "password"])

            let created = try await client.call("POST", "/wp-json/wp/v2/users", as: "admin", site: site, json: body)
            #expect(created.status == 201)
            #expect(created.json["roles"] == ["author"])
            #expect(created.json["slug"] == "newbie")
            let id = try #require(created.json["id"]?.intValue)
            let again = try await client.call("POST", "/wp-json/wp/v2/users", as: "admin", site: site, json: body)
            #expect(again.json["code"] == "existing_user_login")
            let sameEmail = try await client.call("POST", "/wp-json/wp/v2/users", as: "admin", site: site,
                                                  json: ["username": "other", "email": "newbie@example.com", "password": "p"])
            #expect(sameEmail.json["code"] == "existing_user_email")
            let badEmail = try await client.call("POST", "/wp-json/wp/v2/users", as: "admin", site: site,
                                                 json: ["username": "other", "email": "not-an-email", "password": "p"])
            #expect(badEmail.json["data"]?["details"]?["email"]?["code"] == "rest_invalid_email")

            // Users edit themselves but may not promote themselves.
            let selfEdit = try await client.call("POST", "/wp-json/wp/v2/users/me", as: "author", site: site, json: ["first_name": "Ava"])
            #expect(selfEdit.status == 200)
            #expect(selfEdit.json["first_name"] == "Ava")
            let promote = try await client.call("POST", "/wp-json/wp/v2/users/me", as: "author", site: site, json: ["roles": ["administrator"]])
            #expect(promote.status == 403)
            #expect(promote.json["code"] == "rest_cannot_edit_roles")
            let otherEdit = try await client.call("POST", "/wp-json/wp/v2/users/\(id)", as: "editor", site: site, json: ["first_name": "X"])
            #expect(otherEdit.json["code"] == "rest_cannot_edit")
            let promoted = try await client.call("PUT", "/wp-json/wp/v2/users/\(id)", as: "admin", site: site, json: ["roles": ["editor"]])
            #expect(promoted.json["roles"] == ["editor"])
            #expect(promoted.json["capabilities"]?["moderate_comments"] == true)

            // Deleting needs force and a valid reassignment; posts move to the new owner.
            let post = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                             json: ["title": "Theirs", "status": "publish", "author": .int(id)])
            let postID = try #require(post.json["id"]?.intValue)
            #expect(try await client.call("DELETE", "/wp-json/wp/v2/users/\(id)", as: "admin", site: site).json["code"] == "rest_missing_callback_param")
            #expect(try await client.call("DELETE", "/wp-json/wp/v2/users/\(id)?reassign=1", as: "admin", site: site).status == 501)
            #expect(try await client.call("DELETE", "/wp-json/wp/v2/users/\(id)?reassign=\(id)&force=true", as: "admin", site: site).json["code"] == "rest_user_invalid_reassign")
            #expect(try await client.call("DELETE", "/wp-json/wp/v2/users/\(id)?reassign=1&force=true", as: "editor", site: site).status == 403)
            let deleted = try await client.call("DELETE", "/wp-json/wp/v2/users/\(id)?reassign=1&force=true", as: "admin", site: site)
            #expect(deleted.json["deleted"] == true)
            #expect(deleted.json["previous"]?["username"] == "newbie")
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts/\(postID)", site: site).json["author"] == 1)
        }
    }

    @Test func applicationPasswordsLifecycle() async throws {
        try await TestSite.with { site, client in
            let created = try await client.call("POST", "/wp-json/wp/v2/users/me/application-passwords", as: "author", site: site,
                                                json: ["name": "phone"])
            #expect(created.status == 201)
            let password = try #require(created.json["password"]?.stringValue)
            #expect(password.count == 29)
            let uuid = try #require(created.json["uuid"]?.stringValue)
            #expect(created.json["last_used"] == .null)
            let dup = try await client.call("POST", "/wp-json/wp/v2/users/me/application-passwords", as: "author", site: site, json: ["name": "phone"])
            #expect(dup.status == 409)
            #expect(dup.json["code"] == "application_password_duplicate_name")

            // The new password signs in, and introspection names it.
            let header = "Basic " + Data("author:\(password)".utf8).base64EncodedString()
            let me = try await client.call("GET", "/wp-json/wp/v2/users/me/application-passwords/introspect", site: site,
                                           headers: [("Authorization", header)])
            #expect(me.json["uuid"] == .string(uuid))
            let list = try await client.call("GET", "/wp-json/wp/v2/users/me/application-passwords", as: "author", site: site)
            #expect(list.json.arrayValue?.count == 2)
            #expect(list.json.arrayValue?.contains { $0["password"] != nil } == false, "passwords are shown only once")

            // Others may not read them; administrators may.
            let authorID = site.credentials["author"]!.id
            #expect(try await client.call("GET", "/wp-json/wp/v2/users/\(authorID)/application-passwords", as: "editor", site: site).json["code"] == "rest_cannot_list_application_passwords")
            #expect(try await client.call("GET", "/wp-json/wp/v2/users/\(authorID)/application-passwords/\(uuid)", as: "admin", site: site).status == 200)
            #expect(try await client.call("GET", "/wp-json/wp/v2/users/999/application-passwords", as: "admin", site: site).json["code"] == "rest_user_invalid_id")

            let renamed = try await client.call("POST", "/wp-json/wp/v2/users/me/application-passwords/\(uuid)", as: "author", site: site, json: ["name": "tablet"])
            #expect(renamed.json["name"] == "tablet")
            let revoked = try await client.call("DELETE", "/wp-json/wp/v2/users/me/application-passwords/\(uuid)", as: "author", site: site)
            #expect(revoked.json["deleted"] == true)
            #expect(try await client.call("GET", "/wp-json/wp/v2/users/me", site: site, headers: [("Authorization", header)]).status == 401)
            let all = try await client.call("DELETE", "/wp-json/wp/v2/users/me/application-passwords", as: "author", site: site)
            #expect(all.json == ["deleted": true, "count": 1])
        }
    }

    @Test func settingsNeedManageOptions() async throws {
        try await TestSite.with { site, client in
            #expect(try await client.call("GET", "/wp-json/wp/v2/settings", as: "editor", site: site).status == 403)
            let r = try await client.call("POST", "/wp-json/wp/v2/settings", as: "admin", site: site,
                                          json: ["title": "Renamed", "posts_per_page": "7", "use_smilies": false])
            #expect(r.status == 200)
            #expect(r.json["title"] == "Renamed")
            #expect(r.json["posts_per_page"] == 7)
            #expect(r.json["use_smilies"] == false)
            let bad = try await client.call("POST", "/wp-json/wp/v2/settings", as: "admin", site: site, json: ["default_comment_status": "maybe"])
            #expect(bad.json["code"] == "rest_invalid_param")
            let reset = try await client.call("POST", "/wp-json/wp/v2/settings", as: "admin", site: site, json: ["posts_per_page": .null])
            #expect(reset.json["posts_per_page"] == 10)
        }
    }
}

/// The users collection's filters and who may use them.
@Suite struct UserFiltersTests {
    @Test func everyFilter() async throws {
        try await TestSite.with(roleUsers: false) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            func slugs(_ q: String, as user: String? = "admin") async throws -> [String] {
                try await client.call("GET", "/wp-json/wp/v2/users?\(q)", as: user, site: site).json.arrayValue?.compactMap { $0["slug"]?.stringValue } ?? []
            }
            #expect(try await slugs("") == ["admin", "author", "contributor", "editor", "subscriber"])
            #expect(try await slugs("", as: nil) == ["admin", "author", "editor"], "anonymous: authors of published posts")
            #expect(try await slugs("roles=editor,author") == ["author", "editor"])
            #expect(try await slugs("capabilities=publish_posts") == ["admin", "author", "editor"])
            #expect(try await slugs("who=authors") == ["admin", "author", "contributor", "editor"])
            #expect(try await slugs("has_published_posts=true") == ["admin", "author", "editor"])
            #expect(try await slugs("has_published_posts[]=page") == ["admin", "editor"])
            #expect(try await slugs("search=edit") == ["editor"])
            #expect(try await slugs("include=2,3&orderby=include") == ["editor", "author"])
            #expect(try await slugs("exclude=1,2,3") == ["contributor", "subscriber"])
            #expect(try await slugs("slug=subscriber,admin&orderby=slug&order=desc") == ["subscriber", "admin"])
            #expect(try await slugs("orderby=id&order=desc&per_page=2") == ["subscriber", "contributor"])
            #expect(try await slugs("offset=3") == ["editor", "subscriber"])
            #expect(try await client.call("GET", "/wp-json/wp/v2/users?roles=editor", site: site).json["code"] == "rest_user_cannot_view")
            #expect(try await client.call("GET", "/wp-json/wp/v2/users?capabilities=read", as: "editor", site: site).json["code"] == "rest_user_cannot_view")
            #expect(try await client.call("GET", "/wp-json/wp/v2/users?who=authors", as: "subscriber", site: site).json["code"] == "rest_forbidden_who")
        }
    }
}
