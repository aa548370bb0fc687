/// Turning a response into the JSON a client reads: `_links` added, `_embed`ded resources
/// fetched through the server itself (`response_to_data`, `embed_links`), and `_fields` applied.
extension RESTServer {
    /// Which link relations `_embed` asks for: all (nil) or a list.
    public enum EmbedSelection: Sendable, Equatable {
        case all
        case only([String])

        /// `rest_parse_embed_param`.
        public static func parse(_ v: JSON?) -> EmbedSelection? {
            guard let v else { return nil }
            if case .string(let s) = v, s.isEmpty || s == "true" || s == "1" { return .all }
            if v.isEmptyLike { return .all }
            guard case .array(let rels) = SchemaTypes.parseList(v), !rels.isEmpty else { return .all }
            return .only(rels.compactMap(\.stringValue))
        }

        func includes(_ rel: String) -> Bool {
            switch self {
            case .all: return true
            case .only(let list): return list.contains(rel)
            }
        }
    }

    public func responseToData(_ response: RESTResponse, embed: EmbedSelection?, user: (any RESTUser)?) async -> JSON {
        let data = response.dataWithLinks
        guard let embed else { return data }
        var cache: [String: JSON] = [:]
        if case .array(let items) = data {
            var out: [JSON] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(await embedLinks(item, embed, user: user, cache: &cache)) }
            return .array(out)
        }
        return await embedLinks(data, embed, user: user, cache: &cache)
    }

    private func embedLinks(_ data: JSON, _ embed: EmbedSelection, user: (any RESTUser)?, cache: inout [String: JSON]) async -> JSON {
        guard case .object(var obj) = data, case .object(let links)? = obj["_links"], !links.isEmpty else { return data }
        var embedded = JSONObject()
        for (rel, list) in links {
            guard embed.includes(rel), case .array(let items) = list else { continue }
            var embeds: [JSON] = []
            var found = false
            for item in items {
                guard item["embeddable"].map({ !$0.isEmptyLike }) ?? false, let href = item["href"]?.stringValue else {
                    embeds.append(.array([]))
                    continue
                }
                if let cached = cache[href] {
                    embeds.append(cached)
                    found = found || !cached.isEmptyLike
                    continue
                }
                guard var sub = RESTRequest.fromURL(href, restRoot: site.restRoot, user: user) else {
                    embeds.append(.array([]))
                    continue
                }
                if sub["context"] == nil { sub.set("context", "embed") }
                // Only the body of an embedded answer is kept, so its `Allow` header is not worked out.
                let response = await handle(sub, allowHeader: false)
                let value = await responseToData(response, embed: nil, user: user)
                cache[href] = value
                embeds.append(value)
                // Only a non-empty answer counts as something embedded (`array_filter`).
                found = found || !value.isEmptyLike
            }
            if found { embedded[rel] = .array(embeds) }
        }
        if !embedded.isEmpty { obj["_embedded"] = .object(embedded) }
        return .object(obj)
    }
}

/// `_fields`: keep only the named fields (nested with dots) of an object or of each item.
public enum FieldsFilter {
    indirect enum Tree { case all, some([String: Tree]) }

    static func tree(_ fields: JSON) -> [String: Tree]? {
        guard case .array(let list) = SchemaTypes.parseList(fields) else { return nil }
        let names = list.compactMap(\.stringValue).map { PHPText.phpTrim($0) }
        if names.isEmpty { return nil }
        var root: [String: Tree] = [:]
        func insert(_ parts: ArraySlice<Substring>, into node: inout [String: Tree]) {
            let head = String(parts.first!)
            if parts.count == 1 { node[head] = .all; return }
            if case .all? = node[head] { return }
            var child: [String: Tree] = [:]
            if case .some(let c)? = node[head] { child = c }
            insert(parts.dropFirst(), into: &child)
            node[head] = .some(child)
        }
        for name in names {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            insert(parts[...], into: &root)
        }
        return root
    }

    public static func apply(_ fields: JSON, to data: JSON) -> JSON {
        guard let t = tree(fields) else { return data }
        if case .array(let items) = data { return .array(items.map { filter($0, t) }) }
        if case .object(let o) = data, o.hasOnlyNumericKeys, !o.isEmpty { return .array(o.values.map { filter($0, t) }) }
        return filter(data, t)
    }

    /// Whether a top-level field was asked for (`rest_is_field_included`).
    public static func includes(_ field: String, _ fields: JSON?) -> Bool {
        guard let fields, let t = tree(fields) else { return true }
        let parts = field.split(separator: ".").map(String.init)
        var node: [String: Tree] = t
        for (i, p) in parts.enumerated() {
            guard let next = node[p] else {
                // A parent asked for with children under it counts ("a.b" includes "a").
                return false
            }
            if case .all = next { return true }
            if case .some(let c) = next {
                if i == parts.count - 1 { return true }
                node = c
            }
        }
        return true
    }

    static func filter(_ value: JSON, _ tree: [String: Tree]) -> JSON {
        let obj: JSONObject
        switch value {
        case .object(let o): obj = o
        case .array(let a): obj = JSONObject(a.enumerated().map { (String($0.offset), $0.element) })
        default: return value
        }
        var out = JSONObject()
        for (k, v) in obj {
            guard let sub = tree[k] else { continue }
            switch (sub, v) {
            case (.some(let t), .object), (.some(let t), .array): out.appendUnique(k, filter(v, t))
            default: out.appendUnique(k, v)
            }
        }
        return .object(out)
    }
}
