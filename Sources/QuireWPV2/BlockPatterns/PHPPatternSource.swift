import QuireREST

/// The little PHP that block pattern files are written in, read without running PHP: text
/// around `<?php … ?>` tags, where a tag holds comments, `echo` of string literals or of
/// WordPress's translation functions (`esc_html_x( 'Search', 'label', 'domain' )`,
/// `esc_attr_e( … )`, `__( … )`, `printf`/`sprintf` of them), or a `return array( 'title' => _x( … ), … )`. Translations
/// are those of the site's language, English, so a translation call is its first argument,
/// escaped as its name says. Anything else (a variable, another function) makes the file
/// unreadable, and the pattern is left out rather than shown wrong.
///
///     let out = try PHPPatternSource.render("<p><?php echo esc_html_x( 'Hi & bye', 'greeting', 'theme' ); ?></p>")
///     out.text   // "<p>Hi &amp; bye</p>"
enum PHPPatternSource {
    struct Unsupported: Error { let near: String }

    /// What a file printed, and what it returned (a core pattern's settings), if it returned.
    struct Output { var text = ""; var returned: PHPValue? }

    indirect enum PHPValue: Equatable {
        case string(String), int(Int), bool(Bool), null
        case array([(key: PHPValue?, value: PHPValue)])

        static func == (a: PHPValue, b: PHPValue) -> Bool {
            switch (a, b) {
            case (.string(let x), .string(let y)): x == y
            case (.int(let x), .int(let y)): x == y
            case (.bool(let x), .bool(let y)): x == y
            case (.null, .null): true
            case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: false
            }
        }

        var string: String? { if case .string(let s) = self { s } else { nil } }
        /// The value under a string key of an array.
        subscript(key: String) -> PHPValue? {
            guard case .array(let pairs) = self else { return nil }
            return pairs.last { $0.key == .string(key) }?.value
        }
        /// The values of an array, in order.
        var list: [PHPValue]? { if case .array(let pairs) = self { pairs.map(\.value) } else { nil } }
    }

    /// Runs `source`: the text it prints and the value it returns.
    static func render(_ source: String) throws -> Output {
        var out = Output()
        var rest = Substring(source)
        while !rest.isEmpty {
            guard let open = rest.range(of: "<?php") else { out.text += rest; break }
            out.text += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            let close = rest.range(of: "?>")
            let code = close.map { rest[..<$0.lowerBound] } ?? rest
            var parser = Parser(try Lexer.tokens(code))
            if let returned = try parser.statements(into: &out.text) { out.returned = returned; return out }
            guard let close else { break }
            rest = rest[close.upperBound...]
            // PHP swallows one line break straight after a closing tag.
            if rest.hasPrefix("\r\n") { rest = rest.dropFirst(2) } else if rest.hasPrefix("\n") { rest = rest.dropFirst() }
        }
        return out
    }

    enum Token: Equatable { case word(String), string(String), int(Int), symbol(String) }

