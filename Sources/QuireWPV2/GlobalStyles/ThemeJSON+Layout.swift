import QuireREST
import QuireStore

extension ThemeJSON {
    /// The page's layout rules (`get_root_layout_rules` with the root's `get_layout_styles`):
    /// the content and wide sizes, the root padding when alignments are padding-aware, the
    /// alignments of the site's top blocks, the block gap, and each layout definition's
    /// spacing and base rules (`is-layout-flow`, `is-layout-constrained`, `is-layout-flex`).
    public var rootLayoutRules: String {
        let settings = self.settings
        var css = "body { margin: 0;"
        let layout = settings["layout"]?.objectValue ?? JSONObject()
        let content = layout["contentSize"]?.stringValue, wide = layout["wideSize"]?.stringValue
        if content != nil || wide != nil {
            css += "--wp--style--global--content-size: \(Self.safeValue(content ?? wide ?? "") ?? "initial");"
            css += "--wp--style--global--wide-size: \(Self.safeValue(wide ?? content ?? "") ?? "initial");"
        }
        css += " }"
        if settings["useRootPaddingAwareAlignments"] == .bool(true) {
            let inner = ":where([class*=\"wp-block-\"]:not(.alignfull):not([class*=\"__\"]),p,h1,h2,h3,h4,h5,h6,ul,ol)"
            css += ".wp-site-blocks { padding-top: var(--wp--style--root--padding-top); padding-bottom: var(--wp--style--root--padding-bottom); }"
            css += ".has-global-padding { padding-right: var(--wp--style--root--padding-right); padding-left: var(--wp--style--root--padding-left); }"
            css += ".has-global-padding :where(.has-global-padding) { padding-right: 0; padding-left: 0; }"
            css += ".has-global-padding > .alignfull { margin-right: calc(var(--wp--style--root--padding-right) * -1); margin-left: calc(var(--wp--style--root--padding-left) * -1); }"
            css += ".has-global-padding :where(.has-global-padding) > .alignfull { margin-right: 0; margin-left: 0; }"
            css += ".has-global-padding > .alignfull:where(:not(.has-global-padding)) > \(inner) { padding-right: var(--wp--style--root--padding-right); padding-left: var(--wp--style--root--padding-left); }"
            css += ".has-global-padding :where(.has-global-padding) > .alignfull:where(:not(.has-global-padding)) > \(inner) { padding-right: 0; padding-left: 0; }"
        }
        css += ".wp-site-blocks > .alignleft { float: left; margin-right: 2em; }"
        css += ".wp-site-blocks > .alignright { float: right; margin-left: 2em; }"
        css += ".wp-site-blocks > .aligncenter { justify-content: center; margin-left: auto; margin-right: auto; }"
        // A theme that sets the block gap spaces the page's blocks by it; one that does not gets
        // WordPress's fallback gap, for flex layouts only.
        let hasGap = setsBlockGap
        let gap: String? = hasGap ? Self.cssText(Self.value(data, ["styles", "spacing", "blockGap"])).map(Self.presetVariable) : "0.5em"
        if hasGap, let gap {
            css += ".wp-site-blocks > * { margin-block-start: 0; margin-block-end: 0; }"
            css += ".wp-site-blocks > * + * { margin-block-start: \(gap); }"
            css += "\(Self.rootSelector) { --wp--style--block-gap: \(gap); }"
        }
        if let gap { css += layoutSpacingRules(Self.rootSelector, gap: gap) }
        let definitions = Self.value(settings, ["layout", "definitions"])?.objectValue ?? JSONObject()
        for (_, definition) in definitions {
            guard let className = definition["className"]?.stringValue.map(Slug.sanitizeTitle), !className.isEmpty,
                  let base = definition["baseStyles"]?.arrayValue, !base.isEmpty else { continue }
            if let mode = definition["displayMode"]?.stringValue, ["block", "flex", "grid"].contains(mode) {
                css += Self.ruleset("\(Self.rootSelector) .\(className)", [("display", mode)])
            }
            for rule in Self.layoutRules(definition["baseStyles"], { value in value.stringValue.flatMap(Self.safeValue) }) {
                css += Self.ruleset("\(Self.rootSelector) .\(className)\(rule.selector)", rule.declarations)
            }
        }
        return css
    }

