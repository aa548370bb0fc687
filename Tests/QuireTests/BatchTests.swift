import QuireREST
import Testing

/// `/batch/v1`: validation modes, the request limit, mixed results and permissions.
@Suite struct BatchTests {
    @Test func normalModeRunsEachRequest() async throws {
        try await TestSite.with { site, client in
            let r = try await client.call("POST", "/wp-json/batch/v1", as: "author", site: site, json: ["requests": [
                ["path": "/wp/v2/posts", "body": ["title": "One", "status": "publish"]],
                ["path": "/wp/v2/posts", "body": ["title": "Two", "status": "nope"]],
                ["method": "DELETE", "path": "/wp/v2/posts/1?force=true"],
                ["path": "/wp/v2/settings", "body": ["title": "x"]],
                ["method": "PATCH", "path": "/wp/v2/nowhere"],
            ]])
            #expect(r.status == 207)
            let responses = try #require(r.json["responses"]?.arrayValue)
            #expect(responses.map { $0["status"]?.intValue } == [201, 400, 403, 400, 404])
            #expect(responses[0]["body"]?["title"]?["raw"] == "One")
            #expect(responses[1]["body"]?["code"] == "rest_invalid_param")
            #expect(responses[2]["body"]?["code"] == "rest_cannot_delete", "the author may not delete the administrator's post")
            #expect(responses[3]["body"]?["code"] == "rest_batch_not_allowed")
            #expect(responses[4]["body"]?["code"] == "rest_no_route")
            #expect(try await site.store.post(id: 1) != nil)
        }
    }

    @Test func requireAllValidateRunsNothingWhenOneFails() async throws {
        try await TestSite.with { site, client in
            let before = try await client.call("GET", "/wp-json/wp/v2/posts", site: site).header("X-WP-Total")
            let r = try await client.call("POST", "/wp-json/batch/v1", as: "admin", site: site, json: [
                "validation": "require-all-validate",
                "requests": [
                    ["path": "/wp/v2/posts", "body": ["title": "Would be created", "status": "publish"]],
                    ["path": "/wp/v2/posts", "body": ["title": "Bad", "author": "nobody"]],
                ],
            ])
            #expect(r.status == 207)
            #expect(r.json["failed"] == "validation")
            #expect(r.json["responses"]?[0] == .null)
            #expect(r.json["responses"]?[1]?["status"] == 400)
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts", site: site).header("X-WP-Total") == before)
        }
    }

    @Test func atMostTwentyFiveRequests() async throws {
        try await TestSite.with { site, client in
            let many = JSON.array(Array(repeating: ["path": "/wp/v2/posts", "body": ["title": "x"]], count: 26))
            let r = try await client.call("POST", "/wp-json/batch/v1", as: "admin", site: site, json: ["requests": many])
            #expect(r.status == 400)
            #expect(r.json["data"]?["params"]?["requests"] == "requests must contain at most 25 items.")
            let anon = try await client.call("POST", "/wp-json/batch/v1", site: site, json: ["requests": [["path": "/wp/v2/posts", "body": ["title": "x"]]]])
            #expect(anon.json["responses"]?[0]?["status"] == 401)
        }
    }
}
