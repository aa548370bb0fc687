import Foundation
import Quire
import QuireREST
import QuireWPV2
import Testing

/// Every resource's routes described as WordPress 6.1 describes them (OPTIONS: the schema, each
/// endpoint's arguments), for built-in types and for types a plugin registers, with what they
/// support deciding their fields and filters. Recorded by `compat/record_schemas.py` with the
/// same types registered in WordPress (`compat/schemas/quire-schema-types.php`).
@Suite(.serialized) struct SchemaTests {
    /// The post types and taxonomies of `quire-schema-types.php`.
    struct SchemaTypesPlugin: QuirePlugin {
        var name: String { "schema-types" }
        func register(_ site: inout PluginRegistrar) {
            site.registerPostType(PostType.custom(name: "book", label: "Books", singularLabel: "Book", restBase: "books",
                                                  supports: ["title", "editor", "excerpt", "author", "custom-fields", "revisions"],
                                                  taxonomies: ["genre"]))
            var chapter = PostType.custom(name: "chapter", label: "Chapters", singularLabel: "Chapter", hierarchical: true,
                                          supports: ["title", "page-attributes", "thumbnail", "comments", "trackbacks"])
            chapter.isPublic = false
            chapter.isViewable = false
            site.registerPostType(chapter)
            site.registerPostType(PostType.custom(name: "note", label: "Notes", singularLabel: "Note",
                                                  supports: ["title", "post-formats"], taxonomies: ["mood"]))
            site.registerTaxonomy(PostTypes.customTaxonomy(name: "genre", label: "Genres", singularLabel: "Genre", restBase: "genres",
                                                           hierarchical: true, types: ["book"]))
            site.registerTaxonomy(PostTypes.customTaxonomy(name: "mood", label: "Moods", singularLabel: "Mood", restBase: "moods",
                                                           types: ["post", "note"]))
        }
    }

    static let routes = ["posts", "pages", "books", "chapter", "note", "categories", "tags", "genres", "moods",
                         "taxonomies", "types", "comments", "media", "users", "themes", "search", "application-passwords",
                         "statuses", "menu-items", "menu-locations", "block-patterns", "block-renderer", "block-types", "global-styles",
                         "revisions", "templates"]

    static func fixture(_ route: String) throws -> JSONObject {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("schemas/\(route).json")
        return try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).objectValue)
    }

    /// Where two values with the same keys list them in another order, if anywhere.
    static func firstReordering(_ want: JSON, _ got: JSON, path: String) -> String? {
        switch (want, got) {
        case (.object(let a), .object(let b)):
            if a.keys != b.keys { return "\(path): \(b.keys), WordPress \(a.keys)" }
            for (k, v) in a { if let w = b[k], let place = firstReordering(v, w, path: "\(path).\(k)") { return place } }
        case (.array(let a), .array(let b)):
            for (i, pair) in zip(a, b).enumerated() { if let place = firstReordering(pair.0, pair.1, path: "\(path)[\(i)]") { return place } }
        default: break
        }
        return nil
    }

    @Test func everyRouteIsDescribedAsWordPressDescribesIt() async throws {
        try await TestSite.with(plugins: [SchemaTypesPlugin()], databases: [.sqlite]) { site, client in
            for route in Self.routes {
                for (path, want) in try Self.fixture(route) {
                    let r = try await client.call("OPTIONS", "/wp-json\(path)", as: "admin", site: site)
                    #expect(r.status == 200, "\(path)")
                    var got = r.json.objectValue ?? JSONObject()
                    got["_links"] = nil
                    let differences = CompatDiff.body(want, .object(got), path: path)
                    #expect(differences.isEmpty, "\(differences.prefix(60).joined(separator: "\n"))")
                    // Key for key, in WordPress's order: fields and arguments as a client lists them.
                    if differences.isEmpty, let place = Self.firstReordering(want, .object(got), path: path) {
                        Issue.record("\(place): the same keys in another order")
                    }
                }
            }
        }
    }

    /// The types and taxonomies listed as WordPress lists them, its own first, and the
    /// namespace's routes in WordPress's order.
    @Test func typesAreListedAsWordPressListsThem() async throws {
        let listings = try Self.fixture("listings")
        try await TestSite.with(plugins: [SchemaTypesPlugin()], databases: [.sqlite]) { site, client in
            for path in ["/wp/v2/types?context=edit", "/wp/v2/taxonomies?context=edit"] {
                let want = try #require(listings[path])
                var got = try await client.call("GET", "/wp-json\(path)", as: "admin", site: site).json
                if case .object(var o) = got {
                    for key in o.keys { if case .object(var item) = o[key] { item["_links"] = nil; o[key] = .object(item) } }
                    got = .object(o)
                }
                var expected = want
                if case .object(var o) = expected {
                    for key in o.keys { if case .object(var item) = o[key] { item["_links"] = nil; o[key] = .object(item) } }
                    expected = .object(o)
                }
                let differences = CompatDiff.body(expected, got, path: path)
                #expect(differences.isEmpty, "\(differences.prefix(60).joined(separator: "\n"))")
                #expect(got.objectValue?.keys == expected.objectValue?.keys, "\(path)")
            }
            let routes = try await client.call("GET", "/wp-json/wp/v2", site: site).json["routes"]?.objectValue?.keys ?? []
            let theirs = (listings["/wp/v2 routes"]?.arrayValue ?? []).compactMap(\.stringValue)
            // Quire serves some of WordPress's routes; those it serves come in WordPress's order.
            let shared = Set(routes).intersection(theirs)
            #expect(routes.filter(shared.contains) == theirs.filter(shared.contains))
        }
    }
}