    /// Each layout's spacing rules for the elements under `selector` (the root's, or a block's
    /// own when it sets a gap), with `gap` where a rule leaves its value to the gap. A theme that
    /// does not set the block gap gets flex layouts' rules only, at no specificity.
    func layoutSpacingRules(_ selector: String, gap: String) -> String {
        let hasGap = setsBlockGap
        let isRoot = selector == Self.rootSelector
        var css = ""
        for (key, definition) in Self.value(settings, ["layout", "definitions"])?.objectValue ?? JSONObject() {
            guard hasGap || key == "flex", let className = definition["className"]?.stringValue.map(Slug.sanitizeTitle), !className.isEmpty else { continue }
            for rule in Self.layoutRules(definition["spacingStyles"], { value in Self.safeValue(value.stringValue ?? gap) }) {
                let scoped: String
                switch (hasGap, isRoot) {
                case (true, true): scoped = "\(selector) .\(className)\(rule.selector)"
                case (true, false): scoped = "\(selector).\(className)\(rule.selector)"
                case (false, true): scoped = ":where(.\(className)\(rule.selector))"
                case (false, false): scoped = ":where(\(selector).\(className)\(rule.selector))"
                }
                css += Self.ruleset(scoped, rule.declarations)
            }
        }
        return css
    }

    /// A layout definition's rules whose selectors are plain (class names, combinators, pseudo
    /// classes), each declaration's value given by `value` (nil drops it).
    static func layoutRules(_ list: JSON?, _ value: (JSON) -> String?) -> [(selector: String, declarations: [(String, String)])] {
        let pattern = "^[a-zA-Z0-9\\-\\.\\ *+>:\\(\\)]*$"
        return (list?.arrayValue ?? []).compactMap { rule in
            guard let selector = rule["selector"]?.stringValue, selector.range(of: pattern, options: .regularExpression) != nil,
                  case .object(let declared)? = rule["rules"], !declared.isEmpty else { return nil }
            return (selector, declared.compactMap { property, v in value(v).map { (property, $0) } })
        }
    }

    static func ruleset(_ selector: String, _ declarations: [(String, String)]) -> String {
        declarations.isEmpty ? "" : selector + "{" + declarations.map { "\($0.0): \($0.1);" }.joined() + "}"
    }

    /// A block's own gap (`spacing.blockGap`: one value, or `{top, left}` as row and column).
    static func blockGap(_ node: JSONObject) -> String? {
        var value = Self.value(node, ["spacing", "blockGap"])
        if case .object(let sides)? = value {
            guard let top = cssText(sides["top"]).map(presetVariable), let left = cssText(sides["left"]).map(presetVariable) else { return nil }
            return top == left ? top : "\(top) \(left)"
        }
        if case .bool(false)? = value { value = nil }
        return cssText(value).map(presetVariable)
    }

    /// `var:preset|spacing|40` → `var(--wp--preset--spacing--40)`.
    static func presetVariable(_ text: String) -> String {
        text.hasPrefix("var:") ? "var(--wp--" + text.dropFirst(4).replacingOccurrences(of: "|", with: "--") + ")" : text
    }

    /// Whether the settings give the block gap (`settings.spacing.blockGap` set, even to false):
    /// gaps then come from the styles, otherwise flex layouts get WordPress's fallback.
    var setsBlockGap: Bool { Self.value(settings, ["spacing", "blockGap"]).map { !$0.isNull } ?? false }

    /// A declaration's value unless it could end the rule (`is_safe_css_declaration`).
    static func safeValue(_ value: String) -> String? {
        value.isEmpty || value.contains(where: { "{};<>\\".contains($0) }) ? nil : value
    }
}
