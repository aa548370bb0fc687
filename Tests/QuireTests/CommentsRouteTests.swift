import Foundation
import Quire
import QuireREST
import Testing

/// Comments: who may post, see and moderate them; filters; counts.
@Suite struct CommentsRouteTests {
    /// As in WordPress, visitors who are not signed in may not comment through the API, nor may a
    /// wrong password; naming another user as the author is refused as well.
    @Test func visitorsMayNotCommentByDefault() async throws {
        try await TestSite.with { site, client in
            let body: JSON = ["post": 1, "content": "Nice post", "author_name": "Visitor", "author_email": "visitor@example.com"]
            let anon = try await client.call("POST", "/wp-json/wp/v2/comments", site: site, json: body)
            #expect(anon.status == 401)
            #expect(anon.json["code"] == "rest_comment_login_required")
            let asEditor = try await client.call("POST", "/wp-json/wp/v2/comments", site: site,
                                                 json: ["post": 1, "content": "Signed as the editor", "author": .int(site.credentials["editor"]!.id)])
            #expect(asEditor.status == 401)
            let wrong = try await client.call("POST", "/wp-json/wp/v2/comments", site: site, json: body,
                                              headers: [("Authorization", "Basic " + Data("admin:abcd efgh ijkl mnop qrst uvwx".utf8).base64EncodedString())])
            #expect(wrong.status == 401)
            let forged = try await client.call("POST", "/wp-json/wp/v2/comments", as: "subscriber", site: site,
                                               json: ["post": 1, "content": "As the editor", "author": .int(site.credentials["editor"]!.id)])
            #expect(forged.status == 403)
            #expect(forged.json["code"] == "rest_comment_invalid_author")
            let list = try await client.call("GET", "/wp-json/wp/v2/comments?context=edit&status=all", as: "admin", site: site)
            #expect(list.json.arrayValue?.count == 1, "only the install's comment is there")
        }
    }

    struct AnonymousComments: QuirePlugin {
        var name: String { "anonymous-comments" }
        func register(_ site: inout PluginRegistrar) { site.allowAnonymousComments { _ in true } }
    }

    @Test func anonymousCommentsFollowTheDiscussionSettings() async throws {
        try await TestSite.with(plugins: [AnonymousComments()]) { site, client in
            let body: JSON = ["post": 1, "content": "Nice post", "author_name": "Visitor", "author_email": "visitor@example.com"]
            let first = try await client.call("POST", "/wp-json/wp/v2/comments", site: site, json: body)
            #expect(first.status == 201)
            #expect(first.json["status"] == "hold", "a first comment waits for moderation")
            let dup = try await client.call("POST", "/wp-json/wp/v2/comments", site: site, json: body)
            #expect(dup.status == 409)
            #expect(dup.json["code"] == "comment_duplicate")
            let noAuthor = try await client.call("POST", "/wp-json/wp/v2/comments", site: site, json: ["post": 1, "content": "Who am I"])
            #expect(noAuthor.json["code"] == "rest_comment_author_data_required")
            let empty = try await client.call("POST", "/wp-json/wp/v2/comments", site: site,
                                              json: ["post": 1, "content": "", "author_name": "A", "author_email": "a@example.com"])
            #expect(empty.json["code"] == "rest_comment_content_invalid")
            let noPost = try await client.call("POST", "/wp-json/wp/v2/comments", site: site, json: ["content": "x"])
            #expect(noPost.json["code"] == "rest_comment_invalid_post_id")
            let setStatus = try await client.call("POST", "/wp-json/wp/v2/comments", site: site,
                                                  json: ["post": 1, "content": "y", "author_name": "A", "author_email": "a@example.com", "status": "approved"])
            #expect(setStatus.json["code"] == "rest_comment_invalid_status")

            try await site.store.setOptions([("comment_registration", 1)])
            let login = try await client.call("POST", "/wp-json/wp/v2/comments", site: site, json: body)
            #expect(login.status == 401)
            #expect(login.json["code"] == "rest_comment_login_required")
        }
    }

