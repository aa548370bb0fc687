import QuireREST
import QuireStore

/// `/wp/v2/taxonomies` and `/wp/v2/taxonomies/<taxonomy>`.
struct TaxonomiesController: CatalogueController {
    let taxonomies: [TaxonomyInfo]

    var base: String { "taxonomies" }
    var key: String { "taxonomy" }
    var keyDescription: String { "An alphanumeric identifier for the taxonomy." }
    var schema: JSONObject { TermSchemas.taxonomy }

    func collectionArguments() -> [RESTArgument] {
        [
            EndpointArguments.context(),
            RESTArgument("type", schema: ["description": "Limit results to taxonomies associated with a specific post type.", "type": "string"]),
        ]
    }

    /// The edit context is for those who may assign terms of at least one taxonomy shown.
    func listPermission(_ r: RESTRequest) async throws -> Permission {
        if r.context == "edit" {
            let type = r["type"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let shown = taxonomies.filter { $0.showInREST && (type == nil || $0.types.contains(type!)) }
            if !shown.contains(where: { r.can($0.capabilities.assignTerms) }) {
                return .error(RESTError("rest_cannot_view", "Sorry, you are not allowed to manage terms in this taxonomy.", status: r.authorizationStatus))
            }
        }
        return .allowed
    }

    /// An unknown taxonomy passes and is then not found, as in WordPress.
    func readPermission(_ r: RESTRequest) async throws -> Permission {
        guard let t = taxonomies.first(where: { $0.name == r["taxonomy"]?.stringValue }) else { return .allowed }
        if !t.showInREST { return .error(RESTError.forbidden(status: r.authorizationStatus)) }
        if r.context == "edit" && !r.can(t.capabilities.assignTerms) {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to manage terms in this taxonomy.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        var o = JSONObject.phpObject   // an empty list is still an object
        let type = r["type"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        for t in taxonomies where t.showInREST && (type == nil || t.types.contains(type!)) {
            if r.context == "edit" && !r.can(t.capabilities.assignTerms) { continue }
            o.appendUnique(t.name, prepare(t, r).dataWithLinks)
        }
        return RESTResponse(.object(o))
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        guard let t = taxonomies.first(where: { $0.name == r["taxonomy"]?.stringValue }) else {
            throw RESTError("rest_taxonomy_invalid", "Invalid taxonomy.", status: 404)
        }
        return prepare(t, r)
    }

    func prepare(_ t: TaxonomyInfo, _ r: RESTRequest) -> RESTResponse {
        let o: JSONObject = [
            "name": .string(t.label), "slug": .string(t.name),
            "capabilities": t.capabilities.json,
            "description": "", "labels": .object(TaxonomyLabels.of(t)),
            "types": .array(t.types.map { .string($0) }), "show_cloud": .bool(t.showCloud),
            "hierarchical": .bool(t.hierarchical), "rest_base": .string(t.restBase), "rest_namespace": .string(t.restNamespace),
            "visibility": ["public": .bool(t.isPublic), "publicly_queryable": .bool(t.isPublic), "show_admin_column": .bool(t.showAdminColumn),
                           "show_in_nav_menus": .bool(t.isPublic), "show_in_quick_edit": .bool(t.showUI), "show_ui": .bool(t.showUI)],
        ]
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: TermSchemas.taxonomy, context: r.context))
        response.addLink("collection", r.server.site.restURL("/wp/v2/taxonomies"))
        response.addLink("https://api.w.org/items", r.server.site.restURL(t.route))
        return response
    }
}