    enum Lexer {
        static func tokens(_ code: Substring) throws -> [Token] {
            var tokens: [Token] = []
            let chars = Array(code.unicodeScalars)
            var i = 0
            func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < chars.count ? chars[i + offset] : nil }
            while let c = peek() {
                if c.properties.isWhitespace { i += 1; continue }
                if c == "/" && peek(1) == "*" {
                    i += 2
                    while i < chars.count && !(chars[i] == "*" && peek(1) == "/") { i += 1 }
                    i += 2
                    continue
                }
                if c == "#" || (c == "/" && peek(1) == "/") {
                    while let d = peek(), d != "\n" { i += 1 }
                    continue
                }
                if c == "'" || c == "\"" {
                    i += 1
                    var s = String.UnicodeScalarView()
                    while let d = peek(), d != c {
                        if d == "\\", let next = peek(1) {
                            switch (c, next) {
                            case (_, "\\"), ("'", "'"), ("\"", "\""): s.append(next)
                            case ("\"", "n"): s.append("\n")
                            case ("\"", "t"): s.append("\t")
                            case ("\"", "$"): s.append("$")
                            default: s.append(d); s.append(next)
                            }
                            i += 2
                            continue
                        }
                        if c == "\"" && d == "$" { throw Unsupported(near: "a variable in a string") }
                        s.append(d)
                        i += 1
                    }
                    guard peek() == c else { throw Unsupported(near: "an unterminated string") }
                    i += 1
                    tokens.append(.string(String(s)))
                    continue
                }
                if ("0"..."9").contains(c) {
                    var n = 0
                    while let d = peek(), ("0"..."9").contains(d) { n = n &* 10 &+ Int(d.value - 48); i += 1 }
                    tokens.append(.int(n))
                    continue
                }
                if c.properties.isAlphabetic || c == "_" {
                    var w = ""
                    while let d = peek(), d.properties.isAlphabetic || d == "_" || ("0"..."9").contains(d) { w.unicodeScalars.append(d); i += 1 }
                    tokens.append(.word(w))
                    continue
                }
                if c == "=" && peek(1) == ">" { tokens.append(.symbol("=>")); i += 2; continue }
                guard "(),;[].".unicodeScalars.contains(c) else { throw Unsupported(near: String(c)) }
                tokens.append(.symbol(String(c)))
                i += 1
            }
            return tokens
        }
    }

    struct Parser {
        let tokens: [Token]
        var at = 0
        init(_ tokens: [Token]) { self.tokens = tokens }

        var next: Token? { at < tokens.count ? tokens[at] : nil }
        mutating func take() -> Token? { defer { at += 1 }; return next }
        mutating func expect(_ symbol: String) throws {
            guard take() == .symbol(symbol) else { throw Unsupported(near: "expected \(symbol)") }
        }
        mutating func skip(_ symbol: String) -> Bool {
            if next == .symbol(symbol) { at += 1; return true }
            return false
        }

        /// Runs the statements of one tag; the returned value when one is `return`.
        mutating func statements(into text: inout String) throws -> PHPValue? {
            while let token = next {
                if skip(";") { continue }
                switch token {
                case .word("echo"):
                    at += 1
                    repeat { text += try Self.printed(expression()) } while skip(",")
                case .word("return"):
                    at += 1
                    return try expression()
                case .word(let name) where Translation(rawValue: name)?.prints == true:
                    text += try Self.printed(expression())
                default:
                    throw Unsupported(near: "\(token)")
                }
                if next != nil { try expect(";") }
            }
            return nil
        }

        static func printed(_ value: PHPValue) throws -> String {
            switch value {
            case .string(let s): s
            case .int(let n): String(n)
            case .bool(let b): b ? "1" : ""
            case .null: ""
            case .array: throw Unsupported(near: "an array printed")
            }
        }

        mutating func expression() throws -> PHPValue {
            var value = try primary()
            while skip(".") { value = .string(try Self.printed(value) + Self.printed(primary())) }
            return value
        }

        mutating func primary() throws -> PHPValue {
            switch take() {
            case .string(let s)?: return .string(s)
            case .int(let n)?: return .int(n)
            case .word(let w)? where ["true", "false", "null"].contains(w.lowercased()):
                return w.lowercased() == "null" ? .null : .bool(w.lowercased() == "true")
            case .word("array")?:
                try expect("(")
                return try elements(until: ")")
            case .symbol("[")?:
                return try elements(until: "]")
            case .word(let name)?:
                guard let function = Translation(rawValue: name) else { throw Unsupported(near: name) }
                try expect("(")
                var arguments: [PHPValue] = []
                while !skip(")") {
                    arguments.append(try expression())
                    if !skip(",") { try expect(")"); break }
                }
                guard case .string(let text)? = arguments.first else { throw Unsupported(near: name) }
                if function.formats { return .string(try Self.format(text, Array(arguments.dropFirst()))) }
                return .string(function.escapes ? HTMLText.escape(text) : text)
            default:
                throw Unsupported(near: "an expression")
            }
        }

        /// `sprintf`'s `%s`, `%d`, `%1$s` and `%%`.
        static func format(_ template: String, _ arguments: [PHPValue]) throws -> String {
            var out = "", next = 0
            var chars = Substring(template)
            while let percent = chars.firstIndex(of: "%") {
                out += chars[..<percent]
                chars = chars[chars.index(after: percent)...]
                if chars.first == "%" { out += "%"; chars = chars.dropFirst(); continue }
                var position: Int? = nil
                let digits = chars.prefix { $0.isASCII && $0.isNumber }
                if !digits.isEmpty, chars.dropFirst(digits.count).first == "$" {
                    position = Int(digits).map { $0 - 1 }
                    chars = chars.dropFirst(digits.count + 1)
                }
                guard let kind = chars.first, kind == "s" || kind == "d" else { throw Unsupported(near: "a format") }
                chars = chars.dropFirst()
                let index = position ?? next
                if position == nil { next += 1 }
                guard index >= 0, index < arguments.count else { throw Unsupported(near: "a missing argument") }
                let value = try printed(arguments[index])
                out += kind == "d" ? String(PHPScalar.toInt(.string(value))) : value
            }
            return out + chars
        }

        mutating func elements(until end: String) throws -> PHPValue {
            var pairs: [(key: PHPValue?, value: PHPValue)] = []
            while !skip(end) {
                let first = try expression()
                if skip("=>") { pairs.append((first, try expression())) } else { pairs.append((nil, first)) }
                if !skip(",") { try expect(end); break }
            }
            return .array(pairs)
        }
    }

    /// WordPress's translation functions, with the site in English: the text itself.
    enum Translation: String {
        case translate = "__", translateWithContext = "_x"
        case echo = "_e", echoWithContext = "_ex"
        case escHTML = "esc_html__", escHTMLWithContext = "esc_html_x", escAttr = "esc_attr__", escAttrWithContext = "esc_attr_x"
        case echoEscHTML = "esc_html_e", echoEscAttr = "esc_attr_e"
        case escapeHTML = "esc_html", escapeAttribute = "esc_attr", escapeURL = "esc_url"
        case printFormatted = "printf", format = "sprintf"

        /// Whether the function prints its text (`_e`, `printf`) rather than returning it.
        var prints: Bool { [.echo, .echoWithContext, .echoEscHTML, .echoEscAttr, .printFormatted].contains(self) }
        var escapes: Bool { rawValue.hasPrefix("esc_") }
        var formats: Bool { self == .printFormatted || self == .format }
    }
}

