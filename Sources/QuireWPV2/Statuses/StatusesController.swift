import QuireREST
import QuireStore

/// `/wp/v2/statuses` and `/wp/v2/statuses/<status>`.
struct StatusesController: CatalogueController {
    let types: ContentTypes
    static let schema = Schema.resource("status", [
        ("name", Schema("The title for the status.", .string).context(.embed, .view, .edit).readonly()),
        ("private", Schema("Whether posts with this status should be private.", .boolean).context(.edit).readonly()),
        ("protected", Schema("Whether posts with this status should be protected.", .boolean).context(.edit).readonly()),
        ("public", Schema("Whether posts of this status should be shown in the front end of the site.", .boolean).context(.view, .edit).readonly()),
        ("queryable", Schema("Whether posts with this status should be publicly-queryable.", .boolean).context(.view, .edit).readonly()),
        ("show_in_list", Schema("Whether to include posts in the edit listing for their post type.", .boolean).context(.edit).readonly()),
        ("slug", Schema("An alphanumeric identifier for the status.", .string).context(.embed, .view, .edit).readonly()),
        ("date_floating", Schema("Whether posts of this status may have floating published dates.", .boolean).context(.view, .edit).readonly()),
    ])

    var base: String { "statuses" }
    var key: String { "status" }
    var keyDescription: String { "An alphanumeric identifier for the status." }
    var schema: JSONObject { Self.schema }

    static let internalStatuses: Set<String> = ["inherit", "auto-draft", "request-pending", "request-confirmed",
                                                "request-failed", "request-completed"]

    /// Statuses that are not public are shown to those who may edit some post type.
    func canSee(_ s: RegisteredStatus, _ r: RESTRequest) -> Bool {
        s.isPublic || types.postTypes.contains { r.can($0.capabilities.editPosts) }
    }

    func listPermission(_ r: RESTRequest) async throws -> Permission {
        if r.context == "edit" && !types.postTypes.contains(where: { r.can($0.capabilities.editPosts) }) {
            return .error(RESTError("rest_cannot_view", "Sorry, you are not allowed to manage post statuses.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func readPermission(_ r: RESTRequest) async throws -> Permission {
        guard let s = RegisteredStatus.all.first(where: { $0.slug == r["status"]?.stringValue }) else {
            // WordPress's internal statuses exist but are never shown.
            if let name = r["status"]?.stringValue, Self.internalStatuses.contains(name) {
                return .error(RESTError("rest_cannot_read_status", "Cannot view status.", status: r.authorizationStatus))
            }
            return .error(RESTError("rest_status_invalid", "Invalid status.", status: 404))
        }
        if !canSee(s, r) {
            return .error(RESTError("rest_cannot_read_status", "Cannot view status.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        var o = JSONObject()
        for s in RegisteredStatus.all where canSee(s, r) { o.appendUnique(s.slug, prepare(s, r).dataWithLinks) }
        return RESTResponse(.object(o))
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        guard let s = RegisteredStatus.all.first(where: { $0.slug == r["status"]?.stringValue }) else {
            throw RESTError("rest_status_invalid", "Invalid status.", status: 404)
        }
        return prepare(s, r)
    }

    func prepare(_ s: RegisteredStatus, _ r: RESTRequest) -> RESTResponse {
        let o: JSONObject = [
            "name": .string(s.name), "private": .bool(s.isPrivate), "protected": .bool(s.isProtected),
            "public": .bool(s.isPublic), "queryable": .bool(s.queryable), "show_in_list": .bool(s.showInList),
            "slug": .string(s.slug), "date_floating": .bool(s.dateFloating),
        ]
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: Self.schema, context: r.context))
        let posts = r.server.site.restURL(PostTypes.post.route)
        response.addLink("archives", s.status == .publish ? posts : "\(posts)?status=\(s.slug)")
        return response
    }
}
