import QuireREST

/// The kinds of object an id can name; ids of different kinds are numbered apart.
enum CompatKind: String, Sendable {
    case post, term, user, comment
    /// A revision or autosave: a post whose number depends on every earlier write.
    case revision

    /// The kind a `/wp/v2/<segment>` route's items are.
    static func ofSegment(_ segment: Substring) -> CompatKind? {
        switch segment {
        case "posts", "pages", "media", "blocks", "navigation", "menu-items": return .post
        case "comments": return .comment
        case "categories", "tags", "menus": return .term
        case "users": return .user
        default: return nil
        }
    }

    /// The kind of the items a route answers with (`compat/normalise.py`'s `route_kind`).
    static func ofRoute(_ path: String) -> CompatKind? {
        let p = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if p.contains("/revisions") || p.contains("/autosaves") { return .revision }
        guard p.hasPrefix("/wp/v2/") else { return nil }
        let rest = p.dropFirst("/wp/v2/".count)
        let segment = rest.prefix { $0 != "/" }
        guard !segment.isEmpty else { return nil }
        if segment == "users" && p.contains("/application-passwords") { return nil }
        if segment == "search" { return .post }
        if let k = ofSegment(segment) { return k }
        return ["types", "statuses", "taxonomies", "settings"].contains(segment) ? nil : .post
    }
}

/// Ids a normalised answer names instead of numbers: `post:release-1-0`, `$capture`, ….
struct CompatNames: Sendable {
    private var byKind: [CompatKind: [Int: String]] = [:]

    mutating func add(_ kind: CompatKind?, _ id: Int, _ name: String) {
        guard var kind else { return }
        if kind == .revision { kind = .post }
        if byKind[kind]?[id] == nil { byKind[kind, default: [:]][id] = name }
    }

    /// A revision nobody named is just "revision".
    func name(_ kind: CompatKind?, _ id: Int) -> String? {
        guard let kind else { return nil }
        if kind == .revision { return byKind[.post]?[id] ?? "revision" }
        return byKind[kind]?[id]
    }
}

/// Replaces what depends on the clock, on random tokens or on numbering with stable names,
/// by the same rules as `compat/normalise.py`, so Quire's answers compare with the recorded ones.
enum CompatNormaliser {
    static let embedKinds: [String: CompatKind?] = [
        "author": .user, "replies": .comment, "wp:term": .term, "wp:featuredmedia": .post, "wp:attachment": .post,
        "up": .post, "version-history": .revision, "predecessor-version": .revision, "children": .comment, "self": nil,
    ]
    static let keyKinds: [String: CompatKind] = ["author": .user, "post": .post, "featured_media": .post,
                                                  "categories": .term, "tags": .term, "term_id": .term, "additional_data": .term,
                                                  "wp_id": .post, "menus": .term]

    /// The kind of the objects a link relation holds; a menu item's object is a term when the
    /// link names a taxonomy (`{"taxonomy": …}`) or the embedded object has one.
    static func linkedKind(_ rel: String, _ items: JSON, _ own: CompatKind?) -> CompatKind? {
        if rel == "wp:menu-item-object" { return items.arrayValue?.first?["taxonomy"] != nil ? .term : .post }
        return embedKinds.keys.contains(rel) ? embedKinds[rel]! : own
    }

    static func normalise(_ v: JSON, _ names: CompatNames, kind: CompatKind?, key: String? = nil) -> JSON {
        switch v {
        case .object(let o):
            var own = kind
            if o["subtype"] != nil, o["type"] != nil { own = o["type"]?.stringValue == "term" ? .term : .post }
            var out = JSONObject()
            for (k, x) in o {
                if k == "filesize", case .int = x {
                    out[k] = "<filesize>"
                } else if k == "id" {
                    out[k] = id(x, own, names)
                } else if k == "parent" {
                    out[k] = id(x, own == .revision ? .post : own, names)
                } else if k == "slug", let slug = x.stringValue, slug.hasSuffix("-autosave-v1"),
                          let number = Int(slug.dropLast("-autosave-v1".count)), number == o["parent"]?.intValue {
                    // An autosave is named after its post, whose number depends on earlier writes.
                    out[k] = "<parent>-autosave-v1"
                } else if k == "object_id", o["type_label"] != nil {
                    // A menu item's object: a term for taxonomy items, else a post (itself for custom links).
                    out[k] = id(x, o["type"]?.stringValue == "taxonomy" ? .term : .post, names)
                } else if let kk = keyKinds[k], !isObjectOrString(x) {
                    if case .array(let items) = x { out[k] = .array(items.map { id($0, kk, names) }) } else { out[k] = id(x, kk, names) }
                } else if k == "_embedded" || k == "_links", case .object(let rels) = x {
                    var e = JSONObject()
                    for (rel, items) in rels {
                        e[rel] = normalise(items, names, kind: linkedKind(rel, items, own), key: rel)
                    }
                    out[k] = .object(e)
                } else {
                    out[k] = normalise(x, names, kind: own, key: k)
                }
            }
            return .object(out)
        case .array(let a):
            return .array(a.map { normalise($0, names, kind: kind, key: key) })
        case .string(let s):
            return .string(string(s, names, key: key, kind: kind))
        default:
            return v
        }
    }

