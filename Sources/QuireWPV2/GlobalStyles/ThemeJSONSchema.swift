import QuireREST

/// What a `theme.json` may hold, as WordPress 6.1 declares it: the keys kept at the top, under
/// `settings` and under `styles` (everything else is dropped when a file is read), the elements
/// styles can name, and the settings that are lists of presets.
///
///     let settings = ThemeJSONSchema.tree(blockNames: ["core/paragraph"]).settings
///     settings.allows("color")                    // true
///     settings.child("color")?.allows("palette")  // true: a leaf, kept whole
enum ThemeJSONSchema {
    /// A node of the allowed keys: a leaf keeps its value whole, a branch keeps only its own keys.
    indirect enum Node: Sendable {
        case leaf
        case branch([(String, Node)])

        func child(_ key: String) -> Node? {
            guard case .branch(let children) = self else { return nil }
            return children.first { $0.0 == key }?.1
        }
        func allows(_ key: String) -> Bool { child(key) != nil }

        static func leaves(_ keys: [String]) -> Node { .branch(keys.map { ($0, .leaf) }) }
    }

    static let topLevelKeys: Set<String> = ["customTemplates", "patterns", "settings", "styles", "templateParts", "version", "title"]

    /// `VALID_SETTINGS`.
    static let settingsKeys: [(String, Node)] = [
        ("appearanceTools", .leaf),
        ("useRootPaddingAwareAlignments", .leaf),
        ("border", .leaves(["color", "radius", "style", "width"])),
        ("color", .leaves(["background", "custom", "customDuotone", "customGradient", "defaultDuotone", "defaultGradients",
                           "defaultPalette", "duotone", "gradients", "link", "palette", "text"])),
        ("custom", .leaf),
        ("layout", .leaves(["contentSize", "definitions", "wideSize"])),
        ("spacing", .leaves(["customSpacingSize", "spacingSizes", "spacingScale", "blockGap", "margin", "padding", "units"])),
        ("typography", .leaves(["fluid", "customFontSize", "dropCap", "fontFamilies", "fontSizes", "fontStyle", "fontWeight",
                                "letterSpacing", "lineHeight", "textDecoration", "textTransform"])),
    ]

    /// `VALID_STYLES`.
    static let styleKeys: [(String, Node)] = [
        ("border", .leaves(["color", "radius", "style", "width", "top", "right", "bottom", "left"])),
        ("color", .leaves(["background", "gradient", "text"])),
        ("filter", .leaves(["duotone"])),
        ("shadow", .leaf),
        ("spacing", .leaves(["margin", "padding", "blockGap"])),
        ("typography", .leaves(["fontFamily", "fontSize", "fontStyle", "fontWeight", "letterSpacing", "lineHeight",
                                "textDecoration", "textTransform"])),
    ]

    /// The elements styles may name (`ELEMENTS`), with the CSS selector each stands for.
    static let elements: [(name: String, selector: String)] = [
        ("link", "a:where(:not(.wp-element-button))"),
        ("heading", "h1, h2, h3, h4, h5, h6"),
        ("h1", "h1"), ("h2", "h2"), ("h3", "h3"), ("h4", "h4"), ("h5", "h5"), ("h6", "h6"),
        ("button", ".wp-element-button, .wp-block-button__link"),
        ("caption", ".wp-element-caption, .wp-block-audio figcaption, .wp-block-embed figcaption, .wp-block-gallery figcaption, "
            + ".wp-block-image figcaption, .wp-block-table figcaption, .wp-block-video figcaption"),
        ("cite", "cite"),
    ]

    /// The states an element may be styled in (`VALID_ELEMENT_PSEUDO_SELECTORS`).
    static let pseudoSelectors: [String: [String]] = [
        "link": [":visited", ":hover", ":focus", ":active"],
        "button": [":visited", ":hover", ":focus", ":active"],
    ]

    /// The settings `appearanceTools: true` turns on when the file leaves them unset.
    static let appearanceTools: [[String]] = [
        ["border", "color"], ["border", "radius"], ["border", "style"], ["border", "width"], ["color", "link"],
        ["spacing", "blockGap"], ["spacing", "margin"], ["spacing", "padding"], ["typography", "lineHeight"],
    ]

    /// A setting that is a list of presets, kept per origin (`PRESETS_METADATA`).
    struct Preset: Sendable {
        let path: [String]
        /// The setting that, when true, keeps a theme from redefining WordPress's slugs; nil when
        /// a theme always may.
        let preventOverride: [String]?
        /// Whether a theme's preset without a name takes the name of WordPress's of the same slug.
        let usesDefaultNames: Bool
    }

    static let presets: [Preset] = [
        Preset(path: ["color", "palette"], preventOverride: ["color", "defaultPalette"], usesDefaultNames: false),
        Preset(path: ["color", "gradients"], preventOverride: ["color", "defaultGradients"], usesDefaultNames: false),
        Preset(path: ["color", "duotone"], preventOverride: ["color", "defaultDuotone"], usesDefaultNames: false),
        Preset(path: ["typography", "fontSizes"], preventOverride: nil, usesDefaultNames: true),
        Preset(path: ["typography", "fontFamilies"], preventOverride: nil, usesDefaultNames: false),
        Preset(path: ["spacing", "spacingSizes"], preventOverride: nil, usesDefaultNames: true),
    ]

    /// The allowed keys of `styles` and `settings` for a site with these blocks.
    static func tree(blockNames: [String]) -> (styles: Node, settings: Node) {
        var elementNodes: [(String, Node)] = []
        for element in elements {
            var children = styleKeys
            for pseudo in pseudoSelectors[element.name] ?? [] { children.append((pseudo, .branch(styleKeys))) }
            elementNodes.append((element.name, .branch(children)))
        }
        let blockStyles = Node.branch(styleKeys + [("elements", .branch(elementNodes))])
        let styles = Node.branch(styleKeys + [("blocks", .branch(blockNames.map { ($0, blockStyles) })), ("elements", .branch(elementNodes))])
        let settings = Node.branch(settingsKeys + [("blocks", .branch(blockNames.map { ($0, Node.branch(settingsKeys)) }))])
        return (styles, settings)
    }
}
