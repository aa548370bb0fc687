import BookshelfPlugin
import Foundation
import QuireREST
import Testing

/// `GET /wp-json/quire/v1/openapi`: one operation for every route and method the server
/// has, with every argument, built from the same schemas the server validates with.
@Suite struct OpenAPITests {
    @Test func everyRouteAndArgumentIsDocumented() async throws {
        try await TestSite.with(plugins: [BookshelfPlugin()]) { site, client in
            let r = try await client.call("GET", "/wp-json/quire/v1/openapi", site: site)
            #expect(r.status == 200)
            #expect(r.json["openapi"]?.stringValue?.hasPrefix("3.1") == true)
            #expect(r.json["servers"]?[0]?["url"]?.stringValue == "\(TestSite.url)/wp-json")
            let paths = try #require(r.json["paths"]?.objectValue)
            // Posts: the path template, the id as a path parameter, list arguments in the query.
            let list = try #require(paths["/wp/v2/posts"]?["get"])
            let names = Set((list["parameters"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
            #expect(names.isSuperset(of: ["context", "page", "per_page", "search", "categories", "status", "orderby"]))
            let status = try #require(list["parameters"]?.arrayValue?.first { $0["name"] == "status" })
            #expect(status["style"] == nil || status["style"] == "form", "form, the default for the query")
            #expect(status["explode"] == false, "lists go comma-separated, as WordPress splits them")
            let item = try #require(paths["/wp/v2/posts/{id}"])
            #expect(item["get"]?["parameters"]?.arrayValue?.first { $0["in"] == "path" }?["schema"]?["pattern"] == #"^(?:[\d]+)$"#)
            // Writes take a JSON body with the resource's writable fields.
            let create = try #require(paths["/wp/v2/posts"]?["post"])
            let body = try #require(create["requestBody"]?["content"]?["application/json"]?["schema"]?["properties"]?.objectValue)
            #expect(body["title"] != nil && body["status"] != nil && body["categories"] != nil)
            #expect(create["responses"]?["2XX"]?["content"]?["application/json"]?["schema"]?["properties"]?["title"] != nil,
                    "a created post is described by the posts schema")
            let listed = paths["/wp/v2/posts"]?["get"]?["responses"]?["2XX"]?["content"]?["application/json"]?["schema"]
            #expect(listed?["anyOf"]?[0]?["items"]?["properties"]?["id"] != nil, "a list of posts")
            #expect(create["responses"]?["default"]?["content"]?["application/json"]?["schema"]?["$ref"] == "#/components/schemas/Error")
            // A draft-4 exclusive bound and a PHP list with holes come out as OpenAPI 3.1 reads them.
            let perPage = list["parameters"]?.arrayValue?.first { $0["name"] == "per_page" }
            #expect(perPage?["schema"]?["minimum"] == 1)
            // Every route the server answers is in the document, plugins' too; every method is an operation.
            for route in site.site.server.routes where route.endpoints.contains(where: { !$0.methods.isEmpty }) {
                let template = RoutePath(route.pattern).template
                let operations = try #require(paths[template]?.objectValue, "\(route.pattern) is missing as \(template)")
                for method in Set(route.endpoints.flatMap(\.methods)) {
                    #expect(operations[method.rawValue.lowercased()] != nil, "\(method) \(template)")
                }
            }
            #expect(paths["/bookshelf/v1/shelves"] != nil, "a plugin's routes are documented")
            // Left out of the discovery index, which lists what WordPress has.
            let index = try await client.call("GET", "/wp-json/", site: site)
            #expect(index.json["routes"]?["/quire/v1/openapi"] == nil)
            #expect(index.json["namespaces"]?.arrayValue?.contains("quire/v1") == false)
        }
    }
}
