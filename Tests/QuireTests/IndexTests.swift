import Foundation
import QuireREST
import Testing

/// `GET /wp-json/` as WordPress shapes it, for the routes Quire has.
@Suite struct IndexTests {
    static func reference() throws -> JSON {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("index.json")
        return try JSONParser.parse(Array(try Data(contentsOf: url)))
    }

    @Test func indexHasWordPressTopLevelShape() async throws {
        let reference = try Self.reference()
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/", site: site)
            #expect(r.status == 200)
            #expect(r.json.objectValue?.keys == reference.objectValue?.keys)
            #expect(r.json["authentication"] == reference["authentication"])
            #expect(r.json["routes"]?["/"] == reference["routes"]?["/"])
            #expect(r.json["routes"]?["/batch/v1"] == reference["routes"]?["/batch/v1"])
            #expect(r.json["namespaces"]?.arrayValue?.contains("wp/v2") == true)
        }
    }

    @Test func postRoutesAreDescribedAsWordPressDescribesThem() async throws {
        let reference = try Self.reference()
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2", site: site)
            for route in ["/wp/v2/posts", "/wp/v2/pages"] {
                let ours = try #require(r.json["routes"]?[route])
                let theirs = try #require(reference["routes"]?[route])
                #expect(ours["methods"] == theirs["methods"])
                let ourEndpoints = ours["endpoints"]?.arrayValue ?? [], theirEndpoints = theirs["endpoints"]?.arrayValue ?? []
                #expect(ourEndpoints.count == theirEndpoints.count)
                for (a, b) in zip(ourEndpoints, theirEndpoints) {
                    #expect(a["methods"] == b["methods"])
                    #expect(a["args"]?.objectValue?.keys == b["args"]?.objectValue?.keys, "\(route) \(String(describing: a["methods"]))")
                }
                #expect(ours["_links"] == theirs["_links"])
            }
        }
    }
}
