import QuireREST
import QuireStore

/// `/wp/v2/types` and `/wp/v2/types/<type>`.
struct TypesController: CatalogueController {
    let types: [PostType]

    static let schema = Schema.resource("type", [
        ("capabilities", Schema("All capabilities used by the post type.", .object).context(.edit).readonly()),
        ("description", Schema("A human-readable description of the post type.", .string).context(.view, .edit).readonly()),
        ("hierarchical", Schema("Whether or not the post type should have children.", .boolean).context(.view, .edit).readonly()),
        ("viewable", Schema("Whether or not the post type can be viewed.", .boolean).context(.edit).readonly()),
        ("labels", Schema("Human-readable labels for the post type for various contexts.", .object).context(.edit).readonly()),
        ("name", Schema("The title for the post type.", .string).context(.view, .edit, .embed).readonly()),
        ("slug", Schema("An alphanumeric identifier for the post type.", .string).context(.view, .edit, .embed).readonly()),
        ("supports", Schema("All features, supported by the post type.", .object).context(.edit).readonly()),
        ("has_archive", Schema("If the value is a string, the value will be used as the archive slug. If the value is false the post type has no archive.", .string, .boolean).context(.view, .edit).readonly()),
        ("taxonomies", Schema("Taxonomies associated with post type.", .array).items(Schema(.string)).context(.view, .edit).readonly()),
        ("rest_base", Schema("REST base route for the post type.", .string).context(.view, .edit, .embed).readonly()),
        ("rest_namespace", Schema("REST route's namespace for the post type.", .string).context(.view, .edit, .embed).readonly()),
        ("visibility", Schema("The visibility settings for the post type.", .object).context(.edit).readonly().properties([
            ("show_ui", Schema("Whether to generate a default UI for managing this post type.", .boolean)),
            ("show_in_nav_menus", Schema("Whether to make the post type available for selection in navigation menus.", .boolean)),
        ])),
        ("icon", Schema("The icon for the post type.", .string, .null).context(.view, .edit, .embed).readonly()),
    ])

    var base: String { "types" }
    var key: String { "type" }
    var keyDescription: String { "An alphanumeric identifier for the post type." }
    var schema: JSONObject { Self.schema }

    /// The edit context is for those who may edit posts of at least one type.
    func listPermission(_ r: RESTRequest) async throws -> Permission {
        if r.context == "edit" && !types.contains(where: { $0.showInREST && r.can($0.capabilities.editPosts) }) {
            return .error(RESTError("rest_cannot_view", "Sorry, you are not allowed to edit posts in this post type.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        var o = JSONObject.phpObject   // an empty list is still an object
        for t in types where t.showInREST {
            if r.context == "edit" && !r.can(t.capabilities.editPosts) { continue }
            o.appendUnique(t.name, prepare(t, r).dataWithLinks)
        }
        return RESTResponse(.object(o))
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        guard let t = types.first(where: { $0.name == r["type"]?.stringValue && $0.showInREST }) else {
            throw RESTError("rest_type_invalid", "Invalid post type.", status: 404)
        }
        if r.context == "edit" && !r.can(t.capabilities.editPosts) {
            throw RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit posts in this post type.", status: r.authorizationStatus)
        }
        return prepare(t, r)
    }

    func prepare(_ t: PostType, _ r: RESTRequest) -> RESTResponse {
        let c = t.capabilities
        let caps: JSONObject = [
            "edit_post": .string("edit_\(c.singular)"), "read_post": .string("read_\(c.singular)"),
            "delete_post": .string("delete_\(c.singular)"), "edit_posts": .string(c.editPosts.rawValue),
            "edit_others_posts": .string(c.editOthersPosts.rawValue), "delete_posts": .string(c.deletePosts.rawValue),
            "publish_posts": .string(c.publishPosts.rawValue), "read_private_posts": .string(c.readPrivatePosts.rawValue), "read": .string(c.read.rawValue),
            "delete_private_posts": .string(c.deletePrivatePosts.rawValue), "delete_published_posts": .string(c.deletePublishedPosts.rawValue),
            "delete_others_posts": .string(c.deleteOthersPosts.rawValue), "edit_private_posts": .string(c.editPrivatePosts.rawValue),
            "edit_published_posts": .string(c.editPublishedPosts.rawValue), "create_posts": .string(c.createPosts.rawValue),
        ]
        var supports = JSONObject()
        for s in t.supports.sorted() { supports[s] = true }
        let o: JSONObject = [
            "capabilities": .object(caps), "description": .string(t.description), "hierarchical": .bool(t.hierarchical), "has_archive": false,
            "visibility": ["show_in_nav_menus": .bool(t.name != "attachment" && t.isPublic), "show_ui": .bool(t.showUI)],
            "viewable": .bool(t.isViewable), "labels": .object(PostTypeLabels.of(t)),
            "name": .string(t.label), "slug": .string(t.name), "icon": t.icon.map { .string($0) } ?? .null,
            "supports": .object(supports), "taxonomies": .array(t.taxonomies.map { .string($0) }),
            "rest_base": .string(t.restBase), "rest_namespace": .string(t.restNamespace),
        ]
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: Self.schema, context: r.context))
        response.addLink("collection", r.server.site.restURL("/wp/v2/types"))
        response.addLink("https://api.w.org/items", r.server.site.restURL(t.route))
        return response
    }
}
