import Quire
import QuireREST
import QuireStore
import QuireWPV2

/// An example plugin, doing what the Plugin Handbook's REST API chapter walks through:
/// a `book` post type with an `isbn` meta field and a `genre` taxonomy, a `reading_time`
/// field, and a `bookshelf/v1` namespace with a validated route and a controller.
public struct BookshelfPlugin: QuirePlugin {
    public let name = "bookshelf"

    public init() {}

    public func register(_ site: inout PluginRegistrar) {
        site.registerTaxonomy(PostTypes.customTaxonomy(name: "genre", label: "Genres", singularLabel: "Genre",
                                                       restBase: "genres", hierarchical: true, types: ["book"]))
        site.registerPostType(PostType.custom(name: "book", label: "Books", singularLabel: "Book", restBase: "books",
                                              supports: ["title", "editor", "excerpt", "author", "custom-fields", "revisions"],
                                              taxonomies: ["genre"], icon: "dashicons-book"))
        site.registerPostMeta("book", RegisteredMeta(key: "isbn", type: "string", defaultValue: "",
                                                     schema: ["pattern": "^(\\d{10}|\\d{13})?$"]))
        site.registerField("book", RESTField(
            name: "reading_time",
            schema: ["description": "Minutes needed to read the book's description.", "type": "integer",
                     "context": ["view", "edit"], "readonly": true],
            get: { object, _, _ in
                let text = object["content"]?["rendered"]?.stringValue ?? ""
                let words = PHPText.stripAllTags(text).split(whereSeparator: { $0 == " " || $0 == "\n" }).count
                return .int(max(1, (words + 199) / 200))
            }))
        // Meta and fields on the other object types: a colour per genre, a reader's favourite
        // genre, a rating per comment and the stars it shows as.
        site.registerTermMeta("genre", RegisteredMeta(key: "color", type: "string", defaultValue: "", schema: ["format": "hex-color"]))
        site.registerUserMeta(RegisteredMeta(key: "favorite_genre", type: "integer", defaultValue: 0))
        site.registerCommentMeta(RegisteredMeta(key: "rating", type: "integer", defaultValue: 0, schema: ["minimum": 0, "maximum": 5]))
        site.registerField("comment", RESTField(
            name: "stars", schema: ["description": "The rating as stars.", "type": "string", "context": ["view", "edit"], "readonly": true],
            get: { object, _, _ in .string(String(repeating: "★", count: object["meta"]?["rating"]?.intValue ?? 0)) }))
        // Books need a title: the plugin refuses an insert without one, before anything is written.
        site.beforeInsert("book") { post, _ in
            if post.title.trimmingCharacters(in: .whitespaces).isEmpty {
                throw RESTError("bookshelf_title_required", "A book needs a title.", status: 400)
            }
        }
        let store = site.store
        site.registerRoute(namespace: "bookshelf/v1", route: "/author/(?P<id>\\d+)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [
                RESTArgument("id", schema: ["description": "The author's user id.", "type": "integer", "minimum": 1],
                             validation: .schema, sanitization: .schema),
            ], permission: { _ in .allowed }, handler: { request in
                // As the handbook's first example: the newest title by an author.
                var q = PostQuery()
                q.types = ["book"]
                q.authors = [request["id"]?.intValue ?? 0]
                q.limit = 1
                guard let latest = try await store.posts(q).posts.first else {
                    throw RESTError("no_author", "Invalid author", status: 404)
                }
                return RESTResponse(.string(latest.title))
            }),
        ])
        site.register(ShelvesController(store: store))
    }
}

/// A controller in the WordPress pattern, written against the public `RESTController`: one
/// schema, `get_items` and `get_item` with their permission checks; the routes, pagination,
/// `context` and `_fields` come with the protocol.
struct ShelvesController: RESTController {
    let store: any ContentStore
    var namespace: String { "bookshelf/v1" }
    var base: String { "shelves" }
    var operations: [RESTOperation] { [.list, .read] }
    var itemNoun: String { "shelf's author" }
    var schema: JSONObject { Self.schema }

    static let schema = Schema.resource("shelf", [
        ("id", Schema("The author whose shelf this is.", .integer).context(.view, .edit, .embed).readonly()),
        ("name", Schema("Whose shelf.", .string).context(.view, .edit, .embed).readonly()),
        ("books", Schema("Titles on the shelf.", .array).items(Schema(.string)).context(.view, .edit).readonly()),
    ])
    /// Which fields each context shows, prepared once.
    static let plan = ContextPlan(schema)

    func readPermission(_ r: RESTRequest) async throws -> Permission {
        if r.context == "edit" && !r.can(.editPosts) {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit shelves.",
                                    status: r.authorizationStatus))
        }
        return .allowed
    }

    func shelf(for user: User, _ r: RESTRequest) async throws -> RESTResponse {
        var q = PostQuery()
        q.types = ["book"]
        q.authors = [user.id]
        q.orderBy = "title"
        q.ascending = true
        q.limit = 100
        let books = try await store.posts(q).posts.map { JSON.string($0.title) }
        var response = RESTResponse(r.shaped(["id": .int(user.id), "name": .string(user.displayName), "books": .array(books)],
                                             by: Self.plan))
        response.addLink("self", r.server.site.restURL("\(collectionRoute)/\(user.id)"))
        response.addLink("author", r.server.site.restURL("/wp/v2/users/\(user.id)"), attributes: ["embeddable": true])
        return response
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        let page = CollectionPage(r)
        var q = UserQuery()
        q.hasPublishedPosts = ["book"]
        q.limit = page.perPage
        q.offset = page.skip
        let (users, total) = try await store.users(q)
        var items: [JSON] = []
        for u in users { items.append(try await shelf(for: u, r).dataWithLinks) }
        return try collection(items, total: total, page: page, r)
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        guard let id = r["id"]?.intValue, let user = try await store.user(id: id) else {
            throw RESTError("rest_shelf_invalid_id", "Invalid shelf ID.", status: 404)
        }
        return try await shelf(for: user, r)
    }
}
