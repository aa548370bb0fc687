import Foundation
import QuireREST
import QuireWPV2

/// The styles and settings the block editor takes from global styles: WordPress's own
/// `theme.json`, the blocks', the active theme's and the site's own edits, merged as
/// `WP_Theme_JSON_Resolver` merges them (``GlobalStylesResolver``), then shaped as
/// `get_block_editor_settings` shapes them.
///
///     let styles = ThemeStyles(merged: resolver.merged(user: config), themeURL: "/wp-content/themes/twentytwentythree")
///     styles.features["color"]   // {"palette": {"default": [...], "theme": [...]}, ...}
///     styles.css                 // "body{--wp--preset--color--base: #ffffff;…}"
struct ThemeStyles {
    let merged: ThemeJSON
    /// Where the theme's files are served: `file:./…` font sources are resolved against it.
    let themeURL: String
    /// Each block's CSS selector, for the blocks' own styles.
    var blockSelectors: [String: String] = [:]
    /// The blocks with layouts and their default gaps.
    var layoutBlocks: [String: String?] = [:]
    /// The blocks' features with selectors of their own.
    var featureSelectors: [String: [(feature: String, selector: String)]] = [:]

    /// Settings whose value is a list of presets, kept per origin, with their CSS variable kind
    /// and the property their value is in.
    static let presets: [(path: [String], variable: String, value: String)] = [
        (["color", "palette"], "color", "color"),
        (["color", "gradients"], "gradient", "gradient"),
        (["color", "duotone"], "duotone", ""),
        (["typography", "fontSizes"], "font-size", "size"),
        (["typography", "fontFamilies"], "font-family", "fontFamily"),
        (["spacing", "spacingSizes"], "spacing", "size"),
    ]

    /// The origins whose presets the editor sees, lowest first.
    static let origins: [ThemeJSON.Origin] = [.default, .theme, .custom]

    var settings: JSONObject { merged.settings }

    /// The settings the editor reads as flags of its own (`disableCustomColors`, …), each with
    /// the setting it comes from and whether it is negated; `get_block_editor_settings` moves
    /// them out of `__experimentalFeatures`.
    static let flags: [(name: String, path: [String], negated: Bool)] = [
        ("disableCustomColors", ["color", "custom"], true),
        ("disableCustomGradients", ["color", "customGradient"], true),
        ("disableCustomFontSizes", ["typography", "customFontSize"], true),
        ("enableCustomLineHeight", ["typography", "lineHeight"], false),
        ("enableCustomUnits", ["spacing", "units"], false),
        ("enableCustomSpacing", ["spacing", "padding"], false),
        ("disableCustomSpacingSizes", ["spacing", "customSpacingSize"], true),
    ]

    /// `__experimentalFeatures`: the merged settings, presets by origin, without the flags.
    var features: JSONObject {
        var features = settings
        for flag in Self.flags where ThemeJSON.value(features, flag.path).map({ !$0.isNull }) ?? false {
            Self.remove(&features, flag.path)
        }
        return features
    }

    /// The flags, from the merged settings that set them.
    var editorFlags: [(String, JSON)] {
        Self.flags.compactMap { flag in
            guard let v = ThemeJSON.value(settings, flag.path), !v.isNull else { return nil }
            return (flag.name, flag.negated ? .bool(!ThemeJSON.truthy(v)) : v)
        }
    }

    /// The presets of one kind the editor offers: the site's own, else the theme's, else WordPress's.
    func presetList(_ path: [String]) -> JSON? {
        guard case .object(let byOrigin)? = ThemeJSON.value(settings, path) else { return nil }
        return byOrigin["custom"] ?? byOrigin["theme"] ?? byOrigin["default"]
    }

