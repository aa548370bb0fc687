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
            s = PHPText.stripAllTags(s)
            s = s.replacingOccurrences(of: "<\n", with: "&lt;\n")
        }
        if !keepNewlines {
            s = collapse(s, isSpace: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        }
        s = PHPText.phpTrim(s)
        var found = false
        while let r = s.range(of: "%[a-fA-F0-9]{2}", options: .regularExpression) {
            let octet = String(s[r])
            s = s.replacingOccurrences(of: octet, with: "")
            found = true
        }
        if found { s = PHPText.phpTrim(collapse(s, isSpace: { $0 == " " })) }
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

    /// `sanitize_key()`: lower-case letters, digits, dashes and underscores.
    public static func key(_ v: JSON) -> String {
        guard PHPScalar.isScalar(v) else { return "" }
        let text = PHPScalar.toString(v)
        // `strtolower` lowers ASCII letters only; every other byte, a multi-byte character's
        // included, is then removed.
        func kept(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D }
        if text.utf8.allSatisfy(kept) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            let lower = ByteText.lowered(b)
            if kept(lower) { out.append(lower) }
        }
        return String(decoding: out, as: UTF8.self)
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
