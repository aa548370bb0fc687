import Foundation
import QuireREST

/// Turns stored post content into the HTML WordPress renders: block comments removed around
/// static blocks, paragraphs made from blank lines for classic content, typographic quotes,
/// and the generated excerpt.
enum ContentRenderer {
    static func hasBlocks(_ content: String) -> Bool { content.contains("<!-- wp:") }

    /// What content and excerpts rendered to, for texts seen recently.
    static let cache = RenderedTextCache(capacity: 2048)

    /// `the_content` for static blocks and classic content.
    static func content(_ raw: String) -> String {
        cache.rendered(.content, raw) {
            hasBlocks(raw) ? texturize(stripBlockDelimiters(raw)) : texturize(autop(raw))
        }
    }

    static func title(_ raw: String) -> String { cache.rendered(.title, raw) { texturize(raw) } }

    /// Block-level elements: in an excerpt they separate words, as paragraphs made by wpautop do.
    private static let blockTags: Set<String> = [
        "p", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "div", "pre",
        "table", "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "section", "article", "header",
        "footer", "hr", "br",
    ]

    /// `the_excerpt`: the hand-written excerpt, or the first 55 words of the content.
    static func excerpt(raw: String, content: String) -> String {
        cache.rendered(.excerpt, raw, content) { renderExcerpt(raw: raw, content: content) }
    }

    private static func renderExcerpt(raw: String, content: String) -> String {
        if !raw.isEmpty { return autop(texturize(raw)) }
        var text = stripBlockDelimiters(ByteText.prefix(content, before: "<!--more"))
        text = PHPText.stripAllTags(text, breaking: blockTags)
        let words = text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D })
        if words.isEmpty { return "" }
        var excerpt = words.prefix(55).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
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

    /// `wp_trim_words`: tags removed, white space runs made one space, at most `limit` words
    /// (then `&hellip;`).
    static func trimWords(_ text: String, limit: Int = 200) -> String {
        let words = PHPText.stripAllTags(text).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if words.count > limit { return words.prefix(limit).joined(separator: " ") + "&hellip;" }
        return words.joined(separator: " ")
    }

    /// `wpautop`: blank-line separated text becomes paragraphs; single newlines become `<br />`.
    static func autop(_ text: String) -> String {
        let t = PHPText.trim(ByteText.replacing("\r\n", with: "\n", in: text), where: \.properties.isWhitespace)
        if t.isEmpty { return "" }
        let blocks = ["<div", "<p", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<ul", "<ol", "<blockquote", "<pre", "<table", "<figure"]
        var out = ""
        for para in ByteText.split(t, by: "\n\n")
        where !PHPText.trim(para, where: isHorizontalSpace).isEmpty {
            let p = PHPText.trim(para, where: \.properties.isWhitespace)
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
    /// leaving tags and their attributes alone. A byte scan (this runs on every title, excerpt
    /// and content of every list): every character it changes is ASCII, and the character
    /// before a quote is decoded only when it is not. A combining mark leaves the previous
    /// character in place, as a grapheme would.
    static func texturize(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x27 || $0 == 0x22 || $0 == 0x2D || $0 == 0x2E || $0 == 0x78 || $0 == 0x26 }) else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 32)
        func emit(_ entity: StaticString) {
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        var inTag = false
        var prev: Unicode.Scalar = " ", beforePrev: Unicode.Scalar? = nil
        var openDouble = false
        var i = 0
        while i < b.count {
            let byte = b[i]
            if byte >= 0x80 {
                let (scalar, length) = decode(b, at: i)
                out.append(contentsOf: b[i..<min(i + length, b.count)])
                if !inTag, scalar.properties.generalCategory != .nonspacingMark { (beforePrev, prev) = (prev, scalar) }
                i += length
                continue
            }
            let c = Unicode.Scalar(byte)
            if c == "<" { inTag = true }
            if inTag {
                out.append(byte)
                if c == ">" { inTag = false }
                (beforePrev, prev) = (prev, c)
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
            case "-" where i + 2 < b.count && b[i + 1] == 0x2D && b[i + 2] == 0x2D:
                emit("&#8212;")
                i += 2
            case "-" where i + 1 < b.count && b[i + 1] == 0x2D:
                // ` -- ` is an em dash, `--` an en dash, except in `xn--` (a punycode host).
                if spaced(prev) && spaceAt(b, i + 2) { emit("&#8212;") } else if prev == "n" && beforePrev == "x" {
                    out.append(contentsOf: [0x2D, 0x2D])
                } else { emit("&#8211;") }
                i += 1
            case "-" where spaced(prev) && spaceAt(b, i + 1):
                emit("&#8211;")
            case "x" where isDigit(prev) && i + 1 < b.count && b[i + 1] >= 0x30 && b[i + 1] <= 0x39
                && !(prev == "0" && !(beforePrev.map(isNumber) ?? false)):
                // Dimensions: 320x240 → 320×240.
                emit("&#215;")
            case "." where i + 2 < b.count && b[i + 1] == 0x2E && b[i + 2] == 0x2E:
                emit("&#8230;")
                i += 2
            case "&" where !startsEntity(b, i):
                emit("&#038;")
            default:
                out.append(byte)
            }
            (beforePrev, prev) = (prev, c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `c`, the character before, starts a run of text as a space does (`^` or
    /// wptexturize's `$spaces`; a tag's `>` ends the text before it).
    private static func spaced(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{A0}" || c == ">"
    }

    /// Whether the text at `j` ends or begins with a space (`$`, `[\r\n\t ]`, a no-break space
    /// or `&nbsp;`), or a tag starts there.
    private static func spaceAt(_ b: [UInt8], _ j: Int) -> Bool {
        guard j < b.count else { return true }
        switch b[j] {
        case 0x20, 0x0A, 0x09, 0x0D, 0x3C: return true
        case 0xC2: return j + 1 < b.count && b[j + 1] == 0xA0
        case 0x26: return b[j...].starts(with: Array("&nbsp;".utf8))
        default: return false
        }
    }

    /// Whether the `&` at `i` begins an entity: `&#123;`, `&#x1f;` or a name of one to eight
    /// letters (and digits 1–4) and `;`.
    private static func startsEntity(_ b: [UInt8], _ i: Int) -> Bool {
        var j = i + 1
        func isHex(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }
        if j < b.count, b[j] == 0x23 {
            j += 1
            let hex = j < b.count && b[j] | 0x20 == 0x78
            if hex { j += 1 }
            let start = j
            while j < b.count, hex ? isHex(b[j]) : (b[j] >= 0x30 && b[j] <= 0x39) { j += 1 }
            return j > start && j < b.count && b[j] == 0x3B
        }
        let start = j
        while j < b.count, j - start < 8, (b[j] | 0x20 >= 0x61 && b[j] | 0x20 <= 0x7A) || (b[j] >= 0x31 && b[j] <= 0x34) { j += 1 }
        return j > start && j < b.count && b[j] == 0x3B
    }

    /// The scalar whose UTF-8 encoding starts at `i`, and its length in bytes.
    private static func decode(_ b: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        let lead = b[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= b.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
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
