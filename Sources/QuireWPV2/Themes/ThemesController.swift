import Foundation
import QuireREST
import QuireStore

/// `/wp/v2/themes` and `/wp/v2/themes/<stylesheet>`: the installed themes, read from their
/// folders. Those who may switch themes see all of them; anyone who may edit some post type
/// sees the active one (`?status=active`, or by its name), which is how the block editor
/// learns the theme's supports.
struct ThemesController: Sendable {
    let library: ThemeLibrary
    let types: ContentTypes
    let userStyles: UserGlobalStyles

    func register(into registry: inout RouteRegistry) {
        let schema: @Sendable (SiteInfo) -> JSONObject = { _ in ThemeSchema.schema }
        registry.register(namespace: WPV2.namespace, route: "themes", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [
                RESTArgument("status", schema: ["description": "Limit result set to themes assigned one or more statuses.",
                                                "type": "array", "items": ["enum": ["active", "inactive"], "type": "string"]]),
            ], permission: listPermission, handler: list),
        ], schema: schema)
        registry.register(namespace: WPV2.namespace, route: "themes/(?P<stylesheet>[^\\/:<>\\*\\?\"\\|]+(?:\\/[^\\/:<>\\*\\?\"\\|]+)?)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [
                RESTArgument("stylesheet", schema: ["description": "The theme's stylesheet. This uniquely identifies the theme.", "type": "string"]),
            ], permission: itemPermission, handler: item),
        ], schema: schema)
    }

    static let switchThemes = Capability.switchThemes

    /// Who may see the active theme: anyone who may edit posts of some type shown in REST.
    func mayReadActive(_ r: RESTRequest) -> Permission {
        if types.mayEditSomeType(r) { return .allowed }
        return .error(RESTError("rest_cannot_view_active_theme", "Sorry, you are not allowed to view the active theme.", status: r.authorizationStatus))
    }

    func cannotView(_ r: RESTRequest) -> Permission {
        .error(RESTError("rest_cannot_view_themes", "Sorry, you are not allowed to view themes.", status: r.authorizationStatus))
    }

    var listPermission: RESTPermissionCheck {
        { r in
            if r.can(Self.switchThemes) { return .allowed }
            if case .array(let statuses)? = r["status"], statuses == ["active"] { return mayReadActive(r) }
            return cannotView(r)
        }
    }

    var itemPermission: RESTPermissionCheck {
        { r in
            if r.can(Self.switchThemes) { return .allowed }
            if r["stylesheet"]?.stringValue == library.activeStylesheet, library.active != nil { return mayReadActive(r) }
            return cannotView(r)
        }
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        var wanted: Set<String>? = nil
        if case .array(let statuses)? = r["status"] { wanted = Set(statuses.compactMap(\.stringValue)) }
        var items: [JSON] = []
        for theme in library.themes {
            let status = theme.stylesheet == library.activeStylesheet ? "active" : "inactive"
            if let wanted, !wanted.contains(status) { continue }
            items.append(try await prepare(theme, r).dataWithLinks)
        }
        var response = RESTResponse(.array(items))
        response.header("X-WP-Total", String(items.count))
        response.header("X-WP-TotalPages", "1")
        return response
    }

    func item(_ r: RESTRequest) async throws -> RESTResponse {
        guard let name = r["stylesheet"]?.stringValue, let theme = library.theme(name) else {
            throw RESTError("rest_theme_not_found", "Theme not found.", status: 404)
        }
        return try await prepare(theme, r)
    }

    func prepare(_ theme: InstalledTheme, _ r: RESTRequest) async throws -> RESTResponse {
        let h = theme.header
        let site = r.server.site
        let author = h["Author"] ?? "", authorURI = h["Author URI"] ?? ""
        let tags = (h["Tags"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let o: JSONObject = [
            "stylesheet": .string(theme.stylesheet),
            "template": .string(theme.template),
            "requires_php": .string(h["Requires PHP"] ?? ""),
            "requires_wp": .string(h["Requires at least"] ?? ""),
            "textdomain": .string(h["Text Domain"] ?? ""),
            "version": .string(h["Version"] ?? ""),
            "screenshot": .string(theme.hasScreenshot ? "\(site.url)/wp-content/themes/\(theme.stylesheet)/screenshot.png" : ""),
            "author": ["raw": .string(author),
                       "rendered": .string(authorURI.isEmpty ? HTMLText.escape(author)
                                           : "<a href=\"\(HTMLText.escape(authorURI))\">\(HTMLText.escape(author))</a>")],
            "author_uri": ["raw": .string(authorURI), "rendered": .string(authorURI)],
            "description": ["raw": .string(h["Description"] ?? ""), "rendered": .string(h["Description"] ?? "")],
            "name": ["raw": .string(theme.name), "rendered": .string(theme.name)],
            "tags": ["raw": .array(tags.map { .string($0) }), "rendered": .string(tags.joined(separator: ", "))],
            "theme_uri": ["raw": .string(h["Theme URI"] ?? ""), "rendered": .string(h["Theme URI"] ?? "")],
            "status": .string(theme.stylesheet == library.activeStylesheet ? "active" : "inactive"),
            "theme_supports": .object(ThemeSupports.of(theme)),
        ]
        var response = RESTResponse(.object(o))
        response.addLink("self", site.restURL("/wp/v2/themes/\(theme.stylesheet)"))
        response.addLink("collection", site.restURL("/wp/v2/themes"))
        // Reading the active theme makes its global styles post when there is none yet, as
        // WordPress does (`get_user_global_styles_post_id`).
        let active = theme.stylesheet == library.activeStylesheet
        if !active || library.activeChain.contains(where: { $0.themeJSON != nil }),
           let styles = try await userStyles.post(theme: theme.stylesheet, creating: active, author: r.user?.id ?? 0) {
            response.addLink("https://api.w.org/user-global-styles", site.restURL("\(GlobalStylesController.route)/\(styles.id)"))
        }
        return response
    }
}
