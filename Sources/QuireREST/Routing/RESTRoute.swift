import Foundation

/// A registered route: a namespace, a pattern with named groups (`/wp/v2/posts/(?P<id>[\d]+)`)
/// and its endpoints, as `register_rest_route` makes them.
public struct RESTRoute: Sendable {
    public let namespace: String
    /// The full pattern, namespace included: `/wp/v2/posts/(?P<id>[\d]+)`.
    public let pattern: String
    public var endpoints: [RESTEndpoint]
    /// The resource schema shown by OPTIONS (`schema` callback).
    public var schema: (@Sendable (SiteInfo) -> JSONObject)?
    public var allowBatch: Bool
    /// The pattern as a template with its parameters.
    public let path: RoutePath

    let matcher: RouteMatcher

    public init(namespace: String, pattern: String, endpoints: [RESTEndpoint],
                schema: (@Sendable (SiteInfo) -> JSONObject)? = nil, allowBatch: Bool = false) {
        self.namespace = namespace
        self.pattern = pattern
        self.endpoints = endpoints
        self.schema = schema
        self.allowBatch = allowBatch
        self.matcher = RouteMatcher(pattern)
        self.path = RoutePath(pattern)
    }

    /// The pattern with `(?P<id>…)` groups written as `{id}`, for links.
    public var template: String { path.template }

    public var hasParameters: Bool { template.contains("{") }
}

/// Matches a route path against a pattern: anchored, case-insensitive, with named groups.
/// Literal patterns are compared without a regular expression. A class, so that walking every
/// route's matcher for each request passes one reference along, not its arrays.
final class RouteMatcher: Sendable {
    let literal: [UInt8]?
    let regex: NSRegularExpression?
    let names: [String]
    /// What every matching path starts with (lower-cased), checked before the regular expression.
    let prefix: [UInt8]
    /// What every matching path ends with (lower-cased; a final newline aside), checked before
    /// the regular expression too.
    let suffix: [UInt8]
    /// For a pattern whose every group is a run of digits (`/wp/v2/posts/(?P<id>[\d]+)`): the
    /// literal pieces around the groups, lower-cased, matched without the regular expression.
    let digitPieces: [[UInt8]]?

