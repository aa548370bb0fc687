import Foundation

/// WordPress's text sanitisers, as the REST API applies them to input.
public enum TextSanitizer {
    /// `sanitize_text_field()`: no tags, no line breaks, no percent-encoded octets, trimmed.
    public static func textField(_ v: JSON) -> String { sanitizeText(v, keepNewlines: false) }

    /// `sanitize_textarea_field()`: as `textField` but keeping line breaks and tabs.
    public static func textareaField(_ v: JSON) -> String { sanitizeText(v, keepNewlines: true) }

    static func sanitizeText(_ v: JSON, keepNewlines: Bool) -> String {
        switch v {
        case .array, .object: return ""
        default: break
        }
        var s = PHPScalar.toString(v)
        if s.contains("<") {
            s = escapeLoneLessThan(s)
            s = stripAllTags(s)
            s = s.replacingOccurrences(of: "<\n", with: "&lt;\n")
        }
        if !keepNewlines {
            s = collapse(s, isSpace: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        }
        s = phpTrim(s)
        var found = false
        while let r = s.range(of: "%[a-fA-F0-9]{2}", options: .regularExpression) {
            let octet = String(s[r])
            s = s.replacingOccurrences(of: octet, with: "")
            found = true
        }
        if found { s = phpTrim(collapse(s, isSpace: { $0 == " " })) }
        return s
    }

    /// Replaces each run of matching characters by one space.
    static func collapse(_ s: String, isSpace: (Character) -> Bool) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        var inRun = false
        for c in s {
            if isSpace(c) {
                if !inRun { out.append(" ") }
                inRun = true
            } else {
                out.append(c)
                inRun = false
            }
        }
        return out
    }

    /// PHP's `trim()` default set.
    public static func phpTrim(_ s: String) -> String {
        trim(s) { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\0" || $0 == "\u{0B}" }
    }

    /// The text without the leading and trailing scalars `drop` answers true for.
    public static func trim(_ s: String, where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return String(s[first..<scalars.index(after: last)])
    }

    /// `wp_pre_kses_less_than()`: a "<" that does not open a tag becomes "&lt;".
    static func escapeLoneLessThan(_ s: String) -> String {
        guard let re = SchemaPattern.regex("<[^>]*?((?=<)|>|$)") else { return s }
        let ns = s as NSString
        var out = ""
        var last = 0
        for m in re.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let text = ns.substring(with: m.range)
            out += text.contains(">") ? text : text.replacingOccurrences(of: "<", with: "&lt;")
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    /// `wp_strip_all_tags()`: drops script and style elements with their content, then every tag
    /// (from "<" to the next ">", or to the end when none follows). A tag whose name is in
    /// `breaking` leaves a line break, so the words on either side stay apart. A byte scan:
    /// this runs on the content of every post in a list.
    public static func stripAllTags(_ s: String, breaking: Set<String> = []) -> String {
        guard s.utf8.contains(0x3C) else { return phpTrim(s) }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            guard b[i] == 0x3C else { out.append(b[i]); i += 1; continue }
            if let end = endOfRawTextElement(b, at: i) { i = end; continue }
            guard let close = b[(i + 1)...].firstIndex(of: 0x3E) else { break }
            if !breaking.isEmpty, breaking.contains(tagName(b, from: i + 1)) { out.append(0x0A) }
            i = close + 1
        }
        return phpTrim(String(decoding: out, as: UTF8.self))
    }

    /// The lower-cased name of the tag whose text starts at `start` (after "<"), skipping a "/".
    private static func tagName(_ b: [UInt8], from start: Int) -> String {
        var k = start
        if k < b.count, b[k] == 0x2F { k += 1 }
        var name: [UInt8] = []
        while k < b.count, isWordByte(b[k]) { name.append(b[k] | (b[k] >= 0x41 && b[k] <= 0x5A ? 0x20 : 0)); k += 1 }
        return String(decoding: name, as: UTF8.self)
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    /// For `<script ...>...</script>` or `<style ...>...</style>` (any case) at `i`: the index just
    /// past the closing tag. Nil when `i` opens neither or the element is never closed.
    private static func endOfRawTextElement(_ b: [UInt8], at i: Int) -> Int? {
        for name in [Array("script".utf8), Array("style".utf8)]
        where ByteText.matches(name, in: b, at: i + 1, ignoringASCIICase: true) {
            guard let openEnd = b[(i + 1 + name.count)...].firstIndex(of: 0x3E) else { return nil }
            let close = [0x3C, 0x2F] + name
            var from = openEnd + 1
            while let at = ByteText.firstOffset(of: close, in: b, from: from, ignoringASCIICase: true) {
                let after = at + close.count
                if after < b.count, b[after] == 0x3E { return after + 1 }
                from = at + 1
            }
            return nil
        }
        return nil
    }

    /// `sanitize_key()`: lower-case letters, digits, dashes and underscores.
    public static func key(_ v: JSON) -> String {
        guard PHPScalar.isScalar(v) else { return "" }
        return String(PHPScalar.toString(v).lowercased().unicodeScalars.filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
        }.map(Character.init))
    }

    static let allowedProtocols = ["http", "https", "ftp", "ftps", "mailto", "news", "irc", "irc6", "ircs", "gopher",
                                   "nntp", "feed", "telnet", "mms", "rtsp", "sms", "svn", "tel", "fax", "xmpp", "webcal", "urn"]

    /// `sanitize_url()` (`esc_url_raw()`): strips characters URLs may not hold, adds `http://` where
    /// no scheme was given, and answers "" for a scheme that is not allowed.
    public static func url(_ input: String) -> String {
        // Leading white space goes; trailing spaces are kept, encoded (`esc_url`'s `ltrim`).
        var u = String(input.drop(while: { " \t\n\r\0\u{0B}".contains($0) }))
        u = u.replacingOccurrences(of: " ", with: "%20")
        if u.isEmpty { return "" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-~+_.?#=!&;,/:%@$|*'()[]\\")
        u = String(u.unicodeScalars.filter { $0.value >= 0x80 || allowed.contains(Character($0)) }.map(Character.init))
        if u.isEmpty { return "" }
        if !u.contains(":") && !u.hasPrefix("/") && !u.hasPrefix("#") && !u.hasPrefix("?") {
            if !u.lowercased().hasPrefix("php") { u = "http://" + u }
        }
        if let colon = u.firstIndex(of: ":") {
            let scheme = u[..<colon].lowercased()
            let looksLikeScheme = !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            if looksLikeScheme && !allowedProtocols.contains(scheme) { return "" }
        }
        return u
    }
}
