import QuireREST

/// A theme template's markup as WordPress serves it: every template-part block that names no
/// theme is given the active one (`_inject_theme_attribute_in_block_template_content`), and
/// then, as WordPress writes the blocks out again, every block delimiter is written in its
/// canonical form (`<!-- wp:name {attrs} -->`, `core/` left out, a block with nothing inside
/// written as `<!-- wp:name /-->`). Markup with no such block is returned as it is.
///
///     TemplateContent.addingTheme("tt3", to: #"<!-- wp:template-part {"slug":"header"} /-->"#)
///     // <!-- wp:template-part {"slug":"header","theme":"tt3"} /-->
enum TemplateContent {
    /// One block comment: `<!-- wp:name {…} -->`, `<!-- wp:name /-->` or `<!-- /wp:name -->`.
    struct Delimiter {
        var range: Range<String.Index>
        var name: String
        var attributes: JSON?
        var closer: Bool
        var void: Bool
    }

    static func addingTheme(_ theme: String, to content: String) -> String {
        let delimiters = scan(content)
        guard delimiters.contains(where: { !$0.closer && $0.name == "core/template-part" && $0.attributes?["theme"] == nil }) else {
            return content
        }
        var out = ""
        var cursor = content.startIndex
        // Per open block: where its opener was written in `out`, and whether anything followed it.
        var open: [(name: String, attributes: JSON?, written: Int)] = []
        for d in delimiters {
            out += content[cursor..<d.range.lowerBound]
            cursor = d.range.upperBound
            var attributes = d.attributes
            if !d.closer, d.name == "core/template-part" {
                var o = attributes?.objectValue ?? JSONObject()
                if o["theme"] == nil {
                    o["theme"] = .string(theme)
                    attributes = .object(o)
                }
            }
            if d.closer {
                if let last = open.last, last.name == d.name {
                    open.removeLast()
                    if out.utf8.count == last.written {
                        // Nothing inside: the block is written as a void one.
                        let opener = delimiter(last.name, last.attributes, void: false)
                        out.removeLast(opener.count)
                        out += delimiter(last.name, last.attributes, void: true)
                        continue
                    }
                }
                out += "<!-- /wp:\(shortName(d.name)) -->"
            } else if d.void {
                out += delimiter(d.name, attributes, void: true)
            } else {
                out += delimiter(d.name, attributes, void: false)
                open.append((d.name, attributes, out.utf8.count))
            }
        }
        out += content[cursor...]
        return out
    }

    static func shortName(_ name: String) -> String { name.hasPrefix("core/") ? String(name.dropFirst(5)) : name }

    static func delimiter(_ name: String, _ attributes: JSON?, void: Bool) -> String {
        var text = "<!-- wp:\(shortName(name)) "
        if let attributes, !attributes.isEmptyLike { text += serialize(attributes) + " " }
        return text + (void ? "/-->" : "-->")
    }

    /// `serialize_block_attributes`: JSON with slashes and Unicode as they are, then `--`, `<`,
    /// `>`, `&` and `\"` written as Unicode escapes so the comment cannot be closed early.
    static func serialize(_ attributes: JSON) -> String {
        var text = JSONEncoding.encodeUnescaped(attributes)
        for (from, to) in [("--", "\\u002d\\u002d"), ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\\\"", "\\u0022")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return text
    }

    /// The block delimiters of `content`, in order (the grammar of WordPress's block parser).
    static func scan(_ content: String) -> [Delimiter] {
        var found: [Delimiter] = []
        var search = content.startIndex
        while let start = content.range(of: "<!--", range: search..<content.endIndex) {
            search = start.upperBound
            if let d = delimiter(in: content, at: start.lowerBound) {
                found.append(d)
                search = d.range.upperBound
            }
        }
        return found
    }

    static func isNameStart(_ c: Character) -> Bool { c.isASCII && c.isLowercase }
    static func isNameCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLowercase || c.isNumber || c == "_" || c == "-") }

    static func delimiter(in s: String, at start: String.Index) -> Delimiter? {
        var i = s.index(start, offsetBy: 4)
        func skipSpace() -> Bool {
            let from = i
            while i < s.endIndex, s[i].isWhitespace { i = s.index(after: i) }
            return i > from
        }
        func word() -> String? {
            guard i < s.endIndex, isNameStart(s[i]) else { return nil }
            let from = i
            while i < s.endIndex, isNameCharacter(s[i]) { i = s.index(after: i) }
            return String(s[from..<i])
        }
        guard skipSpace() else { return nil }
        var closer = false
        if i < s.endIndex, s[i] == "/" { closer = true; i = s.index(after: i) }
        guard s[i...].hasPrefix("wp:") else { return nil }
        i = s.index(i, offsetBy: 3)
        guard var name = word() else { return nil }
        if i < s.endIndex, s[i] == "/" {
            i = s.index(after: i)
            guard let second = word() else { return nil }
            name += "/" + second
        } else {
            name = "core/" + name
        }
        guard skipSpace() else { return nil }
        var attributes: JSON? = nil
        if i < s.endIndex, s[i] == "{" {
            // The attributes end at the first `}` followed by space and the comment's end.
            guard let end = s.range(of: "-->", range: i..<s.endIndex) else { return nil }
            var j = end.lowerBound
            if j > i, s[s.index(before: j)] == "/" { j = s.index(before: j) }
            var k = j
            while k > i, s[s.index(before: k)].isWhitespace { k = s.index(before: k) }
            guard k < j, k > i, s[s.index(before: k)] == "}" else { return nil }
            attributes = (try? JSONParser.parse(Array(s[i..<k].utf8))) ?? .null
            i = j
        }
        var void = false
        if i < s.endIndex, s[i] == "/" { void = true; i = s.index(after: i) }
        guard s[i...].hasPrefix("-->") else { return nil }
        return Delimiter(range: start..<s.index(i, offsetBy: 3), name: name, attributes: attributes, closer: closer, void: void)
    }
}