    /// A batch answer: each sub-response by its own route's kind.
    static func normaliseBatch(_ body: JSON, subPaths: [String], _ names: CompatNames) -> JSON {
        guard case .object(var o) = body, case .array(let responses)? = o["responses"] else { return normalise(body, names, kind: nil) }
        o["responses"] = .array(responses.enumerated().map { i, r in
            normalise(r, names, kind: i < subPaths.count ? CompatKind.ofRoute(subPaths[i]) : nil)
        })
        return .object(o)
    }

    static func isObjectOrString(_ v: JSON) -> Bool {
        switch v { case .object, .string: return true; default: return false }
    }

    static func id(_ v: JSON, _ kind: CompatKind?, _ names: CompatNames) -> JSON {
        if case .int(let i) = v, let n = names.name(kind, i) { return .string("{\(n)}") }
        return v
    }

    // MARK: strings

    static func string(_ s: String, _ names: CompatNames, key: String? = nil, kind: CompatKind? = nil) -> String {
        var b = Array(s.utf8)
        if key == "password" && isApplicationPassword(b) { return "<password>" }
        b = replaceNowDates(b)
        b = replaceUUIDs(b)
        if b.contains(UInt8(ascii: "/")) || b.contains(UInt8(ascii: "?")) {
            b = replaceRouteIDs(b, names)
            b = replaceSubIDs(b, names)
            b = replaceQueryIDs(b, names, kind: kind)
            b = replaceCommentAnchors(b, names)
        }
        return String(decoding: b, as: UTF8.self)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 97 && c | 0x20 <= 122) }
    static func isLowerHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 97 && c <= 102) }

    static func isApplicationPassword(_ b: [UInt8]) -> Bool {
        guard b.count == 29 else { return false }
        for (i, c) in b.enumerated() { if (i + 1) % 5 == 0 ? c != 32 : !isAlnum(c) { return false } }
        return true
    }

    /// Runs of digits read at `i`: (value, end).
    static func digits(_ b: [UInt8], _ i: Int) -> (Int, Int)? {
        var j = i, v = 0
        while j < b.count, isDigit(b[j]), j - i < 18 { v = v * 10 + Int(b[j] - 48); j += 1 }
        return j > i ? (v, j) : nil
    }

    static func matches(_ b: [UInt8], _ i: Int, _ shape: String) -> Bool {
        let s = Array(shape.utf8)
        guard i + s.count <= b.count else { return false }
        for (k, c) in s.enumerated() {
            let x = b[i + k]
            switch c {
            case UInt8(ascii: "d"): if !isDigit(x) { return false }
            case UInt8(ascii: "h"): if !isLowerHex(x) { return false }
            case UInt8(ascii: "T"): if x != UInt8(ascii: "T") && x != 32 { return false }
            default: if x != c { return false }
            }
        }
        return true
    }

    /// Copies `b`, letting `replace` rewrite the text starting at any position: it returns the
    /// replacement and where the replaced text ends, or nil to keep the byte.
    static func rewrite(_ b: [UInt8], _ replace: (Int) -> (text: [UInt8], end: Int)?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if let (text, end) = replace(i) {
                out += text
                i = end
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }

    /// `20(2[5-9]|3[0-4])-dd-dd[T ]dd:dd:dd` → `<now>`.
    static func replaceNowDates(_ b: [UInt8]) -> [UInt8] {
        guard b.count >= 19, b.contains(UInt8(ascii: ":")) else { return b }
        return rewrite(b) { i in
            guard b[i] == UInt8(ascii: "2"), matches(b, i, "dddd-dd-ddTdd:dd:dd") else { return nil }
            let year = Int(b[i] - 48) * 1000 + Int(b[i + 1] - 48) * 100 + Int(b[i + 2] - 48) * 10 + Int(b[i + 3] - 48)
            return year >= 2025 && year <= 2034 ? (Array("<now>".utf8), i + 19) : nil
        }
    }

    static func replaceUUIDs(_ b: [UInt8]) -> [UInt8] {
        guard b.count >= 36, b.contains(UInt8(ascii: "-")) else { return b }
        return rewrite(b) { i in matches(b, i, "hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh") ? (Array("<uuid>".utf8), i + 36) : nil }
    }

    static func startsWith(_ b: [UInt8], _ i: Int, _ s: String) -> Bool {
        let u = Array(s.utf8)
        return i + u.count <= b.count && Array(b[i..<(i + u.count)]) == u
    }

    /// `/wp/v2/<segment>/<digits>`.
    static func replaceRouteIDs(_ b: [UInt8], _ names: CompatNames) -> [UInt8] {
        rewrite(b) { i in
            guard b[i] == UInt8(ascii: "/"), startsWith(b, i, "/wp/v2/") else { return nil }
            var j = i + 7
            while j < b.count, (b[j] >= 97 && b[j] <= 122) || b[j] == UInt8(ascii: "-") { j += 1 }
            let segment = String(decoding: b[(i + 7)..<j], as: UTF8.self)
            guard j < b.count, b[j] == UInt8(ascii: "/"), let kind = CompatKind.ofSegment(Substring(segment)),
                  let (v, end) = digits(b, j + 1), let n = names.name(kind, v) else { return nil }
            return (Array("/wp/v2/\(segment)/{\(n)}".utf8), end)
        }
    }

    /// `/revisions/<digits>`, `/autosaves/<digits>`.
    static func replaceSubIDs(_ b: [UInt8], _ names: CompatNames) -> [UInt8] {
        rewrite(b) { i in
            guard b[i] == UInt8(ascii: "/") else { return nil }
            for word in ["revisions", "autosaves"] where startsWith(b, i, "/\(word)/") {
                if let (v, end) = digits(b, i + word.utf8.count + 2), let n = names.name(.revision, v) {
                    return (Array("/\(word)/{\(n)}".utf8), end)
                }
            }
            return nil
        }
    }

    /// `#comment-<digits>`.
    static func replaceCommentAnchors(_ b: [UInt8], _ names: CompatNames) -> [UInt8] {
        rewrite(b) { i in
            guard b[i] == UInt8(ascii: "#"), startsWith(b, i, "#comment-"), let (v, end) = digits(b, i + 9),
                  let n = names.name(.comment, v) else { return nil }
            return (Array("#comment-{\(n)}".utf8), end)
        }
    }

    static let queryKeys = ["p", "page_id", "attachment_id", "post", "parent", "categories", "tags", "menus", "author"]

    /// `[?&](amp;)?<key>=<digits>`.
    static func replaceQueryIDs(_ b: [UInt8], _ names: CompatNames, kind context: CompatKind? = nil) -> [UInt8] {
        let inComments = String(decoding: b, as: UTF8.self).contains("/wp/v2/comments")
        return rewrite(b) { i in
            guard b[i] == UInt8(ascii: "?") || b[i] == UInt8(ascii: "&") else { return nil }
            var j = i + 1
            if startsWith(b, j, "amp;") { j += 4 }
            for key in queryKeys where startsWith(b, j, key + "=") {
                guard let (v, end) = digits(b, j + key.utf8.count + 1) else { continue }
                let kind: CompatKind
                switch key {
                case "categories", "tags", "menus": kind = .term
                case "author": kind = .user
                case "parent" where inComments: kind = .comment
                case "p" where context == .revision: kind = .revision
                default: kind = .post
                }
                if let n = names.name(kind, v) { return (Array(b[i..<(j + key.utf8.count + 1)]) + Array("{\(n)}".utf8), end) }
            }
            return nil
        }
    }
}
