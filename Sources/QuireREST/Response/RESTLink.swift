/// A link in a response's `_links`: its relation, target and extra attributes
/// (`embeddable`, `templated`, `taxonomy`, …).
public struct RESTLink: Sendable, Equatable {
    public var rel: String
    public var href: String
    public var attributes: JSONObject

    public init(rel: String, href: String, attributes: JSONObject = JSONObject()) {
        self.rel = rel
        self.href = href
        self.attributes = attributes
    }

    public init(rel: String, href: String, embeddable: Bool) {
        self.init(rel: rel, href: href, attributes: embeddable ? Self.embeddable : JSONObject())
    }

    /// `{"embeddable": true}`, made once.
    public static let embeddable = JSONObject([("embeddable", .bool(true))])
}

/// The compact-URI prefixes of link relations (`wp:` for `https://api.w.org/`).
public struct RESTCurie: Sendable, Equatable {
    public let name: String
    public let href: String
    /// What a relation starts with to be shortened: `href` up to its `{rel}`.
    let prefix: String

    public init(name: String, href: String) {
        self.name = name
        self.href = href
        let marker = Array("{rel}".utf8)
        let bytes = Array(href.utf8)
        var end = bytes.count
        if bytes.count >= marker.count {
            for i in 0...(bytes.count - marker.count) where Array(bytes[i..<(i + marker.count)]) == marker {
                end = i
                break
            }
        }
        prefix = String(decoding: bytes[..<end], as: UTF8.self)
    }

    public static let wp = RESTCurie(name: "wp", href: "https://api.w.org/{rel}")
}

public enum LinkCompactor {
    /// `_links` as WordPress prints them: attributes then `href`, relations under a curie
    /// shortened (and moved after the others), and the `curies` used appended.
    public static func compact(_ links: [RESTLink], curies: [RESTCurie] = [.wp]) -> JSONObject {
        var byRel = JSONObject()
        for l in links {
            var item = l.attributes
            item["href"] = .string(l.href)
            var list = byRel[l.rel]?.arrayValue ?? []
            list.append(.object(item))
            byRel[l.rel] = .array(list)
        }
        var used: [RESTCurie] = []
        for rel in byRel.keys {
            for curie in curies where rel.utf8.count > curie.prefix.utf8.count && rel.utf8.starts(with: curie.prefix.utf8) {
                let value = byRel[rel]!
                byRel[rel] = nil
                byRel[curie.name + ":" + String(decoding: rel.utf8.dropFirst(curie.prefix.utf8.count), as: UTF8.self)] = value
                if !used.contains(curie) { used.append(curie) }
                break
            }
        }
        if !used.isEmpty {
            byRel["curies"] = .array(used.map {
                .object(JSONObject([("name", .string($0.name)), ("href", .string($0.href)), ("templated", .bool(true))]))
            })
        }
        return byRel
    }
}

extension LinkCompactor {
    /// Writes `_links` as ``compact(_:curies:)`` makes them, without building the map first.
    public static func write<S: JSONSink>(_ links: [RESTLink], curies: [RESTCurie] = [.wp], into sink: inout S) {
        // Relations in the order they first appear, each with the curie that shortens it, and
        // which of them each link has.
        var rels: [(rel: String, curie: RESTCurie?)] = []
        var relOf: [Int] = []
        relOf.reserveCapacity(links.count)
        for l in links {
            if let known = rels.firstIndex(where: { $0.rel == l.rel }) {
                relOf.append(known)
            } else {
                relOf.append(rels.count)
                rels.append((l.rel, curies.first { l.rel.utf8.count > $0.prefix.utf8.count && l.rel.utf8.starts(with: $0.prefix.utf8) }))
            }
        }
        func writeRel(_ index: Int, as name: String) {
            sink.key(name)
            sink.beginArray()
            for (i, l) in links.enumerated() where relOf[i] == index {
                sink.beginObject()
                var wroteHref = false
                for (k, v) in l.attributes {
                    sink.key(k)
                    if k == "href" { sink.string(l.href); wroteHref = true } else { sink.json(v) }
                }
                if !wroteHref { sink.member("href", l.href) }
                sink.endObject()
            }
            sink.endArray()
        }
        sink.beginObject()
        for (index, (rel, curie)) in rels.enumerated() where curie == nil { writeRel(index, as: rel) }
        var used: [RESTCurie] = []
        for (index, (rel, curie)) in rels.enumerated() {
            guard let curie else { continue }
            writeRel(index, as: curie.name + ":" + String(decoding: rel.utf8.dropFirst(curie.prefix.utf8.count), as: UTF8.self))
            if !used.contains(curie) { used.append(curie) }
        }
        if !used.isEmpty {
            sink.key("curies")
            sink.beginArray()
            for c in used {
                sink.beginObject()
                sink.member("name", c.name)
                sink.member("href", c.href)
                sink.member("templated", true)
                sink.endObject()
            }
            sink.endArray()
        }
        sink.endObject()
    }
}