    /// The stylesheet of presets (CSS variables and `has-…` classes), the theme's fonts and the
    /// top-level and element styles.
    var css: [JSON] {
        let fluid = ThemeJSON.truthy(ThemeJSON.value(settings, ["typography", "fluid"]) ?? false)
        var variables = "", classes = ""
        for preset in Self.presets {
            // One value per slug: a later origin's replaces an earlier one's, in its place.
            var values: [(slug: String, value: String)] = []
            for origin in Self.origins {
                guard case .array(let items)? = ThemeJSON.value(settings, preset.path + [origin.rawValue]) else { continue }
                for case .object(let item) in items {
                    guard let slug = item["slug"]?.stringValue.map(Self.kebab) else { continue }
                    let value: String?
                    switch preset.variable {
                    case "duotone": value = "url('#wp-duotone-\(slug)')"
                    case "font-size": value = ThemeJSON.presetFontSize(item, fluid: fluid)
                    default: value = item[preset.value]?.stringValue
                    }
                    guard let value else { continue }
                    if let i = values.firstIndex(where: { $0.slug == slug }) { values[i].value = value } else { values.append((slug, value)) }
                }
            }
            for v in values { variables += "--wp--preset--\(preset.variable)--\(v.slug): \(Self.safe(v.value));" }
            // The classes that use them, one kind after another.
            let kinds: [(suffix: String, property: String)]
            switch preset.variable {
            case "color": kinds = [("color", "color"), ("background-color", "background-color"), ("border-color", "border-color")]
            case "gradient": kinds = [("gradient-background", "background")]
            case "font-size": kinds = [("font-size", "font-size")]
            case "font-family": kinds = [("font-family", "font-family")]
            default: kinds = []
            }
            for kind in kinds {
                for v in values { classes += ".has-\(v.slug)-\(kind.suffix){\(kind.property): var(--wp--preset--\(preset.variable)--\(v.slug)) !important;}" }
            }
        }
        var themeCSS = fontFaces
        themeCSS += merged.rootLayoutRules
        themeCSS += merged.blockClasses(blockSelectors: blockSelectors, layoutBlocks: layoutBlocks, featureSelectors: featureSelectors)
        return [
            ["css": .string("body{\(variables)}"), "__unstableType": "presets", "isGlobalStyles": true],
            ["css": .string(classes), "__unstableType": "presets", "isGlobalStyles": true],
            ["css": .string(themeCSS), "__unstableType": "theme", "isGlobalStyles": true],
        ]
    }

    /// `@font-face` rules for the theme's font families.
    var fontFaces: String {
        var css = ""
        let families = Self.origins.flatMap { origin -> [JSON] in
            ThemeJSON.value(settings, ["typography", "fontFamilies", origin.rawValue])?.arrayValue ?? []
        }
        for case .object(let family) in families {
            guard case .array(let faces)? = family["fontFace"] else { continue }
            for case .object(let face) in faces {
                guard let name = face["fontFamily"]?.stringValue else { continue }
                let sources: [String] = face["src"]?.arrayValue?.compactMap(\.stringValue) ?? []
                let urls = sources.map { source -> String in
                    let url = source.hasPrefix("file:./") ? themeURL + "/" + source.dropFirst("file:./".count) : source
                    let format = url.hasSuffix(".woff2") ? " format('woff2')" : url.hasSuffix(".woff") ? " format('woff')" : ""
                    return "url('\(Self.safe(url))')\(format)"
                }
                guard !urls.isEmpty else { continue }
                css += "@font-face{font-family:\"\(Self.safe(name))\";font-style:\(Self.safe(face["fontStyle"]?.stringValue ?? "normal"));"
                    + "font-weight:\(Self.safe(face["fontWeight"]?.stringValue ?? "400"));font-display:fallback;"
                    + "src:\(urls.joined(separator: ", "));}"
            }
        }
        return css
    }

    /// A value cut to what may stand in a declaration: no braces, semicolons or tags.
    static func safe(_ value: String) -> String {
        String(value.prefix(500).filter { !"{};<>\\".contains($0) })
    }

    static func kebab(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isUppercase { out += "-" + ch.lowercased() } else if ch.isLetter || ch.isNumber || ch == "-" { out.append(ch) } else { out += "-" }
        }
        return out
    }


    static func remove(_ o: inout JSONObject, _ path: [String]) {
        guard let first = path.first else { return }
        if path.count == 1 { o[first] = nil; return }
        guard var inner = o[first]?.objectValue else { return }
        remove(&inner, Array(path.dropFirst()))
        o[first] = .object(inner)
    }
}
