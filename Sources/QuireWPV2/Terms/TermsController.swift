import QuireREST
import QuireStore

/// `/wp/v2/categories[/<id>]`, `/wp/v2/tags[/<id>]` and every taxonomy shown in REST.
struct TermsController: ExtendedController {
    let store: any ContentStore
    let taxonomy: TaxonomyInfo
    let types: ContentTypes
    /// The taxonomy's schema with the meta and fields plugins registered.
    let schema: JSONObject
    /// Which fields each context shows, prepared once from the taxonomy's schema.
    let contextPlan: ContextPlan
    /// The fields a term of the taxonomy has (its schema's properties).
    let fieldNames: Set<String>

    init(store: any ContentStore, taxonomy: TaxonomyInfo, types: ContentTypes) {
        self.store = store
        self.taxonomy = taxonomy
        self.types = types
        schema = ExtensionPoint.term(taxonomy.name).schema(taxonomy.schema, in: types)
        contextPlan = ContextPlan(taxonomy.schema)
        fieldNames = Set(taxonomy.schema["properties"]?.objectValue?.keys ?? [])
    }

    var namespace: String { taxonomy.restNamespace }
    var base: String { taxonomy.restBase }
    var itemNoun: String { "term" }
    var allowsBatch: Bool { true }

    func writeArguments(creating: Bool) -> [RESTArgument] {
        EndpointArguments.from(schema, creating: creating, options: ["slug": slugOption])
    }
    var deleteArguments: [RESTArgument] {
        [RESTArgument("force", schema: ["type": "boolean", "default": false, "description": "Required to be true, as terms do not support trashing."])]
    }
    func createPermission(_ r: RESTRequest) async throws -> Permission { try await writePermission(create: true, r) }
    func updatePermission(_ r: RESTRequest) async throws -> Permission { try await writePermission(create: false, r) }

    var slugOption: EndpointArguments.Options {
        .init(sanitization: .custom { v, _, _ in .success(.string(Slug.sanitizeTitle(PHPScalar.toString(v)))) })
    }

    func collectionArguments() -> [RESTArgument] {
        EndpointArguments.collection(taxonomy.collectionArguments)
    }

    func notFound() -> RESTError { RESTError("rest_term_invalid", "Term does not exist.", status: 404) }

    func requestedTerm(_ r: RESTRequest) async throws -> Term? {
        guard let id = r.integer("id"), let t = try await store.term(id: id), t.taxonomy == taxonomy.name else { return nil }
        return t
    }

    // MARK: Permissions

    /// Menus are read by those who may edit the theme's options or posts of some type
    /// (`check_has_read_only_access`).
    func menuReadAccess(_ r: RESTRequest) -> Permission {
        guard taxonomy.controller == .menus else { return .allowed }
        if r.can(.editThemeOptions) || types.mayEditSomeType(r) {
            return .allowed
        }
        return .error(RESTError("rest_cannot_view", "Sorry, you are not allowed to view menus.", status: r.authorizationStatus))
    }

    func listPermission(_ r: RESTRequest) async throws -> Permission {
        if r.context == "edit" && !r.can(taxonomy.capabilities.editTerms) {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit terms in this taxonomy.", status: r.authorizationStatus))
        }
        // The terms of one post are listed only if that post exists and may be read.
        if let raw = r["post"], !raw.isEmptyLike {
            guard let post = try await store.post(id: PHPScalar.toInt(raw)) else {
                return .error(RESTError("rest_post_invalid_id", "Invalid post ID.", status: 400))
            }
            let postType = types.type(of: post)
            let readable = postType.taxonomies.contains(taxonomy.name)
                && (post.status == .publish || (r.siteUser?.can(.readPost, post: post, caps: postType.capabilities) ?? false))
            if !readable {
                return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to view terms for this post.", status: r.authorizationStatus))
            }
        }
        return menuReadAccess(r)
    }

    func readPermission(_ r: RESTRequest) async throws -> Permission {
        guard try await requestedTerm(r) != nil else { return .error(notFound()) }
        if r.context == "edit" && !r.can(taxonomy.capabilities.editTerms) {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit this term.", status: r.authorizationStatus))
        }
        return menuReadAccess(r)
    }

