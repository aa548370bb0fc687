import QuireREST
import Testing

/// Every role through create, read, update and delete of its own and others' posts.
@Suite struct PostPermissionsTests {
    /// role → (may create a draft, may publish, may edit others' published, may delete others', may read others' private)
    static let table: [(String, Bool, Bool, Bool, Bool, Bool)] = [
        ("administrator", true, true, true, true, true),
        ("editor", true, true, true, true, true),
        ("author", true, true, false, false, false),
        ("contributor", true, false, false, false, false),
        ("subscriber", false, false, false, false, false),
    ]

    @Test(arguments: table.map(\.0))
    func roleWalkThrough(_ role: String) async throws {
        let expected = Self.table.first(where: { $0.0 == role })!
        try await TestSite.with { site, client in
            let login = role == "administrator" ? "admin" : role
            // Someone else's posts: a published one and a private one by the administrator.
            let others = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                               json: ["title": "Admin post", "status": "publish"]).json["id"]!.intValue!
            let privateID = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site,
                                                  json: ["title": "Admin private", "status": "private"]).json["id"]!.intValue!

            let draft = try await client.call("POST", "/wp-json/wp/v2/posts", as: login, site: site, json: ["title": "Own draft"])
            #expect((draft.status == 201) == expected.1, "\(role) create draft: \(draft.status)")
            let publish = try await client.call("POST", "/wp-json/wp/v2/posts", as: login, site: site,
                                                json: ["title": "Own published", "status": "publish"])
            #expect((publish.status == 201) == expected.2, "\(role) publish: \(publish.status)")

            if let own = draft.json["id"]?.intValue {
                #expect(try await client.call("GET", "/wp-json/wp/v2/posts/\(own)?context=edit", as: login, site: site).status == 200)
                #expect(try await client.call("POST", "/wp-json/wp/v2/posts/\(own)", as: login, site: site, json: ["title": "Edited"]).status == 200)
                #expect(try await client.call("GET", "/wp-json/wp/v2/posts/\(own)", site: site).status == 401, "a draft is not public")
                #expect(try await client.call("DELETE", "/wp-json/wp/v2/posts/\(own)", as: login, site: site).status == 200)
            }

            let edit = try await client.call("POST", "/wp-json/wp/v2/posts/\(others)", as: login, site: site, json: ["title": "Taken"])
            #expect((edit.status == 200) == expected.3, "\(role) edit others: \(edit.status)")
            if !expected.3 { #expect(edit.json["code"] == "rest_cannot_edit") }

            let read = try await client.call("GET", "/wp-json/wp/v2/posts/\(privateID)", as: login, site: site)
            #expect((read.status == 200) == expected.5, "\(role) read others' private: \(read.status)")

            let delete = try await client.call("DELETE", "/wp-json/wp/v2/posts/\(others)", as: login, site: site)
            #expect((delete.status == 200) == expected.4, "\(role) delete others: \(delete.status)")
            if !expected.4 {
                #expect(delete.status == 403)
                #expect(delete.json["code"] == "rest_cannot_delete")
            }
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts/\(others)", site: site).status == (expected.4 ? 401 : 200))
        }
    }
}
