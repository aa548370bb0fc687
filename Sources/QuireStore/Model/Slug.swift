import Foundation

/// WordPress's slug rules (`sanitize_title`): lower case, accents removed, spaces and
/// punctuation turned into single dashes.
public enum Slug {
    /// Punctuation `sanitize_title` drops, and the dashes it turns into "-".
    static let dropped: Set<Unicode.Scalar> = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}",
                                               "\u{2039}", "\u{203A}", "\u{00BF}", "\u{00A1}", "\u{201E}", "\u{201A}",
                                               "\u{2026}", "\u{00A8}", "\u{00B4}", "\u{00B8}", "\u{00AF}", "\u{00D7}",
                                               "\u{2122}", "\u{00A9}", "\u{00AE}", "\u{00B0}", "\u{2022}", "\u{00B7}"]
    static let dashes: Set<Unicode.Scalar> = ["\u{2013}", "\u{2014}", "\u{00A0}"]

    /// ```swift
    /// Slug.sanitizeTitle("Héllo, World!")   // "hello-world"
    /// ```
    public static func sanitizeTitle(_ title: String) -> String {
        if isSlug(title) { return title }
        var s = PHPText.stripAllTags(title)
        s = s.applyingTransform(.stripDiacritics, reverse: false) ?? s
        s = s.lowercased()
        s = s.replacingOccurrences(of: "&nbsp;", with: "-").replacingOccurrences(of: "&ndash;", with: "-")
            .replacingOccurrences(of: "&mdash;", with: "-")
        s = s.replacingOccurrences(of: "&[^;\\s]+?;", with: "", options: .regularExpression)
        s = String(String.UnicodeScalarView(s.unicodeScalars.compactMap { dropped.contains($0) ? nil : (dashes.contains($0) ? "-" : $0) }))
        var out = ""
        var lastDash = false
        for u in s.unicodeScalars {
            let keep = (u >= "a" && u <= "z") || (u >= "0" && u <= "9") || u == "_"
            if keep {
                out.unicodeScalars.append(u)
                lastDash = false
            } else if u == "-" || u == " " || u == "." || u == "/" || u == "\t" || u == "\n" || u.properties.isWhitespace {
                if !lastDash && !out.isEmpty { out.append("-"); lastDash = true }
            } else if u.value > 0x7F {
                // Characters with no ASCII form are percent-encoded, as WordPress does.
                for b in String(u).utf8 { out += String(format: "%%%02x", b) }
                lastDash = false
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// Whether `text` is already what `sanitizeTitle` makes of it: lower-case letters, digits,
    /// `_` and single inner dashes (a status, an existing slug); those are returned as they are.
    static func isSlug(_ text: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = b
        }
        return previous != UInt8(ascii: "-")
    }
}

import QuireValues
