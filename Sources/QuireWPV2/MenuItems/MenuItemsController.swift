import QuireREST
import QuireStore

/// `/wp/v2/menu-items`: the items of classic menus. The list and its filters, and who may
/// create, edit and delete, are the posts controller's for `nav_menu_item`; reading also needs
/// the right to edit the theme's options or posts of some type. An item shows what it links
/// to as `wp_setup_nav_menu_item` sets it up: the title, address and label of the post, term
/// or archive, `invalid` when that is gone. Items are never trashed, only deleted.
struct MenuItemsController: RESTController {
    /// The posts controller for `nav_menu_item`: its store, schema, filters, list query and
    /// permission checks.
    let posts: PostsController
    var store: any ContentStore { posts.store }
    var types: ContentTypes { posts.types }
    var type: PostType { posts.type }
    var schema: JSONObject { posts.schema }

    init(store: any ContentStore, type: PostType, types: ContentTypes) {
        posts = PostsController(store: store, type: type, types: types)
    }

    var namespace: String { type.restNamespace }
    var base: String { type.restBase }
    var itemNoun: String { "post" }
    var allowsBatch: Bool { true }

    /// The posts' schema and links, and the link to the object an item stands for.
    func schema(for site: SiteInfo) -> JSONObject {
        var s = PostSchemaLinks.schema(for: type, site: site, base: schema, types: types)
        var links = s["links"]?.arrayValue ?? []
        links.append(["rel": "https://api.w.org/menu-item-object", "title": "Get linked object.",
                      "href": .string(site.restURL("\(type.route)/{id}")),
                      "targetSchema": ["type": "object", "properties": ["object": ["type": "integer"]]]])
        s["links"] = .array(links)
        return s
    }

    func collectionArguments() -> [RESTArgument] { posts.collectionArguments() }
    func listPermission(_ r: RESTRequest) async throws -> Permission { try await readable(posts.listPermission)(r) }
    func readPermission(_ r: RESTRequest) async throws -> Permission { try await readable(posts.readPermission)(r) }
    func createPermission(_ r: RESTRequest) async throws -> Permission { try await posts.createPermission(r) }
    func updatePermission(_ r: RESTRequest) async throws -> Permission { try await posts.updatePermission(r) }
    func deletePermission(_ r: RESTRequest) async throws -> Permission { try await posts.deletePermission(r) }

    /// The posts controller's check, then `check_has_read_only_access`.
    func readable(_ check: @escaping RESTPermissionCheck) -> RESTPermissionCheck {
        { [types] r in
            let first = try await check(r)
            guard case .allowed = first else { return first }
            if r.can(.editThemeOptions) || types.mayEditSomeType(r) { return .allowed }
            return .error(RESTError("rest_cannot_view", "Sorry, you are not allowed to view menu items.", status: r.authorizationStatus))
        }
    }

    /// The item the request names, if it is a menu item.
    func requested(_ r: RESTRequest) async throws -> MenuItem? {
        guard let post = try await posts.requestedPost(r) else { return nil }
        return try await items([post]).first
    }

    /// Posts of the type as menu items: their meta and menus, in two queries.
    func items(_ found: [Post]) async throws -> [MenuItem] {
        let ids = found.map(\.id)
        let meta = try await store.postMeta(postIDs: ids)
        let menus = try await store.termIDs(postIDs: ids, taxonomies: [NavMenus.taxonomy.name])
        return found.map { MenuItem(post: $0, meta: meta[$0.id] ?? [:], menu: menus[$0.id]?[NavMenus.taxonomy.name]?.first ?? 0) }
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        try PostsController.checkOrdering(r)
        let page = CollectionPage(r, perPage: 100)
        var q = try await posts.query(r)
        q.orderBy = r["orderby"]?.stringValue ?? "menu_order"
        q.ascending = (r["order"]?.stringValue ?? "asc") == "asc"
        q.limit = page.perPage
        q.offset = page.skip
        var (found, total) = try await store.posts(q)
        if found.isEmpty { total = try await PostsController.totalOfEmptyPage(q, page: page.number, offset: page.offset, in: store) }
        try page.check(total: total)
        let listed = found.filter { r.context == "edit" ? posts.can(r, .editPost, $0) : posts.canRead(r, $0) }
        let items = try await self.items(listed)
        let objects = try await MenuItemObjects.load(for: items, store: store, types: types)
        var out: [JSON] = []
        for item in items { out.append(await prepare(item, r, objects: objects).dataWithLinks) }
        return try page.response(out, total: total, request: r, route: type.route, pastEnd: nil)
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        guard let item = try await requested(r) else { throw posts.notFound() }
        return await prepare(item, r, objects: try await MenuItemObjects.load(for: [item], store: store, types: types))
    }

    /// The item as `prepare_item_for_response` shapes it, with its links and registered fields.
    func prepare(_ item: MenuItem, _ r: RESTRequest, objects: MenuItemObjects, context: String? = nil) async -> RESTResponse {
        let shown = objects.setUp(item, home: r.server.site.home)
        let p = item.post
        let xfn = item.xfn.split(separator: " ", omittingEmptySubsequences: false).map { MenuItem.htmlClass(String($0)) }
        var o = JSONObject()
        o["id"] = .int(p.id)
        o["title"] = ["raw": .string(shown.title), "rendered": .string(ContentRenderer.title(shown.title))]
        o["status"] = .string(p.status.rawValue)
        o["url"] = shown.url
        o["attr_title"] = .string(p.excerpt)
        o["description"] = .string(ContentRenderer.trimWords(p.content))
        o["type"] = .string(item.kind.rawValue)
        o["type_label"] = .string(shown.typeLabel)
        o["object"] = .string(item.object)
        o["object_id"] = .int(item.objectID)
        o["parent"] = .int(item.parentItem)
        o["menu_order"] = .int(p.menuOrder)
        o["target"] = .string(item.target)
        o["classes"] = .array(item.classes.map(JSON.string))
        o["xfn"] = .array(xfn.map(JSON.string))
        o["invalid"] = .bool(shown.invalid)
        o["meta"] = posts.presenter.meta(PostPresenter.Related(meta: item.storedMeta))
        if item.menu > 0 { o["menus"] = .int(item.menu) }
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: schema, context: context ?? r.context))
        if r.wantsLinks { addLinks(&response, item, r, objects: objects) }
        return await posts.extend(response, p, r)
    }

    func addLinks(_ response: inout RESTResponse, _ item: MenuItem, _ r: RESTRequest, objects: MenuItemObjects) {
        let site = r.server.site
        let selfLink = site.restURL("\(type.route)/\(item.post.id)")
        response.addLink("self", selfLink)
        response.addLink("collection", site.restURL(type.route))
        response.addLink("about", site.restURL("/wp/v2/types/\(type.name)"))
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy) else { continue }
            response.addLink("https://api.w.org/term", site.restURL("/wp/v2/\(info.restBase)?post=\(item.post.id)"),
                             attributes: ["taxonomy": .string(taxonomy), "embeddable": true])
        }
        if item.objectID > 0, let linked = objects.route(item) {
            response.addLink("https://api.w.org/menu-item-object", site.restURL(linked.route),
                             attributes: [item.kind.rawValue: .string(linked.kind), "embeddable": true])
        }
        guard (r["context"]?.stringValue ?? "view") == "edit" else { return }
        PostPresenter.addActionLinks(&response, type: type, types: types, href: selfLink, r)
    }
}
