import Foundation
import QuireREST

/// Turns stored post content into the HTML WordPress renders: block comments removed around
/// static blocks, paragraphs made from blank lines for classic content, typographic quotes,
/// and the generated excerpt.
enum ContentRenderer {
    static func hasBlocks(_ content: String) -> Bool { content.contains("<!-- wp:") }

    /// `the_content` for static blocks and classic content.
    static func content(_ raw: String) -> String {
        if hasBlocks(raw) {
            return texturize(stripBlockDelimiters(raw))
        }
        return texturize(autop(raw))
    }

    static func title(_ raw: String) -> String { texturize(raw) }

    /// `the_excerpt`: the hand-written excerpt, or the first 55 words of the content.
    static func excerpt(raw: String, content: String) -> String {
        if !raw.isEmpty { return autop(texturize(raw)) }
        var text = content
        if let more = text.range(of: "<!--more") { text = String(text[..<more.lowerBound]) }
        text = stripBlockDelimiters(text)
        // Block-level elements separate words, as paragraphs made by wpautop do.
        if let re = try? NSRegularExpression(pattern: "</?(p|li|ul|ol|dl|dt|dd|blockquote|h[1-6]|div|pre|table|thead|tbody|tr|td|th|figure|figcaption|section|article|header|footer|hr|br)\\b[^>]*>", options: [.caseInsensitive]) {
            text = re.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "\n$0\n")
        }
        text = TextSanitizer.stripAllTags(text)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        if words.isEmpty { return "" }
        var excerpt = words.prefix(55).joined(separator: " ")
        if words.count > 55 { excerpt += " [&hellip;]" }
        return autop(texturize(excerpt))
    }

    /// Removes `<!-- wp:name {...} -->` and `<!-- /wp:name -->` (a scan, no regular expression:
    /// this runs for every post of every list).
    static func stripBlockDelimiters(_ s: String) -> String {
        guard s.contains("<!--") else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0x3C, i + 4 < b.count, b[i + 1] == 0x21, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                var j = i + 4
                var spaces = 0
                while j < b.count, b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x09 || b[j] == 0x0D { j += 1; spaces += 1 }
                if spaces > 0, j < b.count, b[j] == 0x2F { j += 1 }
                if spaces > 0, j + 2 < b.count, b[j] == 0x77, b[j + 1] == 0x70, b[j + 2] == 0x3A {
                    var k = j + 3
                    while k + 2 < b.count, !(b[k] == 0x2D && b[k + 1] == 0x2D && b[k + 2] == 0x3E), b[k] != 0x3E { k += 1 }
                    if k + 2 < b.count, b[k] == 0x2D, b[k + 1] == 0x2D, b[k + 2] == 0x3E {
                        i = k + 3
                        continue
                    }
                }
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `wpautop`: blank-line separated text becomes paragraphs; single newlines become `<br />`.
    static func autop(_ text: String) -> String {
        let t = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return "" }
        let blocks = ["<div", "<p", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<ul", "<ol", "<blockquote", "<pre", "<table", "<figure"]
        var out = ""
        for para in t.components(separatedBy: "\n\n") where !para.trimmingCharacters(in: .whitespaces).isEmpty {
            let p = para.trimmingCharacters(in: .whitespacesAndNewlines)
            if blocks.contains(where: { p.hasPrefix($0) }) {
                out += p + "\n"
            } else {
                out += "<p>" + p.replacingOccurrences(of: "\n", with: "<br />\n") + "</p>\n"
            }
        }
        return out
    }

    /// `wptexturize` for the common cases: curly quotes, apostrophes, dashes and ellipses,
    /// leaving tags and their attributes alone.
    static func texturize(_ s: String) -> String {
        guard s.contains("'") || s.contains("\"") || s.contains("--") || s.contains("...") || s.contains("x") else { return s }
        var out = ""
        var inTag = false
        var prev: Character = " "
        var openDouble = false
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "<" { inTag = true }
            if inTag {
                out.append(c)
                if c == ">" { inTag = false }
                prev = c
                i += 1
                continue
            }
            switch c {
            case "'":
                if prev.isLetter || prev.isNumber || prev == "." || prev == "," { out += "&#8217;" } else { out += "&#8216;" }
            case "\"":
                if !openDouble && (prev == " " || prev == "\n" || prev == ">" || prev == "(" || i == 0) {
                    out += "&#8220;"
                    openDouble = true
                } else {
                    out += "&#8221;"
                    openDouble = false
                }
            case "-" where i + 2 < chars.count && chars[i + 1] == "-" && chars[i + 2] == "-":
                out += "&#8212;"
                i += 2
            case "-" where i + 1 < chars.count && chars[i + 1] == "-":
                out += "&#8211;"
                i += 1
            case "x" where prev.isASCII && prev.isNumber && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber
                && !(prev == "0" && (i < 2 || !(chars[i - 2].isNumber))):
                // Dimensions: 320x240 → 320×240.
                out += "&#215;"
            case "." where i + 2 < chars.count && chars[i + 1] == "." && chars[i + 2] == ".":
                out += "&#8230;"
                i += 2
            default:
                out.append(c)
            }
            prev = c
            i += 1
        }
        return out
    }
}
