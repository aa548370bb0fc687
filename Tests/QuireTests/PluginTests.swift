import BookshelfPlugin
import Quire
import QuireREST
import QuireStore
import QuireWPV2
import Testing

/// The example plugin's registrations, each seen over HTTP, in the index and in OPTIONS.
@Suite struct PluginTests {
    static let plugins: [any QuirePlugin] = [BookshelfPlugin()]

    @Test func customPostTypeWithMetaTaxonomyAndField() async throws {
        try await TestSite.with(plugins: Self.plugins) { site, client in
            let genre = try await client.call("POST", "/wp-json/wp/v2/genres", as: "editor", site: site, json: ["name": "Science Fiction"])
            #expect(genre.status == 201)
            let genreID = try #require(genre.json["id"]?.intValue)
            #expect(genre.json["link"] == "http://127.0.0.1:8080/genre/science-fiction/")

            let book = try await client.call("POST", "/wp-json/wp/v2/books", as: "author", site: site, json: [
                "title": "Dune", "content": "A desert planet.", "status": "publish", "meta": ["isbn": "9780441013593"],
                "genres": [.int(genreID)],
            ])
            #expect(book.status == 201)
            #expect(book.json["type"] == "book")
            #expect(book.json["meta"] == ["isbn": "9780441013593"])
            #expect(book.json["genres"] == [.int(genreID)])
            #expect(book.json["reading_time"] == 1)
            #expect(book.json["categories"] == nil, "books have no categories")
            #expect(book.json["_links"]?["wp:term"]?[0]?["taxonomy"] == "genre")
            let id = try #require(book.json["id"]?.intValue)

            let list = try await client.call("GET", "/wp-json/wp/v2/books?genres=\(genreID)", site: site)
            #expect(list.json.arrayValue?.compactMap { $0["id"]?.intValue } == [id])
            #expect(list.json[0]?["meta"]?["isbn"] == "9780441013593")
            let fields = try await client.call("GET", "/wp-json/wp/v2/books/\(id)?_fields=id,reading_time", site: site)
            #expect(fields.json.objectValue?.keys == ["id", "reading_time"])
            let badISBN = try await client.call("POST", "/wp-json/wp/v2/books/\(id)", as: "author", site: site, json: ["meta": ["isbn": "12"]])
            #expect(badISBN.status == 400)
            #expect(badISBN.json["code"] == "rest_invalid_param")
            #expect(try await client.call("GET", "/wp-json/wp/v2/genres?post=\(id)", site: site).json[0]?["id"] == .int(genreID))
            // Moving to the trash answers with the post as `prepare_item_for_response` makes it, fields included.
            let trashed = try await client.call("DELETE", "/wp-json/wp/v2/books/\(id)", as: "author", site: site)
            #expect(trashed.json["status"] == "trash")
            #expect(trashed.json["reading_time"] == 1)
            #expect(try await client.call("POST", "/wp-json/wp/v2/books/\(id)", as: "author", site: site,
                                          json: ["status": "publish"]).status == 200)

