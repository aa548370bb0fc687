import Foundation

/// WordPress's slug rules (`sanitize_title`): lower case, accents removed, spaces and
/// punctuation turned into single dashes.
public enum Slug {
    public static func sanitizeTitle(_ title: String) -> String {
        var s = TextSanitizer.stripAllTags(title)
        s = s.applyingTransform(.stripDiacritics, reverse: false) ?? s
        s = s.lowercased()
        s = s.replacingOccurrences(of: "&nbsp;", with: "-").replacingOccurrences(of: "&ndash;", with: "-")
            .replacingOccurrences(of: "&mdash;", with: "-")
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
}

import QuireREST
