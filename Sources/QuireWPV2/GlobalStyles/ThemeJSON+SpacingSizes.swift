import Foundation
import QuireREST
import QuireStore

extension ThemeJSON {
    /// Makes WordPress's own spacing presets from the merged `spacing.spacingScale`
    /// (`set_spacing_sizes`): the medium step is `50`, smaller steps count down by 10 from `40`,
    /// larger ones up from `60`. A scale of 0 steps makes none; an invalid scale changes nothing.
    ///
    ///     // {"operator": "*", "increment": 1.5, "steps": 7, "mediumStep": 1.5, "unit": "rem"}
    ///     // → 20: 0.44rem, 30: 0.67rem, 40: 1rem, 50: 1.5rem, 60: 2.25rem, 70: 3.38rem, 80: 5.06rem
    public mutating func setSpacingSizes() {
        guard case .object(let scale)? = Self.value(data, ["settings", "spacing", "spacingScale"]),
              let steps = Self.number(scale["steps"]), let medium = Self.number(scale["mediumStep"]),
              let increment = Self.number(scale["increment"]), let unitName = scale["unit"]?.stringValue,
              case .string(let op)? = scale["operator"], op == "+" || op == "*" else { return }
        if scale["steps"] == .int(0) { return }
        let unit = unitName == "%" ? "%" : Slug.sanitizeTitle(unitName)
        let midPoint = (steps / 2).rounded(.toNearestOrAwayFromZero)
        func size(_ d: Double) -> String { Self.phpNumber((d * 100).rounded(.toNearestOrAwayFromZero) / 100) + unit }

        var below: [JSON] = []
        var current = medium, slug = 40, remainder = 0.0
        var xSmall: Int? = nil
        var count = midPoint - 1
        while steps > 1 && slug > 0 && count > 0 {
            if op == "+" { current -= increment } else if increment > 1 { current /= increment } else { current *= increment }
            if current <= 0 { remainder = count; break }
            let name = count == midPoint - 1 ? "Small" : "\(xSmall.map(String.init) ?? "")X-Small"
            below.append(["name": .string(name), "slug": .string(String(slug)), "size": .string(size(current))])
            if count == midPoint - 2 { xSmall = 2 }
            if count < midPoint - 2 { xSmall = (xSmall ?? 0) + 1 }
            slug -= 10
            count -= 1
        }
        var sizes: [JSON] = below.reversed()
        sizes.append(["name": "Medium", "slug": "50", "size": .string(Self.phpNumber(medium, scale["mediumStep"]) + unit)])

        current = medium
        slug = 60
        var xLarge: Int? = nil
        let above = Int(steps - midPoint + remainder)
        var i = 0
        while i < above {
            current = op == "+" ? current + increment : (increment >= 1 ? current * increment : current / increment)
            let name = i == 0 ? "Large" : "\(xLarge.map(String.init) ?? "")X-Large"
            sizes.append(["name": .string(name), "slug": .string(String(slug)), "size": .string(size(current))])
            if i == 1 { xLarge = 2 }
            if i > 1 { xLarge = (xLarge ?? 0) + 1 }
            slug += 10
            i += 1
        }
        if steps <= 7 {
            sizes = sizes.enumerated().map { i, item in
                var o = item.objectValue ?? JSONObject()
                o["name"] = .string(String(i + 1))
                return .object(o)
            }
        }
        Self.set(&data, ["settings", "spacing", "spacingSizes", Origin.default.rawValue], .array(sizes))
    }

    /// A JSON number, or a numeric string, as PHP's `is_numeric` reads it.
    static func number(_ v: JSON?) -> Double? {
        switch v {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case .string(let s)?: return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// A number as PHP writes it into a string: integers without a fraction.
    static func phpNumber(_ d: Double, _ original: JSON? = nil) -> String {
        if case .string(let s)? = original { return s }
        if case .int(let i)? = original { return String(i) }
        if d.rounded() == d && abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }
}
