import Foundation
import HTTPTypes
import NIOCore
import QuireREST
import Testing

/// Places where a caller once could do or see more than WordPress 6.1 lets the same role:
/// each test asks what WordPress answered, through the real adapter.
@Suite struct PermissionBoundaryTests {
    /// A GET whose parameters come in its body must neither be answered from, nor stored as,
    /// the cached answer of the bare URL.
    @Test func bodyParametersNeverReachTheCache() async throws {
        try await TestSite.with { site, client in
            for i in 1...3 { _ = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                                        json: ["title": .string("Post \(i)"), "status": "publish"]) }
            let plain = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            #expect(plain.json.arrayValue?.count == 4)
            let narrowed = try await client.call("GET", "/wp-json/wp/v2/posts", site: site, json: ["per_page": 1])
            #expect(narrowed.json.arrayValue?.count == 1, "the body's parameters apply")
            let again = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            #expect(again.json.arrayValue?.count == 4, "the bare URL's readers are not given the narrowed answer")

            // The other way round: a body request does not get the cached bare answer either.
            let second = try await client.call("GET", "/wp-json/wp/v2/posts", site: site, json: ["per_page": 2])
            #expect(second.json.arrayValue?.count == 2)
            // A form body is not read on GET (WordPress reads JSON bodies only there).
            var fields = HTTPFields()
            fields[.contentType] = "application/x-www-form-urlencoded"
            let form = try await client.execute(uri: "/wp-json/wp/v2/posts", method: .get, headers: fields,
                                                body: ByteBuffer(string: "per_page=2"))
            #expect((try JSONParser.parse(String(buffer: form.body))).arrayValue?.count == 4)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts", site: site).json.arrayValue?.count == 4)
        }
    }

    /// Authors and contributors may not upload as someone else, attach to a post they cannot
    /// edit, or give their media away.
    @Test func mediaStaysWithItsAuthor() async throws {
        try await TestSite.with { site, client in
            let png = try MediaTests.fixture("gradient.png")
            let editorID = site.credentials["editor"]!.id
            let editorPost = try await client.call("POST", "/wp-json/wp/v2/posts", as: "editor", site: site,
                                                   json: ["title": "The editor's", "status": "publish"])
            let editorPostID = try #require(editorPost.json["id"]?.intValue)
            func upload(_ login: String, query: String) async throws -> Reply {
                var fields = HTTPFields()
                fields[.authorization] = site.authorization(login)
                fields[.contentType] = "image/png"
                fields[HTTPField.Name("Content-Disposition")!] = "attachment; filename=\"p.png\""
                let r = try await client.execute(uri: "/wp-json/wp/v2/media\(query)", method: .post, headers: fields, body: ByteBuffer(bytes: png))
                return Reply(status: Int(r.status.code), headers: [], json: (try? JSONParser.parse(String(buffer: r.body))) ?? .null)
            }
            for login in ["author", "contributor"] {
                let asOther = try await upload(login, query: "?author=\(editorID)")
                #expect(asOther.status == 403)
                #expect(asOther.json["code"] == "rest_cannot_edit_others")
            }
            let onOthers = try await upload("author", query: "?post=\(editorPostID)")
            #expect(onOthers.status == 403)
            #expect(onOthers.json["code"] == "rest_cannot_edit")
            #expect(onOthers.json["message"] == "Sorry, you are not allowed to upload media to this post.")

            let own = try await upload("author", query: "")
            #expect(own.status == 201)
            let id = try #require(own.json["id"]?.intValue)
            let giveAway = try await client.call("POST", "/wp-json/wp/v2/media/\(id)", as: "author", site: site, json: ["author": .int(editorID)])
            #expect(giveAway.status == 403)
            #expect(giveAway.json["code"] == "rest_cannot_edit_others")
            #expect(try await site.store.post(id: id)?.author == site.credentials["author"]!.id)
            let byEditor = try await upload("editor", query: "?author=\(site.credentials["author"]!.id)")
            #expect(byEditor.status == 201, "editors may upload for others, as in WordPress")
        }
    }

    /// Only routes that allow batching run inside `/batch/v1`: users and comments do not.
    @Test func batchRunsOnlyBatchableRoutes() async throws {
        try await TestSite.with { site, client in
            let r = try await client.call("POST", "/wp-json/batch/v1", as: "admin", site: site, json: ["requests": [
                ["path": "/wp/v2/users", "body": ["username": "batched", "email": "b@example.com", "password": "x"]],
                ["path": "/wp/v2/comments", "body": ["post": 1, "content": "Batched"]],
                ["path": "/wp/v2/tags", "body": ["name": "Batched"]],
            ]])
            let responses = try #require(r.json["responses"]?.arrayValue)
            #expect(responses.map { $0["status"]?.intValue } == [400, 400, 201])
            #expect(responses[0]["body"]?["code"] == "rest_batch_not_allowed")
            #expect(responses[1]["body"]?["code"] == "rest_batch_not_allowed")
            #expect(try await site.store.user(login: "batched") == nil)
        }
    }

    /// Ordering users by email or registration date needs `list_users`.
    @Test func usersAreOrderedByPrivateFieldsOnlyByThoseWhoListThem() async throws {
        try await TestSite.with { site, client in
            for orderby in ["email", "registered_date"] {
                let anon = try await client.call("GET", "/wp-json/wp/v2/users?orderby=\(orderby)", site: site)
                #expect(anon.status == 401)
                #expect(anon.json["code"] == "rest_forbidden_orderby")
                #expect(try await client.call("GET", "/wp-json/wp/v2/users?orderby=\(orderby)", as: "editor", site: site).status == 403)
                #expect(try await client.call("GET", "/wp-json/wp/v2/users?orderby=\(orderby)", as: "admin", site: site).status == 200)
            }
        }
    }

    /// A protected post: content only with its password (or in the edit context of someone who
    /// may edit it), a wrong password refused, and visitors' searches leave it out.
    @Test func protectedPostsNeedTheirPassword() async throws {
        try await TestSite.with { site, client in
            let made = try await client.call("POST", "/wp-json/wp/v2/posts", as: "editor", site: site, json: [
                "title": "Members", "status": "publish", "password": "secret", "content": "Hidden words", "excerpt": "Hidden summary"])
            let id = try #require(made.json["id"]?.intValue)
            for login in [nil, "admin", "editor"] as [String?] {
                let view = try await client.call("GET", "/wp-json/wp/v2/posts/\(id)", as: login, site: site)
                #expect(view.status == 200)
                #expect(view.json["content"]?["rendered"] == "", "no password, no content, whoever asks")
                #expect(view.json["excerpt"]?["rendered"] == "")
                #expect(view.json["content"]?["protected"] == true)
                let wrong = try await client.call("GET", "/wp-json/wp/v2/posts/\(id)?password=nope", as: login, site: site)
                #expect(wrong.status == 403)
                #expect(wrong.json["code"] == "rest_post_incorrect_password")
                let right = try await client.call("GET", "/wp-json/wp/v2/posts/\(id)?password=secret", as: login, site: site)
                #expect(right.json["content"]?["rendered"]?.stringValue?.contains("Hidden words") == true)
            }
            let edit = try await client.call("GET", "/wp-json/wp/v2/posts/\(id)?context=edit", as: "editor", site: site)
            #expect(edit.json["content"]?["rendered"]?.stringValue?.contains("Hidden words") == true)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts/1?password=x", site: site).status == 403,
                    "a password for a post that has none is wrong too")

            let search = try await client.call("GET", "/wp-json/wp/v2/search?search=Members", site: site)
            #expect(search.json.arrayValue?.isEmpty == true)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts?search=Members", site: site).json.arrayValue?.isEmpty == true)
            #expect(try await client.call("GET", "/wp-json/wp/v2/search?search=Members", as: "subscriber", site: site).json.arrayValue?.count == 1)
        }
    }

    /// The privacy policy page can be edited or deleted only by those who manage privacy options.
    @Test func thePrivacyPolicyPageIsTheAdministrators() async throws {
        try await TestSite.with { site, client in
            let edit = try await client.call("POST", "/wp-json/wp/v2/pages/3", as: "editor", site: site, json: ["title": "Mine now"])
            #expect(edit.status == 403)
            #expect(try await client.call("GET", "/wp-json/wp/v2/pages/3", as: "editor", site: site).status == 403, "a draft the editor may not edit")
            #expect(try await client.call("DELETE", "/wp-json/wp/v2/pages/3", as: "editor", site: site).status == 403)
            #expect(try await client.call("POST", "/wp-json/wp/v2/pages/3", as: "admin", site: site, json: ["title": "Policy"]).status == 200)
            #expect(try await client.call("POST", "/wp-json/wp/v2/pages/2", as: "editor", site: site, json: ["title": "Sample"]).status == 200)
        }
    }

    /// Search words match text, not patterns: `%` and `_` match only themselves.
    @Test func searchWildcardsAreLiteral() async throws {
        try await TestSite.with { site, client in
            for q in ["%", "_", "%25"] {
                let r = try await client.call("GET", "/wp-json/wp/v2/posts?search=\(q)", site: site)
                #expect(r.json.arrayValue?.isEmpty == true, "\(q) matched \(r.json.arrayValue?.count ?? -1) posts")
            }
            _ = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: ["title": "100% done", "status": "publish"])
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts?search=100%25", site: site).json.arrayValue?.count == 1)
        }
    }
}
