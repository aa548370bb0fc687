import QuireREST

/// The `theme` resource's schema (`WP_REST_Themes_Controller::get_item_schema`).
enum ThemeSchema {
    static let schema = Schema.resource("theme", [
        ("stylesheet", Schema("The theme's stylesheet. This uniquely identifies the theme.", .string).readonly()),
        ("template", Schema("The theme's template. If this is a child theme, this refers to the parent theme, otherwise this is the same as the theme's stylesheet.", .string).readonly()),
        ("author", headerField("The theme author.", raw: "The theme author's name, as found in the theme header.",
                               rendered: "HTML for the theme author, transformed for display.")),
        ("author_uri", headerField("The website of the theme author.", raw: "The website of the theme author, as found in the theme header.",
                                   rendered: "The website of the theme author, transformed for display.", format: .uri)),
        ("description", headerField("A description of the theme.", raw: "The theme description, as found in the theme header.",
                                    rendered: "The theme description, transformed for display.")),
        ("name", headerField("The name of the theme.", raw: "The theme name, as found in the theme header.",
                             rendered: "The theme name, transformed for display.")),
        ("requires_php", Schema("The minimum PHP version required for the theme to work.", .string).readonly()),
        ("requires_wp", Schema("The minimum WordPress version required for the theme to work.", .string).readonly()),
        ("screenshot", Schema("The theme's screenshot URL.", .string).format(.uri).readonly()),
        ("tags", Schema("Tags indicating styles and features of the theme.", .object).readonly().properties([
            ("raw", Schema("The theme tags, as found in the theme header.", .array).items(Schema(.string))),
            ("rendered", Schema("The theme tags, transformed for display.", .string)),
        ])),
        ("textdomain", Schema("The theme's text domain.", .string).readonly()),
        ("theme_supports", Schema("Features supported by this theme.", .object).readonly().properties(supports)),
        ("theme_uri", headerField("The URI of the theme's webpage.", raw: "The URI of the theme's webpage, as found in the theme header.",
                                  rendered: "The URI of the theme's webpage, transformed for display.", format: .uri)),
        ("version", Schema("The theme's current version.", .string).readonly()),
        ("status", Schema("A named status for the theme.", .string).enum("inactive", "active")),
    ])

    /// `theme_supports`: what a theme may turn on, each off unless it does.
    static let supports: [(String, Schema)] = [
        ("align-wide", flag("Whether theme opts in to wide alignment CSS class.")),
        ("automatic-feed-links", flag("Whether posts and comments RSS feed links are added to head.")),
        ("block-templates", flag("Whether a theme uses block-based templates.")),
        ("block-template-parts", flag("Whether a theme uses block-based template parts.")),
        ("custom-background", settings("Custom background if defined by the theme.", [
            ("default-image", Schema(.string).format(.uri)),
            ("default-preset", Schema(.string).enum("default", "fill", "fit", "repeat", "custom")),
            ("default-position-x", Schema(.string).enum("left", "center", "right")),
            ("default-position-y", Schema(.string).enum("left", "center", "right")),
            ("default-size", Schema(.string).enum("auto", "contain", "cover")),
            ("default-repeat", Schema(.string).enum("repeat-x", "repeat-y", "repeat", "no-repeat")),
            ("default-attachment", Schema(.string).enum("scroll", "fixed")),
            ("default-color", Schema(.string)),
        ])),
        ("custom-header", settings("Custom header if defined by the theme.", [
            ("default-image", Schema(.string).format(.uri)), ("random-default", Schema(.boolean)),
            ("width", Schema(.integer)), ("height", Schema(.integer)), ("flex-height", Schema(.boolean)),
            ("flex-width", Schema(.boolean)), ("default-text-color", Schema(.string)), ("header-text", Schema(.boolean)),
            ("uploads", Schema(.boolean)), ("video", Schema(.boolean)),
        ])),
        ("custom-logo", settings("Custom logo if defined by the theme.", [
            ("width", Schema(.integer)), ("height", Schema(.integer)), ("flex-width", Schema(.boolean)),
            ("flex-height", Schema(.boolean)), ("header-text", Schema(.array).items(Schema(.string))),
            ("unlink-homepage-logo", Schema(.boolean)),
        ])),
        ("customize-selective-refresh-widgets", flag("Whether the theme enables Selective Refresh for Widgets being managed with the Customizer.")),
        ("dark-editor-style", flag("Whether theme opts in to the dark editor style UI.")),
        ("disable-custom-colors", flag("Whether the theme disables custom colors.")),
        ("disable-custom-font-sizes", flag("Whether the theme disables custom font sizes.")),
        ("disable-custom-gradients", flag("Whether the theme disables custom gradients.")),
        ("disable-layout-styles", flag("Whether the theme disables generated layout styles.")),
        ("editor-color-palette", presets("Custom color palette if defined by the theme.", [("name", .string), ("slug", .string), ("color", .string)])),
        ("editor-font-sizes", presets("Custom font sizes if defined by the theme.", [("name", .string), ("size", .number), ("slug", .string)])),
        ("editor-gradient-presets", presets("Custom gradient presets if defined by the theme.", [("name", .string), ("gradient", .string), ("slug", .string)])),
        ("editor-styles", flag("Whether theme opts in to the editor styles CSS wrapper.")),
        ("html5", Schema("Allows use of HTML5 markup for search forms, comment forms, comment lists, gallery, and caption.", .boolean, .array)
            .default(false)
            .items(Schema(.string).enum("search-form", "comment-form", "comment-list", "gallery", "caption", "script", "style"))),
        // WordPress lists the formats keyed by themselves, so the enum is written as an object.
        ("formats", Schema("Post formats supported.", .array).default(["standard"])
            .items(Schema(.string).with("enum", .object(JSONObject(PostFormats.all.map { ($0, .string($0)) }))))),
        ("post-thumbnails", Schema("The post types that support thumbnails or true if all post types are supported.", .boolean, .array)
            .default(false).items(Schema(.string))),
        ("responsive-embeds", flag("Whether the theme supports responsive embedded content.")),
        ("title-tag", flag("Whether the theme can manage the document title tag.")),
        ("wp-block-styles", flag("Whether theme opts in to default WordPress block styles for viewing.")),
    ]

    /// A boolean theme support, off unless the theme turns it on.
    static func flag(_ description: String) -> Schema {
        Schema(description, .boolean).default(false)
    }

    /// A theme support that is off or an object of these settings.
    static func settings(_ description: String, _ fields: [(String, Schema)]) -> Schema {
        Schema(description, .boolean, .object).default(false).properties(fields).additionalProperties(false)
    }

    /// A theme support that is off or a list of presets with these fields.
    static func presets(_ description: String, _ fields: [(String, SchemaType)]) -> Schema {
        Schema(description, .boolean, .array).default(false)
            .items(Schema(.object).properties(fields.map { ($0.0, Schema($0.1)) }).additionalProperties(false))
    }

    /// A field of the theme's header: as written there (`raw`) and as shown (`rendered`).
    static func headerField(_ description: String, raw: String, rendered: String, format: SchemaFormat? = nil) -> Schema {
        func text(_ d: String) -> Schema { format.map { Schema(d, .string).format($0) } ?? Schema(d, .string) }
        return Schema(description, .object).readonly().properties([("raw", text(raw)), ("rendered", text(rendered))])
    }
}
