import QuireREST

/// The features a theme supports (`get_theme_support` for each feature the themes route shows).
///
/// A theme declares its supports in PHP (`add_theme_support`), which Quire does not run; what
/// it knows is what WordPress gives every block theme (`_add_default_theme_supports`): featured
/// images, responsive embeds, editor styles, HTML5 markup, feed links and block templates.
/// Every other feature is off, and a classic theme supports only the standard post format.
enum ThemeSupports {
    static let html5: [JSON] = ["comment-form", "comment-list", "search-form", "gallery", "caption", "style", "script"]

    static func of(_ theme: InstalledTheme) -> JSONObject {
        let block = theme.isBlockTheme
        return [
            "align-wide": false,
            "automatic-feed-links": .bool(block),
            "block-templates": .bool(block),
            "block-template-parts": false,
            "custom-background": false,
            "custom-header": false,
            "custom-logo": false,
            "customize-selective-refresh-widgets": false,
            "dark-editor-style": false,
            "disable-custom-colors": false,
            "disable-custom-font-sizes": false,
            "disable-custom-gradients": false,
            "disable-layout-styles": false,
            "editor-color-palette": false,
            "editor-font-sizes": false,
            "editor-gradient-presets": false,
            "editor-styles": .bool(block),
            "html5": block ? .array(html5) : false,
            "formats": ["standard"],
            "post-thumbnails": .bool(block),
            "responsive-embeds": .bool(block),
            "title-tag": false,
            "wp-block-styles": false,
        ]
    }
}
