import Foundation
import QuireREST
import QuireStore

extension MenuItemsController {
    func writeArguments(creating: Bool) -> [RESTArgument] {
        let textField = EndpointArguments.Options(validation: .schema, sanitization: RESTArgument.sanitizeTextField)
        let classList = EndpointArguments.Options(validation: .schema, sanitization: .custom { v, _, _ in
            .success(.array(MenuItem.parseList(v).map { .string(MenuItem.htmlClass($0)) }))
        })
        return EndpointArguments.from(schema, creating: creating, options: [
            "title": .init(validation: RESTArgument.Validation.none, sanitization: RESTArgument.Sanitization.none),
            "attr_title": textField, "description": textField, "classes": classList, "xfn": classList,
            "object": .init(validation: .schema, sanitization: RESTArgument.sanitizeKey),
            "url": .init(validation: .custom { v, _, _ in
                let url = PHPScalar.toString(v)
                if url.isEmpty || !TextSanitizer.url(url).isEmpty { return .valid }
                return .error(RESTError("rest_invalid_url", "Invalid URL."))
            }),
        ])
    }

    /// What an item will be saved as (`prepare_item_for_database` and `wp_update_nav_menu_item`).
    struct Draft {
        var menu = 0
        var objectID = 0
        var object = ""
        var parentItem = 0
        var position = 1
        var kind = MenuItem.Kind.custom
        var title = ""
        var url = ""
        var description = ""
        var attrTitle = ""
        var target = ""
        var classes: [String] = []
        var xfn: [String] = []
        var status = PostStatus.publish
        /// What the stored item linked to, loaded to start the draft: the answer reuses it when
        /// the link is unchanged.
        var linked: MenuItemObjects?
    }

    /// The item as it stands, then what the request changes, checked as WordPress checks it.
    func draft(_ r: RESTRequest, existing: MenuItem?) async throws -> Draft {
        var d = Draft()
        if let existing {
            let linked = try await MenuItemObjects.load(for: [existing], store: store, types: types)
            let shown = linked.setUp(existing, home: r.server.site.home)
            d = Draft(menu: existing.menu, objectID: existing.objectID, object: existing.object, parentItem: existing.parentItem,
                      position: existing.post.menuOrder == 0 ? 1 : existing.post.menuOrder, kind: existing.kind, title: shown.title,
                      url: shown.url.stringValue ?? "", description: ContentRenderer.trimWords(existing.post.content),
                      attrTitle: existing.post.excerpt, target: existing.target, classes: existing.classes,
                      xfn: existing.xfn.split(separator: " ", omittingEmptySubsequences: false).map(String.init), status: existing.post.status,
                      linked: linked)
        }
        if let v = r["object_id"] { d.objectID = PHPScalar.toInt(v) }
        if let v = r["object"] { d.object = PHPScalar.toString(v) }
        if let v = r["parent"] { d.parentItem = PHPScalar.toInt(v) }
        if let v = r["menu_order"] { d.position = PHPScalar.toInt(v) }
        if let v = r["type"]?.stringValue, let kind = MenuItem.Kind(rawValue: v) { d.kind = kind }
        if let v = r["url"] { d.url = PHPScalar.toString(v) }
        if let v = r["description"] { d.description = PHPScalar.toString(v) }
        if let v = r["attr_title"] { d.attrTitle = PHPScalar.toString(v) }
        if let v = r["target"] { d.target = PHPScalar.toString(v) }
        if let v = r["classes"]?.arrayValue { d.classes = v.map(PHPScalar.toString) }
        if let v = r["xfn"]?.arrayValue { d.xfn = v.map(PHPScalar.toString) }
        if let v = r["status"] { d.status = PostStatus(PHPScalar.toString(v)) }
        if let menus = r[NavMenus.taxonomy.restBase], PHPScalar.toBool(menus) { d.menu = abs(PHPScalar.toInt(menus)) }
        switch r["title"] {
        case .string(let t)?: d.title = t
        case .object(let o)?: if let raw = o["raw"], PHPScalar.toBool(raw) { d.title = PHPScalar.toString(raw) }
        default: break
        }
        var errors: [RESTError.Entry] = []
        func fail(_ code: String, _ message: String) { errors.append(.init(code: code, message: message, data: ["status": 400])) }
        if d.object.isEmpty {
            switch d.kind {
            case .taxonomy:
                if let term = try await store.term(id: abs(d.objectID)) { d.object = term.taxonomy } else { fail("rest_term_invalid_id", "Invalid term ID.") }
            case .postType:
                if let post = try await store.post(id: abs(d.objectID)) { d.object = post.type } else { fail("rest_post_invalid_id", "Invalid post ID.") }
            default: break
            }
        }
        if d.kind == .postTypeArchive && (d.object.isEmpty || types.postType(d.object) == nil) {
            fail("rest_post_invalid_type", "Invalid post type.")
        }
        if d.kind == .custom {
            if d.title.isEmpty { fail("rest_title_required", "The title is required when using a custom menu item type.") }
            if d.url.isEmpty { fail("rest_url_required", "The url is required when using a custom menu item type.") }
        }
        if let first = errors.first {
            throw RESTError(first.code, first.message, data: first.data, additional: Array(errors.dropFirst()))
        }
        // Only drafts and published items are kept.
        if d.status != .publish { d.status = .draft }
        return d
    }

