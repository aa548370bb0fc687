import Foundation
import QuireREST
import QuireStore

/// `/wp/v2/global-styles/themes/<theme>` (the active theme's merged styles and settings),
/// `/wp/v2/global-styles/themes/<theme>/variations` (its `styles/*.json`) and
/// `/wp/v2/global-styles/<id>` (the site's own edits, a `wp_global_styles` post, read and
/// changed by those who may edit theme options).
struct GlobalStylesController: Sendable {
    let resolver: GlobalStylesResolver
    let store: any ContentStore

    static let route = "/wp/v2/global-styles"
    static let editThemeOptions = Capability.editThemeOptions

    func register(into registry: inout RouteRegistry) {
        let stylesheet = RESTArgument("stylesheet", schema: ["description": "The theme identifier", "type": "string"])
        let decodedStylesheet = RESTArgument("stylesheet", schema: ["description": "The theme identifier", "type": "string"],
                                             sanitization: .custom { v, _, _ in .success(.string(Self.urlDecode(PHPScalar.toString(v)))) })
        registry.register(namespace: WPV2.namespace, route: "global-styles/themes/(?P<stylesheet>[\\/\\s%\\w\\.\\(\\)\\[\\]\\@_\\-]+)/variations", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [stylesheet], permission: themePermission, handler: variations),
        ])
        registry.register(namespace: WPV2.namespace, route: "global-styles/themes/(?P<stylesheet>[^\\/:<>\\*\\?\"\\|]+(?:\\/[^\\/:<>\\*\\?\"\\|]+)?)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [decodedStylesheet], permission: themePermission, handler: themeItem),
        ])
        let schema = Self.schema
        let id = RESTArgument("id", schema: ["description": "The id of a template", "type": "string"],
                              sanitization: .custom { v, _, _ in .success(.string(Self.urlDecode(PHPScalar.toString(v)))) })
        registry.register(namespace: WPV2.namespace, route: "global-styles/(?P<id>[\\/\\w-]+)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [id], permission: readPermission, handler: item),
            RESTEndpoint(RESTEndpoint.editable, arguments: EndpointArguments.from(schema, creating: false),
                         permission: updatePermission, handler: update),
        ], schema: { _ in schema })
    }

    /// `urldecode`: `%XX` and `+` as a space.
    static func urlDecode(_ s: String) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    // MARK: The theme's styles

    var themePermission: RESTPermissionCheck {
        { r in
            if r.can(Self.editThemeOptions) { return .allowed }
            return .error(RESTError("rest_cannot_manage_global_styles", "Sorry, you are not allowed to access the global styles on this site.",
                                    status: r.authorizationStatus))
        }
    }

    /// Only the active theme has styles to show.
    func requireActive(_ r: RESTRequest) throws {
        guard r["stylesheet"]?.stringValue == resolver.themes.activeStylesheet else {
            throw RESTError("rest_theme_not_found", "Theme not found.", status: 404)
        }
    }

    func themeItem(_ r: RESTRequest) async throws -> RESTResponse {
        try requireActive(r)
        let merged = resolver.merged(user: nil)
        var o = JSONObject()
        if FieldsFilter.includes("settings", r["_fields"]) { o["settings"] = .object(merged.settings) }
        if FieldsFilter.includes("styles", r["_fields"]) { o["styles"] = .object(merged.styles ?? JSONObject()) }
        // Filtered by the styles post's schema, as WordPress filters it.
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: Self.schema, context: r.context))
        if r.wantsLinks {
            response.addLink("self", r.server.site.restURL("\(Self.route)/themes/\(r["stylesheet"]?.stringValue ?? "")"))
        }
        return response
    }

    func variations(_ r: RESTRequest) async throws -> RESTResponse {
        try requireActive(r)
        return RESTResponse(.array(resolver.variations()))
    }

    // MARK: The site's own styles

    static let notFound = RESTError("rest_global_styles_not_found", "No global styles config exist with that id.", status: 404)

    /// The post an id names, when it is one of global styles.
    func post(_ r: RESTRequest) async throws -> Post {
        let id = PHPScalar.toInt(r["id"] ?? .null)
        guard id > 0, let post = try await store.post(id: id), post.type == UserGlobalStyles.postType else { throw Self.notFound }
        return post
    }

    func may(_ r: RESTRequest, _ cap: Capability, _ post: Post) -> Bool {
        r.siteUser?.can(cap, post: post, caps: UserGlobalStyles.type.capabilities) ?? false
    }

    var readPermission: RESTPermissionCheck {
        { r in
            let post = try await self.post(r)
            if r.context == "edit" && !may(r, .editPost, post) {
                return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit this global style.", status: r.authorizationStatus))
            }
            if !may(r, .readPost, post) {
                return .error(RESTError("rest_cannot_view", "Sorry, you are not allowed to view this global style.", status: r.authorizationStatus))
            }
            return .allowed
        }
    }

    var updatePermission: RESTPermissionCheck {
        { r in
            let post = try await self.post(r)
            if !may(r, .editPost, post) {
                return .error(RESTError("rest_cannot_edit", "Sorry, you are not allowed to edit this global style.", status: r.authorizationStatus))
            }
            return .allowed
        }
    }

    func item(_ r: RESTRequest) async throws -> RESTResponse {
        prepare(try await post(r), r)
    }

    func update(_ r: RESTRequest) async throws -> RESTResponse {
        var post = try await post(r)
        if r["styles"] != nil || r["settings"] != nil {
            let existing = UserGlobalStyles.config(post) ?? JSONObject()
            var config = JSONObject()
            if let styles = r["styles"] ?? existing["styles"] { config["styles"] = styles }
            if let settings = r["settings"] ?? existing["settings"] { config["settings"] = settings }
            config["isGlobalStylesUserThemeJSON"] = true
            config["version"] = 2
            post.content = JSONEncoding.encodeString(.object(config))
        }
        switch r["title"] {
        case .string(let title)?: post.title = title
        case .object(let title)?: if let raw = title["raw"], ThemeJSON.truthy(raw) { post.title = PHPScalar.toString(raw) }
        default: break
        }
        post.modified = WPDate.format(Date())
        post.modifiedGMT = post.modified
        let updated = try await store.updatePost(post, terms: [:], meta: [])
        try await Revisions.saveIfChanged(updated, author: r.user?.id ?? updated.author, store: store)
        return prepare(updated, r)
    }

    func prepare(_ post: Post, _ r: RESTRequest) -> RESTResponse {
        let config = UserGlobalStyles.config(post).map { resolver.userLayer($0).data } ?? JSONObject()
        func part(_ key: String) -> JSON {
            if case .object(let o)? = config[key], !o.isEmpty { return .object(o) }
            return .object(.phpObject)
        }
        let o: JSONObject = ["id": .int(post.id), "title": ["raw": .string(post.title), "rendered": .string(ContentRenderer.title(post.title))],
                             "settings": part("settings"), "styles": part("styles")]
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: Self.schema, context: r.context))
        guard r.wantsLinks else { return response }
        let link = r.server.site.restURL("\(Self.route)/\(post.id)")
        response.addLink("self", link)
        if r.can(UserGlobalStyles.type.capabilities.publishPosts) { response.addLink("https://api.w.org/action-publish", link) }
        return response
    }

    static let schema = Schema.resource("wp_global_styles", [
        ("id", Schema("ID of global styles config.", .string).context(.embed, .view, .edit).readonly()),
        ("styles", Schema().description("Global styles.").with("type", ["object"]).context(.view, .edit)),
        ("settings", Schema().description("Global settings.").with("type", ["object"]).context(.view, .edit)),
        ("title", Schema("Title of the global styles variation.", .object, .string).default("").context(.embed, .view, .edit).properties([
            ("raw", Schema("Title for the global styles variation, as it exists in the database.", .string).context(.view, .edit, .embed)),
            ("rendered", Schema("HTML title for the post, transformed for display.", .string).context(.view, .edit, .embed).readonly()),
        ])),
    ])
}
