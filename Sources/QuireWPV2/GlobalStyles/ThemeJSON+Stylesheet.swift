import QuireREST

extension ThemeJSON {
    /// CSS properties and where their values are in a style object (`PROPERTIES_METADATA`), in
    /// the order WordPress writes them.
    static let properties: [(name: String, path: [String])] = [
        ("background", ["color", "gradient"]), ("background-color", ["color", "background"]),
        ("border-radius", ["border", "radius"]), ("border-top-left-radius", ["border", "radius", "topLeft"]),
        ("border-top-right-radius", ["border", "radius", "topRight"]), ("border-bottom-left-radius", ["border", "radius", "bottomLeft"]),
        ("border-bottom-right-radius", ["border", "radius", "bottomRight"]), ("border-color", ["border", "color"]),
        ("border-width", ["border", "width"]), ("border-style", ["border", "style"]),
        ("border-top-color", ["border", "top", "color"]), ("border-top-width", ["border", "top", "width"]), ("border-top-style", ["border", "top", "style"]),
        ("border-right-color", ["border", "right", "color"]), ("border-right-width", ["border", "right", "width"]),
        ("border-right-style", ["border", "right", "style"]), ("border-bottom-color", ["border", "bottom", "color"]),
        ("border-bottom-width", ["border", "bottom", "width"]), ("border-bottom-style", ["border", "bottom", "style"]),
        ("border-left-color", ["border", "left", "color"]), ("border-left-width", ["border", "left", "width"]),
        ("border-left-style", ["border", "left", "style"]),
        ("color", ["color", "text"]), ("font-family", ["typography", "fontFamily"]), ("font-size", ["typography", "fontSize"]),
        ("font-style", ["typography", "fontStyle"]), ("font-weight", ["typography", "fontWeight"]),
        ("letter-spacing", ["typography", "letterSpacing"]), ("line-height", ["typography", "lineHeight"]),
        ("margin", ["spacing", "margin"]), ("margin-top", ["spacing", "margin", "top"]), ("margin-right", ["spacing", "margin", "right"]),
        ("margin-bottom", ["spacing", "margin", "bottom"]), ("margin-left", ["spacing", "margin", "left"]),
        ("padding", ["spacing", "padding"]), ("padding-top", ["spacing", "padding", "top"]), ("padding-right", ["spacing", "padding", "right"]),
        ("padding-bottom", ["spacing", "padding", "bottom"]), ("padding-left", ["spacing", "padding", "left"]),
        ("--wp--style--root--padding", ["spacing", "padding"]), ("--wp--style--root--padding-top", ["spacing", "padding", "top"]),
        ("--wp--style--root--padding-right", ["spacing", "padding", "right"]),
        ("--wp--style--root--padding-bottom", ["spacing", "padding", "bottom"]),
        ("--wp--style--root--padding-left", ["spacing", "padding", "left"]),
        ("text-decoration", ["typography", "textDecoration"]), ("text-transform", ["typography", "textTransform"]),
        ("filter", ["filter", "duotone"]), ("box-shadow", ["shadow"]),
    ]

    static let rootSelector = "body"

    /// A font size preset's value (`wp_get_typography_font_size_value`): its size, made fluid
    /// when the theme asks and the preset does not opt out, between its own `fluid` bounds when
    /// it gives them.
    ///
    ///     ThemeJSON.presetFontSize(["size": "1rem", "fluid": ["min": "0.875rem", "max": "1rem"]], fluid: true)
    ///     // "clamp(0.875rem, 0.875rem + ((1vw - 0.48rem) * 0.24), 1rem)"
    public static func presetFontSize(_ preset: JSONObject, fluid: Bool) -> String {
        let size = preset["size"].map(PHPScalar.toString) ?? ""
        guard fluid, !size.isEmpty, preset["fluid"] != .bool(false) else { return size }
        let bounds = preset["fluid"]?.objectValue
        return FluidTypography.value(size, min: bounds?["min"]?.stringValue, max: bounds?["max"]?.stringValue)
    }