    func writePermission(create: Bool, _ r: RESTRequest) async throws -> Permission {
        let caps = taxonomy.capabilities
        if create {
            // Hierarchical terms are created by those who edit terms, flat ones (tags) by those who assign them.
            if !r.can(taxonomy.hierarchical ? caps.editTerms : caps.assignTerms) {
                return .error(RESTError("rest_cannot_create", "Sorry, you are not allowed to create terms in this taxonomy.", status: r.authorizationStatus))
            }
            return .allowed
        }
        guard try await requestedTerm(r) != nil else { return .error(notFound()) }
        if !r.can(caps.editTerms) {
            return .error(RESTError("rest_cannot_update", "Sorry, you are not allowed to edit this term.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func deletePermission(_ r: RESTRequest) async throws -> Permission {
        guard let term = try await requestedTerm(r) else { return .error(notFound()) }
        var isDefault = false
        if taxonomy.name == "category", let def = try await store.option("default_category") {
            isDefault = def.intValue == term.id
        }
        if isDefault || !r.can(taxonomy.capabilities.deleteTerms) {
            return .error(RESTError("rest_cannot_delete", "Sorry, you are not allowed to delete this term.", status: r.authorizationStatus))
        }
        return .allowed
    }

    // MARK: Handlers

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        var q = TermQuery(taxonomy: taxonomy.name)
        q.include = r.ints("include")
        q.exclude = r.ints("exclude")
        q.slugs = r.strings("slug")
        q.search = r["search"]?.stringValue
        q.parent = r["parent"]?.intValue
        q.hideEmpty = r["hide_empty"]?.boolValue ?? false
        q.orderBy = r["orderby"]?.stringValue ?? "name"
        q.ascending = r["order"]?.stringValue != "desc"
        if let post = r["post"]?.intValue {
            guard let p = try await store.post(id: post), p.type != "revision" else {
                throw RESTError("rest_post_invalid_id", "Invalid post ID.", status: 400)
            }
            q.post = post
        }
        let page = CollectionPage(r)
        q.limit = page.perPage
        q.offset = page.skip
        let (terms, total) = try await store.terms(q)
        let parents = try await parentSlugs(for: terms)
        let items = try await extended(terms.map { (prepare($0, r, parents: parents), $0.id) }, r)
        // Terms, comments and users answer a page past the end with an empty list, as WordPress does.
        return try collection(items.map(\.dataWithLinks), total: total, page: page, r, pastEnd: nil, reportedPage: page.pageOfOffset)
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        guard let t = try await requestedTerm(r) else { throw notFound() }
        return try await extended(prepare(t, r, parents: try await parentSlugs(for: [t])), id: t.id, r)
    }

    /// Checks name, slug and parent, as `wp_insert_term` and `wp_update_term` do.
    func apply(_ r: RESTRequest, to term: inout Term) async throws {
        if r["parent"] != nil && !taxonomy.hierarchical {
            throw RESTError("rest_taxonomy_not_hierarchical", "Cannot set parent term, taxonomy is not hierarchical.", status: 400)
        }
        if let name = r["name"]?.stringValue {
            let trimmed = PHPText.phpTrim(name)
            // `wp_insert_term`'s own error carries no status, so it answers 500 with no data.
            guard !trimmed.isEmpty else { throw RESTError("empty_term_name", "A name is required for this term.") }
            term.name = r.can(.unfilteredHTML) ? trimmed : KSES.filter(trimmed)
        }
        if let d = r["description"]?.stringValue { term.description = r.can(.unfilteredHTML) ? d : KSES.filter(d) }
        if taxonomy.hierarchical, let parent = r["parent"]?.intValue {
            if parent != 0 {
                guard let p = try await store.term(id: parent), p.taxonomy == taxonomy.name else {
                    throw RESTError("rest_term_invalid", "Parent term does not exist.", status: 400)
                }
            }
            term.parent = try await parentWithoutLoop(parent, for: term)
        }
        if let slug = r["slug"]?.stringValue, !slug.isEmpty {
            // A new term takes a free variant of a slug in use (`create`); an edited one may not.
            if term.id != 0, try await store.termSlugExists(slug, taxonomy: taxonomy.name, excluding: term.id) {
                // `wp_update_term`'s own error, with no status: 500.
                throw RESTError("duplicate_term_slug", "The slug &#8220;\(slug)&#8221; is already in use by another term.")
            }
            term.slug = slug
        }
    }

    /// `wp_unique_term_slug`: the slug if no other term of the taxonomy has it; else, under a
    /// parent, the slug followed by each ancestor's slug in turn until no term of any taxonomy
    /// has it; else that followed by the first free `-N` from 2 (found in one query).
    func uniqueSlug(_ base: String, for term: Term) async throws -> String {
        guard try await store.termSlugExists(base, taxonomy: taxonomy.name, excluding: term.id) else { return base }
        var slug = base
        // Ancestors nearest first (`parentSlugs` knows none in a flat taxonomy).
        let ancestors = Ancestry.slugs(above: term.parent, of: term.id, in: try await parentSlugs(for: [term]), limit: 1000,
                                       slug: \.slug, parent: \.parent)
        for ancestor in ancestors.reversed() {
            slug += "-" + ancestor
            if try await !store.termSlugExists(slug, taxonomy: nil, excluding: 0) { break }
        }
        return try await store.numberedTermSlug(slug, excluding: term.id)
    }

    /// `wp_check_term_hierarchy_for_loops`: a term is not its own parent, nor an ancestor of
    /// its parent; either asks for no parent instead.
    func parentWithoutLoop(_ parent: Int, for term: Term) async throws -> Int {
        guard parent != 0, term.id != 0 else { return parent }
        if parent == term.id { return 0 }
        var next = parent
        var seen: Set<Int> = []
        while next > 0, !seen.contains(next), seen.count < 1000, let up = try await store.term(id: next) {
            if up.parent == term.id { return 0 }
            seen.insert(next)
            next = up.parent
        }
        return parent
    }

    func create(_ r: RESTRequest) async throws -> RESTResponse {
        if r["name"] == nil || PHPText.phpTrim(r["name"]?.stringValue ?? "").isEmpty {
            // The menus controller gives `wp_insert_term`'s error a status.
            throw RESTError("empty_term_name", "A name is required for this term.", data: taxonomy.controller == .menus ? ["status": 400] : .null)
        }
        if taxonomy.controller == .menus { return try await createMenu(r) }
        var term = Term(taxonomy: taxonomy.name, name: "", slug: "")
        try await apply(r, to: &term)
        let siblings = try await store.terms({
            var q = TermQuery(taxonomy: taxonomy.name)
            q.search = nil
            q.limit = 10_000
            return q
        }()).terms
        if let existing = siblings.first(where: { $0.name == term.name && $0.parent == term.parent }) {
            // `wp_insert_term`'s error carries the id, and the controller adds it again with the status.
            throw RESTError("term_exists", taxonomy.hierarchical ? "A term with the name provided already exists with this parent."
                                                                  : "A term with the name provided already exists in this taxonomy.",
                            data: ["status": 400, "term_id": .int(existing.id)], additionalData: [.int(existing.id), .int(existing.id)])
        }
        term.slug = try await uniqueSlug(term.slug.isEmpty ? Slug.sanitizeTitle(term.name) : term.slug, for: term)
        _ = try types.extensions.metaChanges(r, meta: extensionPoint.meta)
        let created = try await store.insertTerm(term)
        try await saveExtensions(id: created.id, r)
        let edit = r.editing
        var response = try await extended(prepare(created, edit, parents: try await parentSlugs(for: [created])), id: created.id, edit)
        response.status = 201
        response.header("Location", r.server.site.restURL("\(taxonomy.route)/\(created.id)"))
        return response
    }

    func update(_ r: RESTRequest) async throws -> RESTResponse {
        guard var term = try await requestedTerm(r) else { throw notFound() }
        if taxonomy.controller == .menus {
            try await applyMenu(r, to: &term)
        } else {
            try await apply(r, to: &term)
        }
        _ = try types.extensions.metaChanges(r, meta: extensionPoint.meta)
        try await store.updateTerm(term)
        try await saveExtensions(id: term.id, r)
        let edit = r.editing
        return try await extended(prepare(term, edit, parents: try await parentSlugs(for: [term])), id: term.id, edit)
    }

    func delete(_ r: RESTRequest) async throws -> RESTResponse {
        guard let term = try await requestedTerm(r) else { throw notFound() }
        guard r["force"]?.boolValue == true else {
            let what = taxonomy.controller == .menus ? "Menus" : "Terms"
            throw RESTError("rest_trash_not_supported", "\(what) do not support trashing. Set 'force=true' to delete.", status: 501)
        }
        let edit = r.editing
        let previous = try await extended(prepare(term, edit, parents: try await parentSlugs(for: [term])), id: term.id, edit)
        let fallback = try await store.option("default_category")?.intValue
        let store = self.store, menu = taxonomy.controller == .menus
        try await store.transaction {
            // A menu goes with its items (`wp_delete_nav_menu`).
            if menu { try await MenuItemsController.deleteItems(ofMenu: term.id, in: store) }
            try await store.deleteTerm(id: term.id, fallbackCategory: fallback)
        }
        return RESTResponse(["deleted": true, "previous": previous.data])
    }

    // MARK: Response

    /// Ancestor slugs for term links (`/category/news/releases/`).
    func parentSlugs(for terms: [Term]) async throws -> [Int: Term] {
        guard taxonomy.hierarchical else { return [:] }
        var known: [Int: Term] = [:]
        var frontier = Set(terms.map(\.parent).filter { $0 > 0 })
        while !frontier.isEmpty && known.count < 1000 {
            let found = try await store.terms(ids: Array(frontier))
            for t in found { known[t.id] = t }
            frontier = Set(found.map(\.parent).filter { $0 > 0 && known[$0] == nil })
        }
        return known
    }

    func prepare(_ t: Term, _ r: RESTRequest, parents: [Int: Term]) -> RESTResponse {
        let site = r.server.site
        let path = Ancestry.slugs(above: t.parent, of: t.id, in: parents, limit: 63, slug: \.slug, parent: \.parent) + [t.slug]
        var o = JSONObject()
        o.appendUnique("id", .int(t.id))
        o.appendUnique("count", .int(t.count))
        o.appendUnique("description", .string(t.description))
        o.appendUnique("link", .string("\(site.home)/\(taxonomy.permalinkBase)/\(path.joined(separator: "/"))/"))
        o.appendUnique("name", .string(t.name))
        o.appendUnique("slug", .string(t.slug))
        o.appendUnique("taxonomy", .string(t.taxonomy))
        if taxonomy.hierarchical { o.appendUnique("parent", .int(t.parent)) }
        o.appendUnique("meta", .array([]))
        for key in o.keys where !fieldNames.contains(key) { o[key] = nil }
        var response = RESTResponse(r.shaped(o, by: contextPlan))
        guard r.wantsLinks else { return response }
        response.addLink("self", site.restURL("\(taxonomy.route)/\(t.id)"))
        response.addLink("collection", site.restURL(taxonomy.route))
        response.addLink("about", site.restURL("/wp/v2/taxonomies/\(taxonomy.name)"))
        if t.parent > 0 {
            response.addLink("up", site.restURL("\(taxonomy.route)/\(t.parent)"), attributes: RESTLink.embeddable)
        }
        for typeName in taxonomy.types {
            guard let route = types.postTypes.first(where: { $0.name == typeName })?.route ?? taxonomy.objectRoutes[typeName] else { continue }
            response.addLink("https://api.w.org/post_type", site.restURL("\(route)?\(taxonomy.restBase)=\(t.id)"))
        }
        return response
    }

    var extensionPoint: ExtensionPoint { .term(taxonomy.name) }

    // MARK: Menus

    /// `wp_update_nav_menu_object`: a menu's name is unique among menus, its slug always made
    /// from its name, and its description the one the request gives (none when it gives none).
    func menuFields(_ r: RESTRequest, name: String, for term: inout Term) async throws {
        if r["parent"] != nil {
            throw RESTError("rest_taxonomy_not_hierarchical", "Cannot set parent term, taxonomy is not hierarchical.", status: 400)
        }
        let others = try await store.terms(taxonomy: taxonomy.name)
        if let existing = others.first(where: { $0.name == name && $0.id != term.id }) {
            throw RESTError("menu_exists", "The menu name <strong>\(HTMLText.escape(name))</strong> conflicts with another menu name. Please try another.",
                            data: ["status": 400, "term_id": .int(existing.id)], additionalData: [.int(existing.id)])
        }
        term.name = r.can(.unfilteredHTML) ? name : KSES.filter(name)
        let description = r["description"]?.stringValue ?? ""
        term.description = r.can(.unfilteredHTML) ? description : KSES.filter(description)
        term.slug = try await uniqueSlug(Slug.sanitizeTitle(term.name), for: term)
    }

    func createMenu(_ r: RESTRequest) async throws -> RESTResponse {
        var term = Term(taxonomy: taxonomy.name, name: "", slug: "")
        try await menuFields(r, name: PHPText.phpTrim(r["name"]?.stringValue ?? ""), for: &term)
        _ = try types.extensions.metaChanges(r, meta: extensionPoint.meta)
        let created = try await store.insertTerm(term)
        try await saveExtensions(id: created.id, r)
        var response = try await extended(prepare(created, r, parents: [:]), id: created.id, r)
        response.status = 201
        response.header("Location", r.server.site.restURL("\(taxonomy.route)/\(created.id)"))
        return response
    }

    /// An edit changes the menu only when it names a field of the term; then the name stays
    /// unless given, and the description and slug are made again.
    func applyMenu(_ r: RESTRequest, to term: inout Term) async throws {
        guard ["name", "description", "slug", "parent"].contains(where: { r[$0] != nil }) else { return }
        let name = r["name"].map { PHPText.phpTrim(PHPScalar.toString($0)) } ?? term.name
        guard !name.isEmpty else { throw RESTError("empty_term_name", "A name is required for this term.") }
        try await menuFields(r, name: name, for: &term)
    }
}
