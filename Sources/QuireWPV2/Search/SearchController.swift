import QuireREST
import QuireStore

/// `/wp/v2/search`: posts, terms or post formats matching a string, as links to the objects.
struct SearchController: RESTController {
    let store: any ContentStore
    let types: ContentTypes
    var namespace: String { WPV2.namespace }
    var base: String { "search" }
    var operations: [RESTOperation] { [.list] }
    var schema: JSONObject { Self.schema }

    static let schema = Schema.resource("search-result", [
        ("id", Schema("Unique identifier for the object.", .integer, .string).context(.view, .embed).readonly()),
        ("title", Schema("The title for the object.", .string).context(.view, .embed).readonly()),
        ("url", Schema("URL to the object.", .string).format(.uri).context(.view, .embed).readonly()),
        ("type", Schema("Object type.", .string).enum("post", "term", "post-format").context(.view, .embed).readonly()),
        ("subtype", Schema("Object subtype.", .string).enum("post", "page", "category", "post_tag").context(.view, .embed).readonly()),
    ])

    static let formats = ["aside": "Aside", "chat": "Chat", "gallery": "Gallery", "link": "Link", "image": "Image",
                          "quote": "Quote", "status": "Status", "video": "Video", "audio": "Audio"]

    /// Paging and search, with the context, type and subtype filters WordPress has here.
    func collectionArguments() -> [RESTArgument] {
        var args = EndpointArguments.collection()
        args[0] = RESTArgument("context", schema: [
            "description": "Scope under which the request is made; determines fields present in response.",
            "type": "string", "enum": ["view", "embed"], "default": "view",
        ], validation: .schema, sanitization: RESTArgument.sanitizeKey)
        args += [
            RESTArgument("type", schema: ["default": "post", "description": "Limit results to items of an object type.",
                                          "type": "string", "enum": ["post", "term", "post-format"]]),
            RESTArgument("subtype", schema: ["default": "any", "description": "Limit results to items of one or more object subtypes.",
                                             "type": "array", "items": ["enum": ["post", "page", "category", "post_tag", "any"], "type": "string"]]),
            RESTArgument("exclude", schema: ["description": "Ensure result set excludes specific IDs.", "type": "array", "items": ["type": "integer"], "default": []]),
            RESTArgument("include", schema: ["description": "Limit result set to specific IDs.", "type": "array", "items": ["type": "integer"], "default": []]),
        ]
        return args
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        let site = r.server.site
        let perPage = r["per_page"]?.intValue ?? 10, page = r["page"]?.intValue ?? 1
        var subtypes = (r["subtype"]?.arrayValue?.compactMap(\.stringValue) ?? []).filter { !$0.isEmpty }
        if subtypes.isEmpty { subtypes = ["any"] }   // an empty list searches every subtype
        let text = r["search"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let include = r.ints("include")
        let exclude = r.ints("exclude")
        var items: [RESTResponse] = []
        var total = 0
        switch r["type"]?.stringValue ?? "post" {
        case "term":
            var all: [Term] = []
            // Public taxonomies only (`WP_REST_Term_Search_Handler`): menus are not searched.
            for taxonomy in types.taxonomies where taxonomy.isPublic && (subtypes.contains("any") || subtypes.contains(taxonomy.name)) {
                var q = TermQuery(taxonomy: taxonomy.name)
                q.search = text
                q.include = include
                q.exclude = exclude
                q.limit = 10_000
                all += try await store.terms(q).terms
            }
            total = all.count
            for t in all.dropFirst(Pagination.skip(page: page, perPage: perPage)).prefix(perPage) {
                guard let info = types.taxonomy(t.taxonomy) else { continue }
                var resp = RESTResponse(["id": .int(t.id), "title": .string(t.name),
                                         "url": .string("\(site.home)/\(info.permalinkBase)/\(t.slug)/"),
                                         "type": "term", "subtype": .string(t.taxonomy)])
                resp.addLink("self", site.restURL("\(info.route)/\(t.id)"), attributes: RESTLink.embeddable)
                resp.addLink("about", site.restURL("/wp/v2/taxonomies/\(t.taxonomy)"))
                items.append(resp)
            }
        case "post-format":
            let used = Set(try await store.posts({
                var q = PostQuery()
                q.limit = 10_000
                return q
            }()).posts.map(\.format)).filter { $0 != "standard" }
            let needle = text?.lowercased()
            let matching = Self.formats.filter { format in
                used.contains(format.key) && (needle.map { format.value.lowercased().contains($0) } ?? true)
            }.sorted { $0.value < $1.value }
            total = matching.count
            for (slug, name) in matching.dropFirst(Pagination.skip(page: page, perPage: perPage)).prefix(perPage) {
                items.append(RESTResponse(["id": .string(slug), "title": .string(name), "url": .string("\(site.home)/type/\(slug)/"),
                                           "type": "post-format", "subtype": .string(slug)]))
            }
        default:
            var q = PostQuery()
            q.types = types.postTypes.filter { $0.showInREST && $0.isPublic && $0.name != "attachment" && (subtypes.contains("any") || subtypes.contains($0.name)) }.map(\.name)
            q.search = text
            q.searchSkipsProtected = r.user == nil
            q.include = include
            q.exclude = exclude
            q.orderBy = text == nil ? "date" : "relevance"
            q.limit = perPage
            q.offset = Pagination.skip(page: page, perPage: perPage)
            let (posts, count) = try await store.posts(q)
            total = posts.isEmpty ? 0 : count   // `WP_Query` counts nothing for an empty page
            let ancestors = try await PageAncestry.slugs(for: posts.filter { $0.parent > 0 }, in: store)
            for p in posts {
                guard let type = types.postTypes.first(where: { $0.name == p.type }) else { continue }
                let link = PostPresenter(type: type, types: types).permalink(p, home: site.home, ancestors: ancestors[p.id] ?? [])
                var resp = RESTResponse(["id": .int(p.id), "title": .string(ContentRenderer.title(p.title)), "url": .string(link),
                                         "type": "post", "subtype": .string(p.type)])
                resp.addLink("self", site.restURL("\(type.route)/\(p.id)"), attributes: RESTLink.embeddable)
                resp.addLink("about", site.restURL("/wp/v2/types/\(p.type)"))
                items.append(resp)
            }
        }
        _ = try Pagination.totalPages(total: total, perPage: perPage, page: page, error: RESTError(
            "rest_search_invalid_page_number", "The page number requested is larger than the number of pages available.", status: 400))
        let data = items.map { item -> JSON in
            var i = item
            i.addLink("collection", site.restURL("/wp/v2/search"))
            var d = ContextFilter.filter(i.data, schema: Self.schema, context: r.context)
            if let fields = r["_fields"] { d = FieldsFilter.apply(fields, to: d) }
            i.data = d
            return i.dataWithLinks
        }
        var response = RESTResponse(.array(data))
        Pagination.addHeaders(to: &response, request: r, collectionRoute: "/wp/v2/search", total: total, perPage: perPage, page: page,
                              clampPrevious: false)
        return response
    }
}
