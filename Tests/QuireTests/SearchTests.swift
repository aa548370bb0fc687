import QuireREST
import Testing

/// `/wp/v2/search` over posts, terms and post formats.
@Suite struct SearchTests {
    @Test func searchesPostsTermsAndFormats() async throws {
        try await TestSite.with(roleUsers: false) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            let terms = try await client.call("GET", "/wp-json/wp/v2/search?type=term&search=re", site: site)
            #expect(terms.json.arrayValue?.compactMap { $0["title"]?.stringValue } == ["Releases", "REST API", "WordPress"])
            #expect(terms.json[0]?["url"] == "http://127.0.0.1:8080/category/releases/")
            let pages = try await client.call("GET", "/wp-json/wp/v2/search?search=team&subtype=page", site: site)
            #expect(pages.json.arrayValue?.compactMap { $0["id"]?.intValue } == [17])
            #expect(pages.json[0]?["url"] == "http://127.0.0.1:8080/about/team/", "a child page's address names its parent")
            let embedded = try await client.call("GET", "/wp-json/wp/v2/search?search=release&_embed", site: site)
            #expect(embedded.json[0]?["_embedded"]?["self"]?[0]?["id"] == 13)
            #expect(embedded.json[0]?["_embedded"]?["self"]?[0]?["title"]?["rendered"] == "Release 1.1")
            _ = try await client.call("POST", "/wp-json/wp/v2/posts/13", as: "admin", site: site, json: ["format": "aside"])
            let formats = try await client.call("GET", "/wp-json/wp/v2/search?type=post-format", site: site)
            #expect(formats.json == [["id": "aside", "title": "Aside", "url": "http://127.0.0.1:8080/type/aside/", "type": "post-format",
                                      "subtype": "aside", "_links": ["collection": [["href": "http://127.0.0.1:8080/wp-json/wp/v2/search"]]]]])
            let bad = try await client.call("GET", "/wp-json/wp/v2/search?type=user", site: site)
            #expect(bad.json["code"] == "rest_invalid_param")
        }
    }
}