    /// The rules of the root, the elements and the blocks' styles, with the elements' states
    /// (`get_block_classes` over `get_style_nodes`). `blockSelectors` are each block's CSS
    /// selector (``GlobalStylesResolver/blockSelectors``); `layoutBlocks` the blocks that have
    /// layouts, each with the gap it gives flex layouts by default
    /// (``GlobalStylesResolver/layoutBlocks``).
    ///
    ///     merged.blockClasses(blockSelectors: ["core/navigation": ".wp-block-navigation"])
    ///     // "body{…}a:where(:not(.wp-element-button)){…}….wp-block-navigation{font-size: …;}…"
    public func blockClasses(blockSelectors: [String: String], layoutBlocks: [String: String?] = [:],
                             featureSelectors: [String: [(feature: String, selector: String)]] = [:]) -> String {
        guard let styles else { return "" }
        let rootPadding = settings["useRootPaddingAwareAlignments"] == .bool(true)
        let fluid = ThemeJSON.truthy(Self.value(settings, ["typography", "fluid"]) ?? false)
        var css = ""
        func write(_ selector: String, _ declarations: [(String, String)]) {
            if !declarations.isEmpty { css += selector + "{" + declarations.map { "\($0.0): \($0.1);" }.joined() + "}" }
        }
        func add(_ selector: String, _ node: JSONObject?) {
            guard let node else { return }
            write(selector, self.declarations(node, selector: selector, rootPadding: rootPadding, fluid: fluid))
        }
        func addElement(_ selector: String, _ name: String, _ node: JSONObject) {
            add(selector, node)
            for pseudo in ThemeJSONSchema.pseudoSelectors[name] ?? [] {
                if case .object(let state)? = node[pseudo] { add(Self.appending(pseudo, to: selector), state) }
            }
        }
        add(Self.rootSelector, styles)
        let elements = styles["elements"]?.objectValue ?? JSONObject()
        for element in ThemeJSONSchema.elements {
            if case .object(let node)? = elements[element.name] { addElement(element.selector, element.name, node) }
        }
        for (name, value) in styles["blocks"]?.objectValue ?? JSONObject() {
            guard let selector = blockSelectors[name], case .object(var block) = value else { continue }
            // A feature with its own selector is written under it, after the block's other rules
            // (several features under one selector share one rule).
            var featureRules: [(selector: String, declarations: [(String, String)])] = []
            for (feature, featureSelector) in featureSelectors[name] ?? [] {
                guard let node = block[feature]?.objectValue, !node.isEmpty else { continue }
                let declarations = self.declarations([feature: .object(node)], selector: featureSelector, rootPadding: false, fluid: fluid)
                if let i = featureRules.firstIndex(where: { $0.selector == featureSelector }) {
                    featureRules[i].declarations += declarations
                } else {
                    featureRules.append((featureSelector, declarations))
                }
                block[feature] = nil
            }
            add(selector, block)
            // A block with layouts spaces its children by its own gap (or, when the theme sets
            // none, by the gap the block gives flex layouts).
            if let defaultGap = layoutBlocks[name] {
                if let gap = setsBlockGap ? Self.blockGap(block) : defaultGap { css += layoutSpacingRules(selector, gap: gap) }
            }
            for rule in featureRules { write(rule.selector, rule.declarations) }
            for (elementName, elementValue) in block["elements"]?.objectValue ?? JSONObject() {
                guard case .object(let node) = elementValue,
                      let element = ThemeJSONSchema.elements.first(where: { $0.name == elementName }) else { continue }
                addElement(Self.scoped(element.selector, in: selector), elementName, node)
            }
        }
        return css
    }

    /// A style object's declarations (`compute_style_properties`): preset references made CSS
    /// variables, font sizes made fluid when the theme asks, and on the root, with root padding,
    /// the padding given as `--wp--style--root--padding-*` instead.
    func declarations(_ node: JSONObject, selector: String, rootPadding: Bool, fluid: Bool) -> [(String, String)] {
        var out: [(String, String)] = []
        var duplicates: [String] = []
        let rootVariable = "--wp--style--root--"
        for (name, path) in Self.properties {
            if name.hasPrefix(rootVariable) && (selector != Self.rootSelector || !rootPadding) { continue }
            var value = Self.value(node, path)
            if case .object(let o)? = value, case .string(let ref)? = o["ref"] { value = Self.value(data, ref.split(separator: ".").map(String.init)) }
            if name == "--wp--style--root--padding", case .string? = value { continue }
            if name.hasPrefix(rootVariable) && rootPadding { duplicates.append(String(name.dropFirst(rootVariable.count))) }
            guard var text = Self.cssText(value) else { continue }
            text = Self.presetVariable(text)
            if name == "font-size" && fluid { text = FluidTypography.value(text) }
            out.append((name, text))
        }
        for name in duplicates {
            if let i = out.firstIndex(where: { $0.0 == name }) { out.remove(at: i) }
        }
        return out
    }

    /// A value that can stand in a declaration: text or a number, not empty (`0` stands), and
    /// nothing that would end the rule.
    static func cssText(_ v: JSON?) -> String? {
        switch v {
        case .string(let s)?: return s.isEmpty || s.contains(where: { "{};<>".contains($0) }) ? nil : s
        case .int(let i)?: return String(i)
        case .double(let d)?: return phpNumber(d)
        case .bool(true)?: return "1"
        default: return nil
        }
    }

    /// `append_to_selector`: each part of a list of selectors with `suffix` after it.
    static func appending(_ suffix: String, to selector: String) -> String {
        selector.split(separator: ",", omittingEmptySubsequences: false).map { $0 + suffix }.joined(separator: ",")
    }

    /// `scope_selector`: each part of `selector` within each part of `scope`, trimmed and
    /// joined with ", ".
    ///
    ///     ThemeJSON.scopeSelector("img, .crop", in: ".wp-block-image")   // ".wp-block-image img, .wp-block-image .crop"
    public static func scopeSelector(_ selector: String, in scope: String) -> String {
        var scoped: [String] = []
        for outerPart in scope.split(separator: ",", omittingEmptySubsequences: false) {
            for innerPart in selector.split(separator: ",", omittingEmptySubsequences: false) {
                let outer = outerPart.trimmingCharacters(in: .whitespaces), inner = innerPart.trimmingCharacters(in: .whitespaces)
                if !outer.isEmpty && !inner.isEmpty { scoped.append(outer + " " + inner) } else if outer.isEmpty { scoped.append(inner) } else { scoped.append(outer) }
            }
        }
        return scoped.joined(separator: ", ")
    }

    /// An element's selector within a block's (each part of one before each part of the other).
    static func scoped(_ element: String, in block: String) -> String {
        block.split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
            if String(part) == element { return element }
            return element.split(separator: ",", omittingEmptySubsequences: false).map { part + " " + $0 }.joined(separator: ",")
        }.joined(separator: ",")
    }
}
