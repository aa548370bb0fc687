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

    /// Block-level elements: in an excerpt they separate words, as paragraphs made by wpautop do.
    private static let blockTags: Set<String> = [
        "p", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "div", "pre",
        "table", "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "section", "article", "header",
        "footer", "hr", "br",
    ]

    /// `the_excerpt`: the hand-written excerpt, or the first 55 words of the content.
    static func excerpt(raw: String, content: String) -> String {
        if !raw.isEmpty { return autop(texturize(raw)) }
        var text = stripBlockDelimiters(ByteText.prefix(content, before: "<!--more"))
        text = TextSanitizer.stripAllTags(text, breaking: blockTags)
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
        let t = TextSanitizer.trim(ByteText.replacing("\r\n", with: "\n", in: text), where: \.properties.isWhitespace)
        if t.isEmpty { return "" }
        let blocks = ["<div", "<p", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<ul", "<ol", "<blockquote", "<pre", "<table", "<figure"]
        var out = ""
        for para in ByteText.split(t, by: "\n\n")
        where !TextSanitizer.trim(para, where: isHorizontalSpace).isEmpty {
            let p = TextSanitizer.trim(para, where: \.properties.isWhitespace)
            if blocks.contains(where: { p.hasPrefix($0) }) {
                out += p + "\n"
            } else {
                out += "<p>" + ByteText.replacing("\n", with: "<br />\n", in: p) + "</p>\n"
            }
        }
        return out
    }

    /// Foundation's `.whitespaces`: spaces and tab, not line breaks.
    private static func isHorizontalSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || c.properties.generalCategory == .spaceSeparator
    }

    /// `wptexturize` for the common cases: curly quotes, apostrophes, dashes and ellipses,
    /// leaving tags and their attributes alone. It walks Unicode scalars (this runs on every
    /// title, excerpt and content of every list); a combining mark leaves the previous
    /// character in place, as a grapheme would.
    static func texturize(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x27 || $0 == 0x22 || $0 == 0x2D || $0 == 0x2E || $0 == 0x78 }) else { return s }
        let chars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(chars.count + 16)
        func emit(_ entity: String) { out.append(contentsOf: entity.unicodeScalars) }
        var inTag = false
        var prev: Unicode.Scalar = " "
        var openDouble = false
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
                if isLetter(prev) || isNumber(prev) || prev == "." || prev == "," { emit("&#8217;") } else { emit("&#8216;") }
            case "\"":
                if !openDouble && (prev == " " || prev == "\n" || prev == ">" || prev == "(" || i == 0) {
                    emit("&#8220;")
                    openDouble = true
                } else {
                    emit("&#8221;")
                    openDouble = false
                }
            case "-" where i + 2 < chars.count && chars[i + 1] == "-" && chars[i + 2] == "-":
                emit("&#8212;")
                i += 2
            case "-" where i + 1 < chars.count && chars[i + 1] == "-":
                emit("&#8211;")
                i += 1
            case "x" where isDigit(prev) && i + 1 < chars.count && isDigit(chars[i + 1])
                && !(prev == "0" && (i < 2 || !isNumber(chars[i - 2]))):
                // Dimensions: 320x240 → 320×240.
                emit("&#215;")
            case "." where i + 2 < chars.count && chars[i + 1] == "." && chars[i + 2] == ".":
                emit("&#8230;")
                i += 2
            default:
                out.append(c)
            }
            if c.isASCII || c.properties.generalCategory != .nonspacingMark { prev = c }
            i += 1
        }
        return String(out)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    private static func isNumber(_ c: Unicode.Scalar) -> Bool { isDigit(c) || (!c.isASCII && c.properties.numericType != nil) }
    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