    /// `wp_update_nav_menu_item`: the post, its meta and its menu, written at once.
    func save(_ d: Draft, existing: MenuItem?, r: RESTRequest) async throws -> Post {
        var d = d
        if d.menu != 0 {
            guard let menu = try await store.term(id: d.menu), menu.taxonomy == NavMenus.taxonomy.name else {
                throw RESTError("invalid_menu_id", "Invalid menu ID.", status: 400)
            }
        } else {
            d.position = 1
        }
        var originalParent = existing?.post.parent ?? 0
        if d.kind == .custom {
            d.url = PHPText.phpTrim(d.url)
        } else {
            d.url = ""
            var originalTitle = ""
            switch d.kind {
            case .taxonomy:
                if let term = try await store.term(id: d.objectID), term.taxonomy == d.object { (originalParent, originalTitle) = (term.parent, term.name) }
            case .postType:
                if let post = try await store.post(id: d.objectID) { (originalParent, originalTitle) = (post.parent, post.title) }
            case .postTypeArchive:
                if let type = types.postType(d.object) { originalTitle = MenuItemObjects.archivesLabel(type) }
            case .custom: break
            }
            // A title that only repeats the object's is not kept: the item follows the object's.
            if d.title == MenuItem.decodeSpecialChars(originalTitle) { d.title = "" }
            if d.title.isEmpty && d.description.isEmpty { d.description = " " }
        }
        let now = WPDate.format(Date())
        var post = existing?.post ?? Post(author: r.user?.id ?? 0, status: d.status == .publish ? .publish : .draft, type: type.name)
        if existing == nil {
            post.date = now
            post.dateGMT = now
            post.commentStatus = "closed"
            post.pingStatus = "closed"
        } else {
            post.status = d.status == .draft ? .draft : .publish
        }
        post.modified = now
        post.modifiedGMT = now
        post.menuOrder = d.position
        post.content = d.description
        post.excerpt = d.attrTitle
        post.parent = originalParent
        post.title = d.title
        if post.status != .draft && post.slug.isEmpty { post.slug = Slug.sanitizeTitle(d.title) }
        let classes = d.classes.joined(separator: " ").split(separator: " ", omittingEmptySubsequences: false).map { MenuItem.htmlClass(String($0)) }
        let xfn = d.xfn.joined(separator: " ").split(separator: " ", omittingEmptySubsequences: false).map { MenuItem.htmlClass(String($0)) }
        var item = MenuItem(post: post, meta: [:], menu: d.menu)
        item.kind = MenuItem.Kind(rawValue: TextSanitizer.key(.string(d.kind.rawValue))) ?? .custom
        item.parentItem = d.parentItem
        item.objectID = d.kind == .custom ? 0 : d.objectID
        item.object = d.kind == .custom ? "custom" : TextSanitizer.key(.string(d.object))
        item.target = TextSanitizer.key(.string(d.target))
        item.classes = classes
        item.xfn = xfn.joined(separator: " ")
        item.url = d.url.isEmpty ? "" : TextSanitizer.url(d.url)
        var meta = item.meta
        meta.append(("_menu_item_orphaned", d.menu == 0 ? .string(String(Int(Date().timeIntervalSince1970))) : nil))
        meta += try types.extensions.metaChanges(r, meta: type.name)
        var terms: [String: [Int]] = [:]
        if d.menu != 0 { terms[NavMenus.taxonomy.name] = [d.menu] }
        if existing == nil { return try await store.insertPost(post, terms: terms, meta: meta) }
        return try await store.updatePost(post, terms: terms, meta: meta)
    }

    func create(_ r: RESTRequest) async throws -> RESTResponse {
        if r["id"] != nil { throw RESTError("rest_post_exists", "Cannot create existing post.", status: 400) }
        let draft = try await draft(r, existing: nil)
        let created = try await store.transaction { try await save(draft, existing: nil, r: r) }
        try await types.extensions.updateFields(type.name, id: created.id, r)
        var response = try await answer(created.id, r)
        response.status = 201
        response.header("Location", r.server.site.restURL("\(type.route)/\(created.id)"))
        return response
    }

    func update(_ r: RESTRequest) async throws -> RESTResponse {
        guard let existing = try await requested(r) else { throw posts.notFound() }
        let draft = try await draft(r, existing: existing)
        let updated = try await store.transaction { try await save(draft, existing: existing, r: r) }
        try await types.extensions.updateFields(type.name, id: updated.id, r)
        let sameLink = draft.kind == existing.kind && draft.object == existing.object && draft.objectID == existing.objectID
        return try await answer(updated.id, r, linked: sameLink ? draft.linked : nil)
    }

    /// A written item as the answer shows it: read back, in the edit context, with what it links
    /// to (loaded again unless given).
    func answer(_ id: Int, _ r: RESTRequest, linked: MenuItemObjects? = nil) async throws -> RESTResponse {
        guard let post = try await store.post(id: id), let item = try await items([post]).first else { throw posts.notFound() }
        let edit = r.editing
        if let linked { return await prepare(item, edit, objects: linked) }
        return await prepare(item, edit, objects: try await MenuItemObjects.load(for: [item], store: store, types: types))
    }

    func delete(_ r: RESTRequest) async throws -> RESTResponse {
        guard let item = try await requested(r) else { throw posts.notFound() }
        guard r["force"]?.boolValue == true else {
            throw RESTError("rest_trash_not_supported", "Menu items do not support trashing. Set 'force=true' to delete.", status: 501)
        }
        let previous = await prepare(item, r, objects: try await MenuItemObjects.load(for: [item], store: store, types: types))
        try await store.deletePost(id: item.post.id)
        return RESTResponse(["deleted": true, "previous": previous.data])
    }

    /// Deletes every item of a menu, whatever its status.
    static func deleteItems(ofMenu menu: Int, in store: any ContentStore) async throws {
        var q = PostQuery()
        q.types = [PostTypes.menuItem.name]
        q.statuses = PostStatus.all
        q.taxQuery = [.init(taxonomy: NavMenus.taxonomy.name, terms: [menu], op: "IN")]
        q.limit = 10_000
        for item in try await store.posts(q).posts { try await store.deletePost(id: item.id) }
    }
}