    @Test func closedPostsAndModeration() async throws {
        try await TestSite.with { site, client in
            _ = try await client.call("POST", "/wp-json/wp/v2/posts/1", as: "admin", site: site, json: ["comment_status": "closed"])
            let closed = try await client.call("POST", "/wp-json/wp/v2/comments", as: "subscriber", site: site, json: ["post": 1, "content": "Hi"])
            #expect(closed.status == 403)
            #expect(closed.json["code"] == "rest_comment_closed")
            _ = try await client.call("POST", "/wp-json/wp/v2/posts/1", as: "admin", site: site, json: ["comment_status": "open"])

            let held = try await client.call("POST", "/wp-json/wp/v2/comments", as: "subscriber", site: site, json: ["post": 1, "content": "Hi"])
            let id = try #require(held.json["id"]?.intValue)
            #expect(held.json["status"] == "hold")
            #expect(held.json["author"] == .int(site.credentials["subscriber"]!.id))
            // Held comments are hidden from the public and the post's count.
            #expect(try await client.call("GET", "/wp-json/wp/v2/comments/\(id)", site: site).status == 401)
            #expect(try await client.call("GET", "/wp-json/wp/v2/comments?post=1", site: site).json.arrayValue?.count == 1)
            #expect(try await client.call("GET", "/wp-json/wp/v2/comments?status=hold", site: site).json["code"] == "rest_forbidden_param")
            #expect(try await client.call("GET", "/wp-json/wp/v2/comments?context=edit", as: "author", site: site).json["code"] == "rest_forbidden_context")

            // Only moderators approve.
            let notMod = try await client.call("POST", "/wp-json/wp/v2/comments/\(id)", as: "author", site: site, json: ["status": "approved"])
            #expect(notMod.status == 403)
            let approved = try await client.call("POST", "/wp-json/wp/v2/comments/\(id)", as: "editor", site: site, json: ["status": "approved"])
            #expect(approved.json["status"] == "approved")
            #expect(try await site.store.post(id: 1)?.commentCount == 2)
            let reply = try await client.call("POST", "/wp-json/wp/v2/comments", as: "editor", site: site,
                                              json: ["post": 1, "parent": .int(id), "content": "Welcome!"])
            #expect(reply.json["status"] == "approved")
            #expect(reply.json["_links"]?["in-reply-to"]?[0]?["href"] == .string("http://127.0.0.1:8080/wp-json/wp/v2/comments/\(id)"))
            let parentNow = try await client.call("GET", "/wp-json/wp/v2/comments/\(id)", site: site)
            #expect(parentNow.json["_links"]?["children"] != nil)
            #expect(try await client.call("GET", "/wp-json/wp/v2/comments?parent=\(id)", site: site).json.arrayValue?.count == 1)

            // Trash, the repeat error, restore, delete; the count follows.
            let trashed = try await client.call("DELETE", "/wp-json/wp/v2/comments/\(id)", as: "editor", site: site)
            #expect(trashed.json["status"] == "trash")
            #expect(try await site.store.post(id: 1)?.commentCount == 2)
            #expect(try await client.call("DELETE", "/wp-json/wp/v2/comments/\(id)", as: "editor", site: site).json["code"] == "rest_already_trashed")
            _ = try await client.call("POST", "/wp-json/wp/v2/comments/\(id)", as: "editor", site: site, json: ["status": "approved"])
            #expect(try await site.store.post(id: 1)?.commentCount == 3)
            let gone = try await client.call("DELETE", "/wp-json/wp/v2/comments/\(id)?force=true", as: "admin", site: site)
            #expect(gone.json["deleted"] == true)
            #expect(try await site.store.post(id: 1)?.commentCount == 2)
            #expect(try await client.call("DELETE", "/wp-json/wp/v2/comments/1", as: "subscriber", site: site).json["code"] == "rest_cannot_delete")
        }
    }

    @Test func listFilters() async throws {
        try await TestSite.with(roleUsers: false) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            func ids(_ q: String, as user: String? = nil) async throws -> [Int] {
                try await client.call("GET", "/wp-json/wp/v2/comments?\(q)", as: user, site: site).json.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            }
            #expect(try await ids("") == [5, 4, 3, 2, 1])
            #expect(try await ids("post=4") == [4, 3, 2])
            #expect(try await ids("parent=3") == [4])
            #expect(try await ids("parent_exclude=0") == [4])
            #expect(try await ids("order=asc&orderby=id") == [1, 2, 3, 4, 5])
            #expect(try await ids("search=benchmark") == [5])
            #expect(try await ids("after=2024-01-03T00:00:00") == [5, 4, 3])
            #expect(try await ids("before=2024-01-03T00:00:00") == [2, 1])
            #expect(try await ids("include=1,5&exclude=5") == [1])
            #expect(try await ids("author=2", as: "editor") == [2])
            #expect(try await ids("author_exclude=0", as: "editor") == [4, 2])
            #expect(try await ids("author_email=bob@example.com", as: "editor") == [5])
            #expect(try await ids("status=hold", as: "editor") == [6])
            #expect(try await ids("status=all&per_page=2", as: "admin") == [6, 5])
            #expect(try await ids("author=2").isEmpty)
        }
    }
}
