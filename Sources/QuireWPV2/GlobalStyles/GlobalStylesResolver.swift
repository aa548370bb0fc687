import Foundation
import QuireREST

/// The layers of global styles and settings and their merge (`WP_Theme_JSON_Resolver`):
/// WordPress's own `theme.json`, what block types declare, the theme's supports and
/// `theme.json` (over its parent's), then the site's own edits (a `wp_global_styles` post).
///
///     let resolver = GlobalStylesResolver(themes: themes, blockTypes: blockTypes)
///     resolver.merged(user: nil).settings     // what `/wp/v2/global-styles/themes/<theme>` shows
///     resolver.variations()                   // the theme's `styles/*.json`
public struct GlobalStylesResolver: Sendable {
    public let themes: ThemeLibrary
    let blockNames: [String]
    let blockStyles: [(name: String, style: JSON?, defaultGap: Bool)]
    /// Each block's CSS selector: its `__experimentalSelector`, else `.wp-block-<name>`.
    public let blockSelectors: [String: String]
    /// The blocks whose supports give a feature its own selector (`__experimentalSelector` in
    /// `__experimentalBorder`, `color`, `spacing` or `typography`): each feature's styles are
    /// written under that selector, scoped to the block's.
    ///
    ///     resolver.featureSelectors["core/image"]   // [("border", ".wp-block-image img, .wp-block-image .wp-block-image__crop-area")]
    public let featureSelectors: [String: [(feature: String, selector: String)]]
    /// The block supports that may carry a feature-level selector, and the style each one is
    /// (`BLOCK_SUPPORT_FEATURE_LEVEL_SELECTORS`).
    static let featureSupports = [("__experimentalBorder", "border"), ("color", "color"), ("spacing", "spacing"), ("typography", "typography")]
    /// The blocks that support layouts (`__experimentalLayout`), each with its default gap
    /// (`spacing.blockGap.__experimentalDefault`), if any.
    public let layoutBlocks: [String: String?]
    /// WordPress's, the blocks' and the theme's layers merged: fixed for the server's life (the
    /// theme and block types are read at start), so merged once.
    private(set) var fixedLayers = ThemeJSON([:], blockNames: [])

    public init(themes: ThemeLibrary, blockTypes: [BlockType]) {
        self.themes = themes
        blockNames = blockTypes.map(\.name)
        blockStyles = blockTypes.map { type in
            let supports = type.supports.objectValue
            let gap = supports?["spacing"]?.objectValue?["blockGap"]?.objectValue?["__experimentalDefault"]
            return (type.name, supports?["__experimentalStyle"].map(Self.withoutComments), gap.map { !$0.isNull } ?? false)
        }
        var selectors: [String: String] = [:]
        for type in blockTypes {
            let own = type.supports.objectValue?["__experimentalSelector"]?.stringValue
            let name = type.name.hasPrefix("core/") ? String(type.name.dropFirst(5)) : type.name
            selectors[type.name] = own ?? ".wp-block-" + name.replacingOccurrences(of: "/", with: "-")
        }
        blockSelectors = selectors
        var features: [String: [(feature: String, selector: String)]] = [:]
        for type in blockTypes {
            guard let supports = type.supports.objectValue, let block = selectors[type.name] else { continue }
            let own = Self.featureSupports.compactMap { key, feature -> (feature: String, selector: String)? in
                guard let selector = supports[key]?.objectValue?["__experimentalSelector"]?.stringValue, !selector.isEmpty else { return nil }
                return (feature, ThemeJSON.scopeSelector(selector, in: block))
            }
            if !own.isEmpty { features[type.name] = own }
        }
        featureSelectors = features
        var layouts: [String: String?] = [:]
        for type in blockTypes {
            guard let supports = type.supports.objectValue, let layout = supports["__experimentalLayout"], ThemeJSON.truthy(layout) else { continue }
            layouts[type.name] = .some(supports["spacing"]?.objectValue?["blockGap"]?.objectValue?["__experimentalDefault"]?.stringValue)
        }
        layoutBlocks = layouts
        var layers = core
        layers.merge(blocks)
        layers.merge(theme)
        fixedLayers = layers
    }

    /// Whether the active theme (or its parent) has a `theme.json` (`theme_has_support`).
    public var themeHasSupport: Bool { themes.activeChain.contains { $0.themeJSON != nil } }

    /// WordPress's own layer (`get_core_data`).
    var core: ThemeJSON { ThemeJSON(themes.coreThemeJSON, origin: .default, blockNames: blockNames) }

