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
        let schema: @Sendable (SiteInfo) -> JSONObject = { _ in Self.schema }
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

    /// A boolean theme support, off unless the theme turns it on.
    static func flag(_ description: String) -> JSON {
        ["description": .string(description), "type": "boolean", "default": false]
    }

    /// A theme support that is off or a list of presets with these fields (name and type each).
    static func presets(_ description: String, _ fields: [(String, String)]) -> JSON {
        ["description": .string(description), "type": ["boolean", "array"], "default": false,
         "items": ["type": "object", "properties": .object(JSONObject(fields.map { ($0.0, ["type": .string($0.1)]) })),
                   "additionalProperties": false]]
    }

    /// A field of the theme's header: as written there (`raw`) and as shown (`rendered`).
    static func headerField(_ description: String, raw: String, rendered: String) -> JSON {
        ["description": .string(description), "type": "object", "readonly": true,
         "properties": ["raw": ["description": .string(raw), "type": "string"], "rendered": ["description": .string(rendered), "type": "string"]]]
    }

    static let schema: JSONObject = [
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "theme",
        "type": "object",
        "properties": [
            "stylesheet": [
                "description": "The theme's stylesheet. This uniquely identifies the theme.",
                "type": "string",
                "readonly": true,
            ],
            "template": [
                "description": "The theme's template. If this is a child theme, this refers to the parent theme, otherwise this is the same as the theme's stylesheet.",
                "type": "string",
                "readonly": true,
            ],
            "author": headerField("The theme author.", raw: "The theme author's name, as found in the theme header.", rendered: "HTML for the theme author, transformed for display."),
            "author_uri": [
                "description": "The website of the theme author.",
                "type": "object",
                "readonly": true,
                "properties": [
                    "raw": [
                        "description": "The website of the theme author, as found in the theme header.",
                        "type": "string",
                        "format": "uri",
                    ],
                    "rendered": [
                        "description": "The website of the theme author, transformed for display.",
                        "type": "string",
                        "format": "uri",
                    ],
                ],
            ],
            "description": headerField("A description of the theme.", raw: "The theme description, as found in the theme header.", rendered: "The theme description, transformed for display."),
            "name": headerField("The name of the theme.", raw: "The theme name, as found in the theme header.", rendered: "The theme name, transformed for display."),
            "requires_php": [
                "description": "The minimum PHP version required for the theme to work.",
                "type": "string",
                "readonly": true,
            ],
            "requires_wp": [
                "description": "The minimum WordPress version required for the theme to work.",
                "type": "string",
                "readonly": true,
            ],
            "screenshot": ["description": "The theme's screenshot URL.", "type": "string", "format": "uri", "readonly": true],
            "tags": [
                "description": "Tags indicating styles and features of the theme.",
                "type": "object",
                "readonly": true,
                "properties": [
                    "raw": [
                        "description": "The theme tags, as found in the theme header.",
                        "type": "array",
                        "items": ["type": "string"],
                    ],
                    "rendered": ["description": "The theme tags, transformed for display.", "type": "string"],
                ],
            ],
            "textdomain": ["description": "The theme's text domain.", "type": "string", "readonly": true],
            "theme_supports": [
                "description": "Features supported by this theme.",
                "type": "object",
                "readonly": true,
                "properties": [
                    "align-wide": flag("Whether theme opts in to wide alignment CSS class."),
                    "automatic-feed-links": flag("Whether posts and comments RSS feed links are added to head."),
                    "block-templates": flag("Whether a theme uses block-based templates."),
                    "block-template-parts": flag("Whether a theme uses block-based template parts."),
                    "custom-background": [
                        "description": "Custom background if defined by the theme.",
                        "type": ["boolean", "object"],
                        "default": false,
                        "properties": [
                            "default-image": ["type": "string", "format": "uri"],
                            "default-preset": ["type": "string", "enum": ["default", "fill", "fit", "repeat", "custom"]],
                            "default-position-x": ["type": "string", "enum": ["left", "center", "right"]],
                            "default-position-y": ["type": "string", "enum": ["left", "center", "right"]],
                            "default-size": ["type": "string", "enum": ["auto", "contain", "cover"]],
                            "default-repeat": ["type": "string", "enum": ["repeat-x", "repeat-y", "repeat", "no-repeat"]],
                            "default-attachment": ["type": "string", "enum": ["scroll", "fixed"]],
                            "default-color": ["type": "string"],
                        ],
                        "additionalProperties": false,
                    ],
                    "custom-header": [
                        "description": "Custom header if defined by the theme.",
                        "type": ["boolean", "object"],
                        "default": false,
                        "properties": [
                            "default-image": ["type": "string", "format": "uri"],
                            "random-default": ["type": "boolean"],
                            "width": ["type": "integer"],
                            "height": ["type": "integer"],
                            "flex-height": ["type": "boolean"],
                            "flex-width": ["type": "boolean"],
                            "default-text-color": ["type": "string"],
                            "header-text": ["type": "boolean"],
                            "uploads": ["type": "boolean"],
                            "video": ["type": "boolean"],
                        ],
                        "additionalProperties": false,
                    ],
                    "custom-logo": [
                        "description": "Custom logo if defined by the theme.",
                        "type": ["boolean", "object"],
                        "default": false,
                        "properties": [
                            "width": ["type": "integer"],
                            "height": ["type": "integer"],
                            "flex-width": ["type": "boolean"],
                            "flex-height": ["type": "boolean"],
                            "header-text": ["type": "array", "items": ["type": "string"]],
                            "unlink-homepage-logo": ["type": "boolean"],
                        ],
                        "additionalProperties": false,
                    ],
                    "customize-selective-refresh-widgets": flag("Whether the theme enables Selective Refresh for Widgets being managed with the Customizer."),
                    "dark-editor-style": flag("Whether theme opts in to the dark editor style UI."),
                    "disable-custom-colors": flag("Whether the theme disables custom colors."),
                    "disable-custom-font-sizes": flag("Whether the theme disables custom font sizes."),
                    "disable-custom-gradients": flag("Whether the theme disables custom gradients."),
                    "disable-layout-styles": flag("Whether the theme disables generated layout styles."),
                    "editor-color-palette": presets("Custom color palette if defined by the theme.", [("name", "string"), ("slug", "string"), ("color", "string")]),
                    "editor-font-sizes": presets("Custom font sizes if defined by the theme.", [("name", "string"), ("size", "number"), ("slug", "string")]),
                    "editor-gradient-presets": presets("Custom gradient presets if defined by the theme.", [("name", "string"), ("gradient", "string"), ("slug", "string")]),
                    "editor-styles": flag("Whether theme opts in to the editor styles CSS wrapper."),
                    "html5": [
                        "description": "Allows use of HTML5 markup for search forms, comment forms, comment lists, gallery, and caption.",
                        "type": ["boolean", "array"],
                        "default": false,
                        "items": [
                            "type": "string",
                            "enum": ["search-form", "comment-form", "comment-list", "gallery", "caption", "script", "style"],
                        ],
                    ],
                    "formats": [
                        "description": "Post formats supported.",
                        "type": "array",
                        "default": ["standard"],
                        "items": [
                            "type": "string",
                            "enum": [
                                "standard": "standard",
                                "aside": "aside",
                                "chat": "chat",
                                "gallery": "gallery",
                                "link": "link",
                                "image": "image",
                                "quote": "quote",
                                "status": "status",
                                "video": "video",
                                "audio": "audio",
                            ],
                        ],
                    ],
                    "post-thumbnails": [
                        "description": "The post types that support thumbnails or true if all post types are supported.",
                        "type": ["boolean", "array"],
                        "default": false,
                        "items": ["type": "string"],
                    ],
                    "responsive-embeds": flag("Whether the theme supports responsive embedded content."),
                    "title-tag": flag("Whether the theme can manage the document title tag."),
                    "wp-block-styles": flag("Whether theme opts in to default WordPress block styles for viewing."),
                ],
            ],
            "theme_uri": [
                "description": "The URI of the theme's webpage.",
                "type": "object",
                "readonly": true,
                "properties": [
                    "raw": [
                        "description": "The URI of the theme's webpage, as found in the theme header.",
                        "type": "string",
                        "format": "uri",
                    ],
                    "rendered": [
                        "description": "The URI of the theme's webpage, transformed for display.",
                        "type": "string",
                        "format": "uri",
                    ],
                ],
            ],
            "version": ["description": "The theme's current version.", "type": "string", "readonly": true],
            "status": ["description": "A named status for the theme.", "type": "string", "enum": ["inactive", "active"]],
        ],
    ]
}
