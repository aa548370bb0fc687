import QuireREST

/// The attributes a block's supports add when it is registered (`WP_Block_Supports`): each
/// support, in WordPress's order (alignment, border, colors, custom class name, dimensions,
/// duotone, layout, spacing, typography), adds those it needs and the block lacks.
///
///     BlockSupports.attributes(["lock": ["type": "object"]], supports: ["align": true, "spacing": ["margin": true]]).keys
///     // ["lock", "align", "style", "className"]
public enum BlockSupports {
    static let object: JSON = ["type": "object"]
    static let string: JSON = ["type": "string"]

    public static func attributes(_ defined: JSONObject, supports: JSON) -> JSONObject {
        var a = defined
        func add(_ key: String, _ definition: JSON, when condition: Bool) {
            if condition && a[key] == nil { a[key] = definition }
        }
        /// `block_has_support`: the value is `true` or a list or map, even an empty one.
        func has(_ path: String..., otherwise fallback: Bool = false) -> Bool {
            switch value(supports, path) {
            case nil: return fallback
            case .bool(true)?, .array?, .object?: return true
            default: return false
            }
        }

        add("align", ["type": "string", "enum": ["left", "center", "right", "wide", "full", ""]], when: has("align"))

        add("style", object, when: has("__experimentalBorder"))
        add("borderColor", string, when: value(supports, ["__experimentalBorder"]) == .bool(true) || has("__experimentalBorder", "color"))

        let color = value(supports, ["color"])
        let colorObject = color?.objectValue != nil || color?.arrayValue != nil
        let text = color == .bool(true) || (colorObject && truthy(value(color, ["text"]) ?? .bool(true)))
        let background = color == .bool(true) || (colorObject && truthy(value(color, ["background"]) ?? .bool(true)))
        let gradients = truthy(value(color, ["gradients"])), link = truthy(value(color, ["link"]))
        add("style", object, when: text || background || gradients || link)
        add("backgroundColor", string, when: background)
        add("textColor", string, when: text)
        add("gradient", string, when: gradients)

        add("className", string, when: has("customClassName", otherwise: true))
        add("style", object, when: has("__experimentalDimensions"))
        add("style", object, when: truthy(value(supports, ["color", "__experimentalDuotone"])))
        add("layout", object, when: has("__experimentalLayout"))
        add("style", object, when: has("spacing"))

        let typography = value(supports, ["typography"])
        let features = ["__experimentalFontFamily", "fontSize", "__experimentalFontStyle", "__experimentalFontWeight",
                        "__experimentalLetterSpacing", "lineHeight", "__experimentalTextDecoration", "__experimentalTextTransform"]
        add("style", object, when: features.contains { truthy(value(typography, [$0])) })
        add("fontSize", string, when: truthy(value(typography, ["fontSize"])))
        add("fontFamily", string, when: truthy(value(typography, ["__experimentalFontFamily"])))
        return a
    }

    /// The value at a path of keys (`_wp_array_get`), nil when any step is missing.
    static func value(_ root: JSON?, _ path: [String]) -> JSON? {
        var node = root
        for key in path {
            guard case .object(let o)? = node, let next = o[key], !next.isNull else { return nil }
            node = next
        }
        return node
    }

    /// PHP's truthiness of a JSON value; a missing one is false.
    static func truthy(_ v: JSON?) -> Bool {
        switch v {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case .int(let i)?: return i != 0
        case .double(let d)?: return d != 0
        case .string(let s)?: return !s.isEmpty && s != "0"
        case .array(let a)?: return !a.isEmpty
        case .object(let o)?: return !o.isEmpty
        }
    }
}