    init(_ pattern: String) {
        let special = CharacterSet(charactersIn: "()[]{}?*+\\^$|.")
        if pattern.rangeOfCharacter(from: special) == nil {
            literal = Array(pattern.lowercased().utf8)
            regex = nil
            names = []
            prefix = []
            suffix = []
            digitPieces = nil
            return
        }
        literal = nil
        prefix = Self.literalPrefix(pattern)
        suffix = Self.literalSuffix(pattern)
        digitPieces = Self.digitPieces(pattern)
        // ICU allows only letters and digits in group names, so groups are renamed q0, q1, …
        // and the names WordPress gave them are kept aside.
        var found: [String] = []
        var translated = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "(?P<") ?? rest.range(of: "(?<"), let close = rest[open.upperBound...].firstIndex(of: ">") {
            let name = String(rest[open.upperBound..<close])
            translated += rest[..<open.lowerBound] + "(?<q\(found.count)>"
            found.append(name)
            rest = rest[rest.index(after: close)...]
        }
        translated += rest
        regex = try? NSRegularExpression(pattern: "^" + translated + "$", options: [.caseInsensitive])
        names = found
    }

    /// What every path this matcher matches starts with, lower-cased (perhaps nothing).
    var required: [UInt8] { literal ?? digitPieces?[0] ?? prefix }

    /// The captured parameters when the path matches.
    func match(_ path: String) -> JSONObject? {
        if let literal {
            if Self.equalIgnoringASCIICase(path.utf8, literal, wholly: true) { return JSONObject() }
            // `$` matches before a final newline too.
            let newlineEnded = path.utf8.last == 0x0A && path.utf8.count == literal.count + 1
            return newlineEnded && Self.equalIgnoringASCIICase(path.utf8, literal, wholly: false) ? JSONObject() : nil
        }
        if let digitPieces {
            guard Self.equalIgnoringASCIICase(path.utf8, digitPieces[0], wholly: false), let values = Self.matchDigits(path, digitPieces) else { return nil }
            var params = JSONObject()
            for (name, value) in zip(names, values) { params[name] = .string(value) }
            return params
        }
        guard Self.equalIgnoringASCIICase(path.utf8, prefix, wholly: false), Self.endsIgnoringASCIICase(path.utf8, suffix), let regex, let m = regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) else { return nil }
        var params = JSONObject()
        for (i, name) in names.enumerated() {
            let r = m.range(withName: "q\(i)")
            if r.location != NSNotFound, let range = Range(r, in: path) {
                params[name] = .string(String(path[range]))
            } else {
                params[name] = .string("")
            }
        }
        return params
    }

    /// The pieces of a pattern made of plain text and groups of digits (`(?P<id>[\d]+)` or
    /// `(?P<id>\d+)`), each group followed by the end or by text not starting with a digit.
    static func digitPieces(_ pattern: String) -> [[UInt8]]? {
        let plain = CharacterSet(charactersIn: "()[]{}?*+\\^$|.")
        var pieces: [[UInt8]] = []
        var rest = Substring(pattern)
        while let open = rest.range(of: "(?P<") ?? rest.range(of: "(?<") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { return nil }
            let after = rest[rest.index(after: close)...]
            guard let end = [#"[\d]+)"#, #"\d+)"#].first(where: { after.hasPrefix($0) }) else { return nil }
            pieces.append(Array(rest[..<open.lowerBound].lowercased().utf8))
            rest = after.dropFirst(end.count)
        }
        pieces.append(Array(rest.lowercased().utf8))
        guard pieces.count > 1 else { return nil }
        for (i, piece) in pieces.enumerated() {
            if String(decoding: piece, as: UTF8.self).rangeOfCharacter(from: plain) != nil { return nil }
            if i > 0, let first = piece.first, first >= 0x30 && first <= 0x39 { return nil }
            if i > 0 && i < pieces.count - 1 && piece.isEmpty { return nil }
        }
        return pieces
    }

    /// The digits each group of `pieces` matched in `path`, nil when it does not match. As
    /// WordPress's `preg_match('@^…$@i')` reads it: byte by byte, ASCII digits only (not the
    /// other scripts' digits a Unicode `\d` takes), and the end may follow one final newline.
    static func matchDigits(_ path: String, _ pieces: [[UInt8]]) -> [String]? {
        var path = path
        return path.withUTF8 { whole -> [String]? in
            let bytes = whole.last == 0x0A ? UnsafeBufferPointer(rebasing: whole.dropLast()) : whole
            var values: [String] = []
            var i = 0
            for (n, piece) in pieces.enumerated() {
                if n > 0 {
                    let start = i
                    while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
                    if i == start { return nil }
                    values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                }
                guard bytes.count - i >= piece.count else { return nil }
                for b in piece {
                    let lower = ByteText.lowered(bytes[i])
                    if lower != b { return nil }
                    i += 1
                }
            }
            return i == bytes.count ? values : nil
        }
    }

    /// The pattern's leading characters that every match must start with: up to the first
    /// special character, less a character a quantifier makes optional; none when the
    /// pattern has alternatives.
    static func literalPrefix(_ pattern: String) -> [UInt8] {
        if pattern.contains("|") { return [] }
        var out: [UInt8] = []
        for b in pattern.utf8 {
            switch b {
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "{"):
                if !out.isEmpty { out.removeLast() }
                return out
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "}"),
                 UInt8(ascii: "+"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "."):
                return out
            default:
                out.append(ByteText.lowered(b))
            }
        }
        return out
    }

    /// The plain text a pattern ends with, lower-cased: what follows its last special
    /// character (none when that is a quantifier, an escape, or the pattern has alternatives).
    static func literalSuffix(_ pattern: String) -> [UInt8] {
        if pattern.contains("|") { return [] }
        var out: [UInt8] = []
        for b in pattern.utf8.reversed() {
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"),
                 UInt8(ascii: "."):
                // The character after an escape or before a quantifier is not plain text.
                if b == UInt8(ascii: "\\"), !out.isEmpty { out.removeLast() }
                return out.reversed()
            default:
                out.append(ByteText.lowered(b))
            }
        }
        return out.reversed()
    }

    /// Whether `text` ends with the lower-case ASCII `expected`, ignoring ASCII case, or with it
    /// and a newline (`$` matches before a final newline).
    static func endsIgnoringASCIICase(_ text: String.UTF8View, _ expected: [UInt8]) -> Bool {
        if expected.isEmpty { return true }
        var tail = text[...]
        if tail.last == 0x0A { tail = tail.dropLast() }
        guard tail.count >= expected.count else { return false }
        for (b, e) in zip(tail.suffix(expected.count), expected) where ByteText.lowered(b) != e { return false }
        return true
    }

    /// Whether `text` equals (or, not `wholly`, starts with) the lower-case ASCII `expected`, ignoring ASCII case.
    static func equalIgnoringASCIICase(_ text: String.UTF8View, _ expected: [UInt8], wholly: Bool) -> Bool {
        var i = 0
        for b in text {
            if i == expected.count { return !wholly }
            let lower = ByteText.lowered(b)
            if lower != expected[i] { return false }
            i += 1
        }
        return i == expected.count
    }
}
