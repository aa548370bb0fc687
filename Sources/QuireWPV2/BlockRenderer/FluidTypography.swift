import Foundation

/// A font size that grows with the window between 768px and 1600px wide, when the theme asks
/// for fluid type (`wp_get_typography_font_size_value` and `wp_get_computed_fluid_typography_value`):
/// from three quarters of the size (but not below 14px) to the size itself.
///
///     FluidTypography.value("20px")   // "clamp(15px, 0.938rem + ((1vw - 7.68px) * 0.601), 20px)"
enum FluidTypography {
    /// With `min` or `max` (a preset's `fluid` bounds), those are the ends instead.
    static func value(_ size: String, min: String? = nil, max: String? = nil) -> String {
        guard let preferred = valueAndUnit(size) else { return size }
        let limit = valueAndUnit("14px", coerceTo: preferred.unit)
        if let limit, min == nil && max == nil, preferred.value <= limit.value { return size }
        let maximumRaw = max ?? number(preferred.value) + preferred.unit
        let calculated = round3(preferred.value * 0.75)
        let minimumRaw = min ?? limit.map { calculated <= $0.value ? number($0.value) + $0.unit : number(calculated) + preferred.unit }
            ?? number(calculated) + preferred.unit
        guard let minimum = valueAndUnit(minimumRaw) else { return size }
        let unit = minimum.unit
        guard let maximum = valueAndUnit(maximumRaw, coerceTo: unit), let minimumRem = valueAndUnit(minimumRaw, coerceTo: "rem"),
              let maxViewport = valueAndUnit("1600px", coerceTo: unit), let minViewport = valueAndUnit("768px", coerceTo: unit) else { return size }
        let offset = number(round3(minViewport.value / 100)) + unit
        var factor = round3(100 * ((maximum.value - minimum.value) / (maxViewport.value - minViewport.value)))
        if factor == 0 { factor = 1 }
        return "clamp(\(minimumRaw), \(number(minimumRem.value))\(minimumRem.unit) + ((1vw - \(offset)) * \(number(factor))), \(maximumRaw))"
    }

    /// `wp_get_typography_value_and_unit`: a number and `rem`, `px` or `em` (a bare number is px),
    /// converted at 16px to the rem or em.
    static func valueAndUnit(_ raw: String, coerceTo: String = "") -> (value: Double, unit: String)? {
        guard !raw.isEmpty, raw != "0" else { return nil }
        let text = Double(raw) != nil ? raw + "px" : raw
        guard let r = text.range(of: "^(\\d*\\.?\\d+)(rem|px|em)$", options: .regularExpression) else { return nil }
        let matched = String(text[r])
        let unitStart = matched.firstIndex(where: { $0.isLetter }) ?? matched.endIndex
        guard var value = Double(matched[..<unitStart]) else { return nil }
        var unit = String(matched[unitStart...])
        if coerceTo == "px" && (unit == "em" || unit == "rem") { value *= 16; unit = "px" }
        if unit == "px" && (coerceTo == "em" || coerceTo == "rem") { value /= 16; unit = coerceTo }
        if (coerceTo == "em" || coerceTo == "rem") && (unit == "em" || unit == "rem") { unit = coerceTo }
        return (round3(value), unit)
    }

    static func round3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }

    /// A float as PHP writes it.
    static func number(_ v: Double) -> String { TagCloudBlock.phpNumber(v) }
}