    /// What block types declare (`get_block_data`): their `__experimentalStyle`, and an empty
    /// block gap for those that give a default one.
    var blocks: ThemeJSON {
        var styles = JSONObject()
        for block in blockStyles {
            if case .object(let style)? = block.style { styles[block.name] = .object(style) }
            if block.defaultGap, ThemeJSON.value(styles, [block.name, "spacing", "blockGap"]) == nil {
                ThemeJSON.set(&styles, [block.name, "spacing", "blockGap"], .null)
            }
        }
        var config: JSONObject = ["version": 2]
        if !styles.isEmpty { config["styles"] = ["blocks": .object(styles)] }
        return ThemeJSON(config, origin: .blocks, blockNames: blockNames)
    }

    /// The theme's layer (`get_theme_data`): its supports, under its `theme.json` laid over its
    /// parent's.
    var theme: ThemeJSON {
        var own: ThemeJSON? = nil
        for installed in themes.activeChain.reversed() {
            guard let json = installed.themeJSON else { continue }
            let layer = ThemeJSON(json, origin: .theme, blockNames: blockNames)
            if own == nil { own = layer } else { own?.merge(layer) }
        }
        var supports = ThemeJSON(supportSettings, origin: .theme, blockNames: blockNames)
        if let own { supports.merge(own) }
        return supports
    }

    /// The theme's supports as settings (`get_from_editor_settings` of the default editor
    /// settings), with WordPress's presets kept for a theme without `theme.json`.
    var supportSettings: JSONObject {
        let supports = themes.active.map(ThemeSupports.of) ?? JSONObject()
        func on(_ feature: String) -> Bool { ThemeJSON.truthy(supports[feature] ?? false) }
        var color: JSONObject = ["custom": .bool(!on("disable-custom-colors")), "customGradient": .bool(!on("disable-custom-gradients"))]
        let typography: JSONObject = ["customFontSize": .bool(!on("disable-custom-font-sizes")), "lineHeight": .bool(on("custom-line-height"))]
        let spacing: JSONObject = ["units": on("custom-units") ? ["px", "em", "rem", "vh", "vw", "%"] : false, "padding": .bool(on("custom-spacing"))]
        if !themeHasSupport {
            color["defaultPalette"] = true
            color["defaultGradients"] = true
            color["defaultDuotone"] = false
        }
        return ["version": 2, "settings": ["color": .object(color), "typography": .object(typography), "spacing": .object(spacing)]]
    }

    /// Everything merged (`get_merged_data`): with the site's edits when `user` is given
    /// (`custom`), without them for the theme's own view (`theme`).
    public func merged(user: JSONObject?) -> ThemeJSON {
        var result = fixedLayers
        if let user { result.merge(userLayer(user)) }
        result.setSpacingSizes()
        return result
    }

    /// The site's edits as a layer: only a post marked `isGlobalStylesUserThemeJSON` counts.
    public func userLayer(_ config: JSONObject) -> ThemeJSON {
        guard config["isGlobalStylesUserThemeJSON"] == .bool(true) else { return ThemeJSON([:], origin: .custom, blockNames: blockNames) }
        return ThemeJSON(config, origin: .custom, blockNames: blockNames)
    }

    /// The active theme's style variations, by file path (`get_style_variations`), each titled
    /// after its file when it has no title.
    public func variations() -> [JSON] {
        guard let folder = themes.active?.folder.appendingPathComponent("styles") else { return [] }
        var found: [(String, JSON)] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension.lowercased() == "json" {
                guard found.count < 200, let data = FileManager.default.contents(atPath: url.path), data.count <= 1 << 20,
                      case .object(let o)? = try? JSONParser.parse(Array(data)) else { continue }
                var variation = ThemeJSON(o, origin: .theme, blockNames: blockNames).data
                if !ThemeJSON.truthy(variation["title"] ?? .null) { variation["title"] = .string(url.deletingPathExtension().lastPathComponent) }
                found.append((url.path, .object(variation)))
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A block's style without its `//` comments (`remove_json_comments`).
    static func withoutComments(_ v: JSON) -> JSON {
        switch v {
        case .object(let o):
            var out = JSONObject()
            for (k, inner) in o where k != "//" { out[k] = withoutComments(inner) }
            return .object(out)
        case .array(let a): return .array(a.map(withoutComments))
        default: return v
        }
    }
}
