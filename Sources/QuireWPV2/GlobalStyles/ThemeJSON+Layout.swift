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
        let hasGap = Self.value(settings, ["spacing", "blockGap"]).map { !$0.isNull } ?? false
        var gap: String? = hasGap ? Self.cssText(Self.value(data, ["styles", "spacing", "blockGap"])) : "0.5em"
        if let g = gap, g.hasPrefix("var:") { gap = "var(--wp--" + g.dropFirst(4).replacingOccurrences(of: "|", with: "--") + ")" }
        if hasGap, let gap {
            css += ".wp-site-blocks > * { margin-block-start: 0; margin-block-end: 0; }"
            css += ".wp-site-blocks > * + * { margin-block-start: \(gap); }"
            css += "\(Self.rootSelector) { --wp--style--block-gap: \(gap); }"
        }
        let definitions = Self.value(settings, ["layout", "definitions"])?.objectValue ?? JSONObject()
        let pattern = "^[a-zA-Z0-9\\-\\.\\ *+>:\\(\\)]*$"
        func rules(_ list: JSON?, _ body: (String, JSON) -> String?) -> [(selector: String, declarations: [(String, String)])] {
            (list?.arrayValue ?? []).compactMap { rule in
                guard let selector = rule["selector"]?.stringValue, selector.range(of: pattern, options: .regularExpression) != nil,
                      case .object(let declared)? = rule["rules"], !declared.isEmpty else { return nil }
                return (selector, declared.compactMap { property, value in body(property, value).map { (property, $0) } })
            }
        }
        func ruleset(_ selector: String, _ declarations: [(String, String)]) -> String {
            declarations.isEmpty ? "" : selector + "{" + declarations.map { "\($0.0): \($0.1);" }.joined() + "}"
        }
        if let gap {
            for (key, definition) in definitions {
                guard hasGap || key == "flex", let className = definition["className"]?.stringValue.map(Slug.sanitizeTitle), !className.isEmpty else { continue }
                for rule in rules(definition["spacingStyles"], { _, value in Self.safeValue(value.stringValue ?? gap) }) {
                    let selector = hasGap ? "\(Self.rootSelector) .\(className)\(rule.selector)" : ":where(.\(className)\(rule.selector))"
                    css += ruleset(selector, rule.declarations)
                }
            }
        }
        for (_, definition) in definitions {
            guard let className = definition["className"]?.stringValue.map(Slug.sanitizeTitle), !className.isEmpty,
                  let base = definition["baseStyles"]?.arrayValue, !base.isEmpty else { continue }
            if let mode = definition["displayMode"]?.stringValue, ["block", "flex", "grid"].contains(mode) {
                css += ruleset("\(Self.rootSelector) .\(className)", [("display", mode)])
            }
            for rule in rules(definition["baseStyles"], { _, value in value.stringValue.flatMap(Self.safeValue) }) {
                css += ruleset("\(Self.rootSelector) .\(className)\(rule.selector)", rule.declarations)
            }
        }
        return css
    }

    /// A declaration's value unless it could end the rule (`is_safe_css_declaration`).
    static func safeValue(_ value: String) -> String? {
        value.isEmpty || value.contains(where: { "{};<>\\".contains($0) }) ? nil : value
    }
}
