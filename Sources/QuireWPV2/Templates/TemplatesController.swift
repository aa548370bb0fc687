import Foundation
import QuireREST
import QuireStore

/// `/wp/v2/templates` and `/wp/v2/template-parts` (and `/<theme>//<slug>`): the active block
/// theme's templates and parts, from its files, and the edits stored over them. Every method
/// needs `edit_theme_options`. Saving a theme's template stores a copy (`origin: theme`) that
/// replaces it; deleting that copy (or `source=theme` on an update) brings the file back.
struct TemplatesController: Sendable {
    let kind: TemplateKind
    let library: TemplateLibrary
    let store: any ContentStore

    static let editThemeOptions = Capability.editThemeOptions

    var route: String { "/\(WPV2.namespace)/\(kind.restBase)" }

    func register(into registry: inout RouteRegistry) {
        let schema = TemplateSchema.schema(kind)
        let schemaFunction: @Sendable (SiteInfo) -> JSONObject = { _ in schema }
        registry.register(namespace: WPV2.namespace, route: kind.restBase, endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [
                EndpointArguments.context(),
                RESTArgument("wp_id", schema: ["description": "Limit to the specified post id.", "type": "integer"]),
                RESTArgument("area", schema: ["description": "Limit to the specified template part area.", "type": "string"]),
                RESTArgument("post_type", schema: ["description": "Post type to get the templates for.", "type": "string"]),
            ], permission: permission, handler: list),
            RESTEndpoint(RESTEndpoint.creatable, arguments: EndpointArguments.from(schema, creating: true),
                         permission: permission, handler: create),
        ], schema: schemaFunction)
        // Before the item route, whose pattern `lookup` also fits.
        registry.register(namespace: WPV2.namespace, route: "\(kind.restBase)/lookup", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [
                RESTArgument("slug", schema: ["description": "The slug of the template to get the fallback for", "type": "string", "required": true]),
                RESTArgument("is_custom", schema: ["description": "Indicates if a template is custom or part of the template hierarchy", "type": "boolean"]),
                RESTArgument("template_prefix", schema: ["description": "The template prefix for the created template. This is used to extract the main template type, e.g. in `taxonomy-books` extracts the `taxonomy`",
                                                         "type": "string"]),
            ], permission: permission, handler: lookup),
        ])
        // The theme's folder name (maybe with a subfolder), then the template's name.
        let id = "(?P<id>([^\\/:<>\\*\\?\"\\|]+(?:\\/[^\\/:<>\\*\\?\"\\|]+)?)[\\/\\w-]+)"
        let idArgument = RESTArgument("id", schema: ["description": "The id of a template", "type": "string"],
                                      sanitization: .custom { v, _, _ in .success(.string(Self.sanitizeID(PHPScalar.toString(v)))) })
        registry.register(namespace: WPV2.namespace, route: "\(kind.restBase)/\(id)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [idArgument, EndpointArguments.context()], permission: permission, handler: item),
            RESTEndpoint(RESTEndpoint.editable, arguments: [idArgument] + EndpointArguments.from(schema, creating: false),
                         permission: permission, handler: update),
            RESTEndpoint(RESTEndpoint.deletable, arguments: [idArgument, EndpointArguments.force], permission: permission, handler: delete),
        ], schema: schemaFunction)
    }

    var permission: RESTPermissionCheck {
        { r in
            if r.can(Self.editThemeOptions) { return .allowed }
            return .error(RESTError("rest_cannot_manage_templates", "Sorry, you are not allowed to access the templates on this site.",
                                    status: r.authorizationStatus))
        }
    }

    /// `_sanitize_template_id`: URL-decoded, and `theme/slug` read as `theme//slug`.
    static func sanitizeID(_ raw: String) -> String {
        let id = raw.removingPercentEncoding ?? raw
        guard let last = id.lastIndex(of: "/") else { return id }
        if last > id.startIndex, id[id.index(before: last)] == "/" { return id }
        return String(id[..<last]) + "/" + String(id[last...])
    }

    static let notFound = RESTError("rest_template_not_found", "No templates exist with that id.", status: 404)

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        let found = try await library.list(kind, wpID: r["wp_id"].map(PHPScalar.toInt), area: r["area"]?.stringValue,
                                           postType: r["post_type"]?.stringValue)
        return RESTResponse(.array(found.map { prepare($0, r).dataWithLinks }))
    }

    /// The template WordPress would show for a slug (`get_template_fallback`): the first of its
    /// hierarchy the theme or a stored edit has.
    func lookup(_ r: RESTRequest) async throws -> RESTResponse {
        let hierarchy = TemplateHierarchy.fallbacks(slug: r["slug"]?.stringValue ?? "", isCustom: r["is_custom"]?.boolValue ?? false,
                                                    prefix: r["template_prefix"]?.stringValue ?? "")
        guard let found = try await library.first(of: hierarchy) else { return RESTResponse(.null) }
        return prepare(found, r)
    }

    func item(_ r: RESTRequest) async throws -> RESTResponse {
        let id = r["id"]?.stringValue ?? ""
        let found = r["source"]?.stringValue == "theme" ? library.fileTemplate(id, kind) : try await library.template(id, kind)
        guard let found else { throw Self.notFound }
        return prepare(found, r)
    }

    func prepare(_ t: BlockTemplate, _ r: RESTRequest, context: String? = nil) -> RESTResponse {
        var o: JSONObject = ["id": .string(t.id), "theme": .string(t.theme),
                             "content": ["raw": .string(t.content), "block_version": .int(t.content.contains("<!-- wp:") ? 1 : 0)],
                             "slug": .string(t.slug), "source": .string(t.source), "origin": t.origin.map(JSON.string) ?? .null,
                             "type": .string(t.kind.postType), "description": .string(t.description),
                             "title": ["raw": .string(t.title), "rendered": .string(t.wpID != 0 ? ContentRenderer.title(t.title) : t.title)],
                             "status": .string(t.status.rawValue), "wp_id": .int(t.wpID), "has_theme_file": .bool(t.hasThemeFile)]
        // A field shows when the controller's schema has it and the template is of its kind (a
        // part's lookup may answer with a template).
        if kind == .template && t.kind == .template { o["is_custom"] = .bool(t.isCustom) }
        o["author"] = .int(t.author)
        if kind == .part && t.kind == .part { o["area"] = t.area.map(JSON.string) ?? .null }
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: TemplateSchema.schema(kind), context: context ?? r.context))
        guard r.wantsLinks else { return response }
        let site = r.server.site
        // WordPress looks the id up as a post's, finds none, and links the API's root.
        let selfLink = site.restURL("/")
        response.addLink("self", selfLink)
        response.addLink("collection", site.restURL(route))
        response.addLink("about", site.restURL("/wp/v2/types/\(kind.postType)"))
        if r.can(Self.editThemeOptions) { response.addLink("https://api.w.org/action-publish", selfLink) }
        if r.can(.unfilteredHTML) { response.addLink("https://api.w.org/action-unfiltered-html", selfLink) }
        return response
    }
}
