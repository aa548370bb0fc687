import Foundation
import QuireREST

/// The `class` and `style` a block's wrapper gets from its supports
/// (`get_block_wrapper_attributes`): alignment, custom class names, the generated
/// `wp-block-<name>` class, spacing and typography, in the order WordPress applies them.
enum BlockWrapperAttributes {
    static func html(block: BlockType, attributes: JSONObject, extraClass: String, fluidType: Bool) -> String {
        let supports = block.supports.objectValue ?? JSONObject()
        func on(_ o: JSONObject, _ key: String, otherwise: Bool = false) -> Bool { o[key] == nil ? otherwise : BlockSupports.truthy(o[key]) }
        var classes: [String] = []
        // Each support's declarations, joined by a space between supports.
        var styles: [String] = []
        if on(supports, "align"), let align = attributes["align"]?.stringValue, !align.isEmpty {
            classes.append("align\(align)")
        }
        if on(supports, "customClassName", otherwise: true), let custom = attributes["className"]?.stringValue, !custom.isEmpty {
            classes.append(custom)
        }
        if on(supports, "className", otherwise: true) { classes.append(generatedClass(block.name)) }
        let style = attributes["style"]?.objectValue ?? JSONObject()
        if let spacing = supports["spacing"]?.objectValue, let given = style["spacing"]?.objectValue {
            let declarations = ["padding", "margin"].filter { on(spacing, $0) }.flatMap { boxStyles($0, given[$0]) }
            if !declarations.isEmpty { styles.append(declarations.joined()) }
        }
        if let typography = supports["typography"]?.objectValue {
            if on(typography, "fontSize"), let preset = attributes["fontSize"]?.stringValue, !preset.isEmpty {
                classes.append("has-\(kebab(preset))-font-size")
            }
            let given = style["typography"]?.objectValue ?? JSONObject()
            var declarations = ""
            for (key, property) in [("fontSize", "font-size"), ("lineHeight", "line-height")] {
                guard on(typography, key), let value = given[key].map(PHPScalar.toString), !value.isEmpty else { continue }
                // A preset's class stands for its size; a custom size may be fluid.
                if key == "fontSize" && attributes["fontSize"]?.stringValue?.isEmpty == false { continue }
                let shown = key == "fontSize" && fluidType ? FluidTypography.value(value) : presetValue(value)
                declarations += "\(property):\(shown);"
            }
            if !declarations.isEmpty { styles.append(declarations) }
        }
        var out: [String] = []
        if !styles.isEmpty { out.append("style=\"\(HTMLText.escape(styles.joined(separator: " ")))\"") }
        let supported = classes.joined(separator: " ")
        let cls = extraClass.isEmpty ? supported : supported.isEmpty ? extraClass : "\(extraClass) \(supported)"
        if !cls.isEmpty { out.append("class=\"\(HTMLText.escape(cls))\"") }
        return out.joined(separator: " ")
    }

    /// `wp-block-<name>`, the `core/` namespace left out.
    static func generatedClass(_ name: String) -> String {
        "wp-block-" + (name.hasPrefix("core/") ? String(name.dropFirst(5)) : name.replacingOccurrences(of: "/", with: "-"))
    }

    /// `_wp_to_kebab_case` for preset slugs.
    static func kebab(_ s: String) -> String {
        var out = ""
        var previousLower = false
        for c in s {
            if c.isUppercase && previousLower { out += "-" }
            if c.isLetter || c.isNumber { out += c.lowercased() } else if !out.hasSuffix("-") { out += "-" }
            previousLower = c.isLowercase || c.isNumber
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// `var:preset|spacing|50` → `var(--wp--preset--spacing--50)`.
    static func presetValue(_ v: String) -> String {
        guard v.hasPrefix("var:") else { return v }
        return "var(--wp--" + v.dropFirst(4).replacingOccurrences(of: "|", with: "--") + ")"
    }

    /// One side's padding or margin: a value for all four sides, or a value per side.
    static func boxStyles(_ property: String, _ value: JSON?) -> [String] {
        switch value {
        case .object(let sides)?:
            return ["top", "right", "bottom", "left"].compactMap { side in
                guard let v = sides[side].map(PHPScalar.toString), !v.isEmpty else { return nil }
                return "\(property)-\(side):\(presetValue(v));"
            }
        case .string(let all)? where !all.isEmpty: return ["\(property):\(presetValue(all));"]
        default: return []
        }
    }
}