/// String arrays WordPress writes as PHP literals, read from its files.
///
///     PHPArrayLiteral.strings(assignedTo: "$uploader_l10n", in: scriptLoader)?["io_error"]   // "IO error."
public enum PHPArrayLiteral {
    /// The string values, by key, of the array literal assigned to `variable` in `source`
    /// (`$name = array( 'key' => __( 'Text' ), … );`); nil when there is none or it holds more
    /// than literals and translations.
    public static func strings(assignedTo variable: String, in source: String) -> JSONObject? {
        guard let start = source.range(of: variable + " = array(") ?? source.range(of: variable + " = ["),
              case let rest = source[start.upperBound...], let end = rest.range(of: ");") ?? rest.range(of: "];") else { return nil }
        let opening = source[start.lowerBound..<start.upperBound].hasSuffix("[") ? "[" : "array("
        return strings(in: "return \(opening)" + rest[..<end.lowerBound] + (opening == "[" ? "];" : ");"))
    }

    /// The string values, by key, of the array literal a call passes (`register_nav_menus(
    /// array( 'primary' => __( 'Primary menu' ) ) );`); nil when `source` makes no such call
    /// or the array holds more than literals and translations.
    public static func strings(passedTo function: String, in source: String) -> JSONObject? {
        guard let start = source.range(of: function + "("), case let rest = source[start.upperBound...],
              let end = rest.range(of: ");") else { return nil }
        return strings(in: "return " + rest[..<end.lowerBound] + ";")
    }

    static func strings(in code: String) -> JSONObject? {
        guard let tokens = try? PHPPatternSource.Lexer.tokens(Substring(code)) else { return nil }
        var parser = PHPPatternSource.Parser(tokens)
        var ignored = ""
        guard case .array(let pairs)? = try? parser.statements(into: &ignored) else { return nil }
        var out = JSONObject()
        for pair in pairs {
            guard case .string(let key)? = pair.key, case .string(let value) = pair.value else { return nil }
            out[key] = .string(value)
        }
        return out
    }
}