            let types = try await client.call("GET", "/wp-json/wp/v2/types/book", site: site)
            #expect(types.json["rest_base"] == "books")
            #expect(types.json["taxonomies"] == ["genre"])
            let taxonomy = try await client.call("GET", "/wp-json/wp/v2/taxonomies/genre", site: site)
            #expect(taxonomy.json["types"] == ["book"])
            #expect(taxonomy.json["hierarchical"] == true)
            let options = try await client.call("OPTIONS", "/wp-json/wp/v2/books", site: site)
            #expect(options.json["schema"]?["properties"]?["meta"]?["properties"]?["isbn"]?["type"] == "string")
            #expect(options.json["schema"]?["properties"]?["reading_time"]?["readonly"] == true)
            #expect(options.json["schema"]?["properties"]?["genres"]?["type"] == "array")
        }
    }

    /// A taxonomy whose terms only administrators may make or give posts.
    struct ShelvesPlugin: QuirePlugin {
        var name: String { "shelves" }
        func register(_ site: inout PluginRegistrar) {
            var shelf = PostTypes.customTaxonomy(name: "shelf", label: "Shelves", singularLabel: "Shelf", restBase: "shelves",
                                                 hierarchical: false, types: ["post"])
            shelf.capabilities = TaxonomyCapabilities(manageTerms: .manageOptions, editTerms: .manageOptions,
                                                      deleteTerms: .manageOptions, assignTerms: .manageOptions)
            site.registerTaxonomy(shelf)
        }
    }

    /// A post's action links name a taxonomy's terms only for those its own capabilities let
    /// create and assign them (`assign_terms` for a flat taxonomy), as `get_available_actions` does.
    @Test func actionLinksFollowATaxonomysOwnCapabilities() async throws {
        try await TestSite.with(plugins: [ShelvesPlugin()]) { site, client in
            let post = try await client.call("POST", "/wp-json/wp/v2/posts", as: "editor", site: site, json: ["title": "Shelved", "status": "publish"])
            let id = try #require(post.json["id"]?.intValue)
            func rels(_ login: String) async throws -> Set<String> {
                let r = try await client.call("GET", "/wp-json/wp/v2/posts/\(id)?context=edit", as: login, site: site)
                return Set(r.json["_links"]?.objectValue?.keys ?? [])
            }
            let editor = try await rels("editor"), admin = try await rels("admin")
            #expect(editor.contains("wp:action-assign-tags") && editor.contains("wp:action-create-tags"))
            #expect(!editor.contains("wp:action-assign-shelves") && !editor.contains("wp:action-create-shelves"))
            #expect(admin.contains("wp:action-assign-shelves") && admin.contains("wp:action-create-shelves"))
            let shelf = try await client.call("POST", "/wp-json/wp/v2/shelves", as: "admin", site: site, json: ["name": "Top"])
            let shelfID = try #require(shelf.json["id"]?.intValue)
            #expect(try await client.call("POST", "/wp-json/wp/v2/shelves", as: "editor", site: site, json: ["name": "Low"]).status == 403)
            let assigned = try await client.call("POST", "/wp-json/wp/v2/posts/\(id)", as: "editor", site: site, json: ["shelves": [.int(shelfID)]])
            #expect(assigned.status == 403)
            #expect(assigned.json["code"] == "rest_cannot_assign_term")
            let byAdmin = try await client.call("POST", "/wp-json/wp/v2/posts/\(id)", as: "admin", site: site, json: ["shelves": [.int(shelfID)]])
            #expect(byAdmin.json["shelves"] == [.int(shelfID)], "\(byAdmin.status) \(byAdmin.json.objectValue?.keys ?? [])")
        }
    }

    @Test func metaAndFieldsOnTermsUsersAndComments() async throws {
        try await TestSite.with(plugins: Self.plugins) { site, client in
            let genre = try await client.call("POST", "/wp-json/wp/v2/genres", as: "editor", site: site,
                                              json: ["name": "Poetry", "meta": ["color": "#aa0000"]])
            #expect(genre.json["meta"] == ["color": "#aa0000"])
            let genreID = try #require(genre.json["id"]?.intValue)
            #expect(try await client.call("GET", "/wp-json/wp/v2/genres/\(genreID)", site: site).json["meta"] == ["color": "#aa0000"])
            let badColor = try await client.call("POST", "/wp-json/wp/v2/genres/\(genreID)", as: "editor", site: site, json: ["meta": ["color": "red"]])
            #expect(badColor.json["code"] == "rest_invalid_param")
            #expect(try await client.call("GET", "/wp-json/wp/v2/categories/1", site: site).json["meta"] == .array([]), "only genres have it")

            let me = try await client.call("POST", "/wp-json/wp/v2/users/me", as: "author", site: site, json: ["meta": ["favorite_genre": .int(genreID)]])
            #expect(me.json["meta"]?["favorite_genre"] == .int(genreID))
            #expect(me.json["meta"]?["persisted_preferences"] != nil)

            let comment = try await client.call("POST", "/wp-json/wp/v2/comments", as: "editor", site: site,
                                                json: ["post": 1, "content": "Lovely", "meta": ["rating": 4]])
            #expect(comment.json["meta"] == ["rating": 4])
            #expect(comment.json["stars"] == "★★★★")
            let tooMany = try await client.call("POST", "/wp-json/wp/v2/comments", as: "editor", site: site,
                                                json: ["post": 1, "content": "Too lovely", "meta": ["rating": 9]])
            // As `WP_REST_Meta_Fields::update_value` answers: the value's own error, with status 400.
            #expect(tooMany.status == 400)
            #expect(tooMany.json["code"] == "rest_out_of_bounds")
            #expect(tooMany.json["data"] == ["status": 400])
            let options = try await client.call("OPTIONS", "/wp-json/wp/v2/comments", site: site)
            #expect(options.json["schema"]?["properties"]?["stars"]?["readonly"] == true)
            #expect(options.json["schema"]?["properties"]?["meta"]?["properties"]?["rating"]?["maximum"] == 5)
        }
    }

    @Test func rejectedInsertLeavesNothing() async throws {
        try await TestSite.with(plugins: Self.plugins) { site, client in
            let r = try await client.call("POST", "/wp-json/wp/v2/books", as: "admin", site: site, json: ["content": "No title"])
            #expect(r.status == 400)
            #expect(r.json["code"] == "bookshelf_title_required")
            var q = PostQuery()
            q.types = ["book"]
            q.statuses = [.publish, .draft, .pending, .private, .future]
            #expect(try await site.store.posts(q).total == 0)
        }
    }

    @Test func namespaceRoutesAndController() async throws {
        try await TestSite.with(plugins: Self.plugins) { site, client in
            let index = try await client.call("GET", "/wp-json/", site: site)
            #expect(index.json["namespaces"]?.arrayValue?.contains("bookshelf/v1") == true)
            #expect(index.json["routes"]?["/bookshelf/v1/author/(?P<id>\\d+)"]?["endpoints"]?[0]?["args"]?["id"]?["minimum"] == 1)
            let ns = try await client.call("GET", "/wp-json/bookshelf/v1", site: site)
            #expect(ns.json["namespace"] == "bookshelf/v1")

            let bad = try await client.call("GET", "/wp-json/bookshelf/v1/author/0", site: site)
            #expect(bad.status == 400)
            #expect(bad.json["code"] == "rest_invalid_param")
            #expect(bad.json["data"]?["params"]?["id"] == "id must be greater than or equal to 1")
            let none = try await client.call("GET", "/wp-json/bookshelf/v1/author/1", site: site)
            #expect(none.json["code"] == "no_author")

            _ = try await client.call("POST", "/wp-json/wp/v2/books", as: "author", site: site, json: ["title": "B", "status": "publish"])
            _ = try await client.call("POST", "/wp-json/wp/v2/books", as: "author", site: site, json: ["title": "A", "status": "publish"])
            let authorID = site.credentials["author"]!.id
            #expect(try await client.call("GET", "/wp-json/bookshelf/v1/author/\(authorID)", site: site).json == "A")
            let shelves = try await client.call("GET", "/wp-json/bookshelf/v1/shelves", site: site)
            #expect(shelves.header("X-WP-Total") == "1")
            #expect(shelves.json[0]?["books"] == ["A", "B"])
            let shelf = try await client.call("GET", "/wp-json/bookshelf/v1/shelves/\(authorID)?_fields=name&_embed", site: site)
            #expect(shelf.json["name"] == .string("author"))
            #expect(shelf.json["_embedded"]?["author"]?[0]?["slug"] == "author")
            let edit = try await client.call("GET", "/wp-json/bookshelf/v1/shelves/\(authorID)?context=edit", site: site)
            #expect(edit.json["code"] == "rest_forbidden_context")
        }
    }

    /// A controller whose permission checks throw: a `RESTError` is answered as itself, any
    /// other error as a 500 `rest_internal_error` (never a 404 or a refusal), and `Allow`
    /// leaves out what a failing check guards.
    struct Failing: QuirePlugin, RESTController {
        struct StorageDown: Error {}
        let name = "failing"
        var namespace: String { "failing/v1" }
        var base: String { "things" }
        var operations: [RESTOperation] { [.list, .read, .delete] }
        var schema: JSONObject { Schema.resource("thing", [("id", Schema("Its id.", .integer).context(.view).readonly())]) }
        func register(_ site: inout PluginRegistrar) { site.register(self) }
        func listPermission(_ r: RESTRequest) async throws -> Permission {
            throw RESTError("failing_refused", "Refused by a thrown error.", status: 409)
        }
        func deletePermission(_ r: RESTRequest) async throws -> Permission { throw StorageDown() }
        func read(_ r: RESTRequest) async throws -> RESTResponse { RESTResponse(r.shaped(["id": .int(r.integer("id") ?? 0)], by: ContextPlan(schema))) }
    }

    @Test func permissionChecksMayThrow() async throws {
        try await TestSite.with(roleUsers: false, plugins: [Failing()]) { site, client in
            let refused = try await client.call("GET", "/wp-json/failing/v1/things", site: site)
            #expect(refused.status == 409)
            #expect(refused.json == ["code": "failing_refused", "message": "Refused by a thrown error.", "data": ["status": 409]])
            let failed = try await client.call("DELETE", "/wp-json/failing/v1/things/3", as: "admin", site: site)
            #expect(failed.status == 500)
            #expect(failed.json["code"] == "rest_internal_error")
            let read = try await client.call("GET", "/wp-json/failing/v1/things/3", site: site)
            #expect(read.json == ["id": 3])
            #expect(read.header("Allow") == "GET")
            let options = try await client.call("OPTIONS", "/wp-json/failing/v1/things/3", site: site)
            #expect(options.json["methods"] == ["GET", "DELETE"])
            #expect(options.json["endpoints"]?[1]?["args"]?["force"]?["type"] == "boolean")
        }
    }

    struct Maintenance: QuirePlugin {
        let name = "maintenance"
        func register(_ site: inout PluginRegistrar) {
            site.beforeDispatch { r in
                r.route.hasPrefix("/wp/v2/comments") ? RESTResponse(error: RESTError("closed", "Comments are paused.", status: 503)) : nil
            }
            site.afterDispatch { response, _ in
                var out = response
                out.header("X-Powered-By-Plugin", "maintenance")
                return out
            }
        }
    }

    @Test func dispatchHooks() async throws {
        try await TestSite.with(plugins: [Maintenance()]) { site, client in
            let paused = try await client.call("GET", "/wp-json/wp/v2/comments", site: site)
            #expect(paused.status == 503)
            #expect(paused.json["code"] == "closed")
            #expect(paused.header("X-Powered-By-Plugin") == "maintenance", "after-dispatch hooks see every answer")
            let posts = try await client.call("GET", "/wp-json/wp/v2/posts", site: site)
            #expect(posts.status == 200)
            #expect(posts.header("X-Powered-By-Plugin") == "maintenance")
        }
    }

    /// Refuses every write (a batch is let through, its items are not), and stamps each answer
    /// with the route it was asked for.
    struct ReadOnlyStamp: RESTMiddleware {
        func respond(to request: RESTRequest, next: RESTMiddlewareNext) async -> RESTResponse {
            if ![RequestMethod.get, .head, .options].contains(request.method) && request.route != "/batch/v1" {
                return RESTResponse(error: RESTError("read_only", "This site is read-only.", status: 405))
            }
            var response = await next(request)
            response.header("X-Stamp", request.route)
            return response
        }
    }

    struct ReadOnlyPlugin: QuirePlugin {
        let name = "read-only"
        func register(_ site: inout PluginRegistrar) { site.use(ReadOnlyStamp()) }
    }

    /// A plugin's middleware runs around every route: for a client's request, for each item of a
    /// batch, and for each embedded link (whose answer it may change).
    @Test func middlewareRunsAroundEveryRequest() async throws {
        try await TestSite.with(plugins: [ReadOnlyPlugin()]) { site, client in
            let posts = try await client.call("GET", "/wp-json/wp/v2/posts?_embed=author", site: site)
            #expect(posts.status == 200)
            #expect(posts.header("X-Stamp") == "/wp/v2/posts")
            #expect(posts.json[0]?["_embedded"]?["author"]?[0]?["name"] != nil)

            let write = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: ["title": "No"])
            #expect(write.status == 405)
            #expect(write.json["code"] == "read_only")

            let batch = try await client.call("POST", "/wp-json/batch/v1", as: "admin", site: site, json: ["requests": [
                ["path": "/wp/v2/posts", "body": ["title": "No either"]],
            ]])
            #expect(batch.status == 207)
            #expect(batch.json["responses"]?[0]?["status"] == 405)
            #expect(batch.json["responses"]?[0]?["body"]?["code"] == "read_only")
            #expect(batch.json["responses"]?[0]?["headers"]?["X-Stamp"] == nil, "a refused item is not stamped")
            #expect(try await client.call("GET", "/wp-json/wp/v2/posts?search=No", site: site).json == .array([]))
        }
    }
}
