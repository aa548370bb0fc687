import Foundation
import QuireREST
import QuireStore

/// `/<type>/<parent>/revisions[/<id>]` and `/<type>/<id>/autosaves[/<id>]`.
struct RevisionsController: Sendable {
    let store: any ContentStore
    let type: PostType
    /// The revision schema with the parent type's texts only: a type without excerpts has
    /// revisions without them.
    let schema: JSONObject
    let autosaveSchema: JSONObject

    init(store: any ContentStore, type: PostType) {
        self.store = store
        self.type = type
        var s = Self.schema
        // The parent's own title, content and excerpt (and GUID, when it has one) replace the base ones.
        if var properties = s["properties"]?.objectValue, let parent = type.schema["properties"]?.objectValue {
            for field in ["title", "content", "excerpt", "guid"] {
                if let own = parent[field] { properties[field] = own } else if field != "guid" { properties[field] = nil }
            }
            s["properties"] = .object(properties)
        }
        s["title"] = .string("\(type.name)-revision")
        schema = s
        autosaveSchema = Self.autosaveSchema(s)
    }

    static let schema = Schema.resource("post-revision", [
        ("author", Schema("The ID for the author of the revision.", .integer).context(.view, .edit, .embed)),
        ("date", Schema("The date the revision was published, in the site's timezone.", .string).format(.dateTime).context(.view, .edit, .embed)),
        ("date_gmt", Schema("The date the revision was published, as GMT.", .string).format(.dateTime).context(.view, .edit)),
        ("guid", Schema("GUID for the revision, as it exists in the database.", .string).context(.view, .edit)),
        ("id", Schema("Unique identifier for the revision.", .integer).context(.view, .edit, .embed)),
        ("modified", Schema("The date the revision was last modified, in the site's timezone.", .string).format(.dateTime).context(.view, .edit)),
        ("modified_gmt", Schema("The date the revision was last modified, as GMT.", .string).format(.dateTime).context(.view, .edit)),
        ("parent", Schema("The ID for the parent of the revision.", .integer).context(.view, .edit, .embed)),
        ("slug", Schema("An alphanumeric identifier for the revision unique to its type.", .string).context(.view, .edit, .embed)),
        // A post's own title, content and excerpt; a type's revisions take that type's.
        PostSchemas.Fields.title, PostSchemas.Fields.content, PostSchemas.Fields.excerpt,
    ])

    /// The autosave routes, and the revision routes when the type keeps revisions (WordPress
    /// gives every type but attachments autosaves).
    func register(into registry: inout RouteRegistry, revisions: Bool = true) {
        let own = self.schema
        let schema: @Sendable (SiteInfo) -> JSONObject = { _ in own }
        let parentArg = RESTArgument("parent", schema: ["description": "The ID for the parent of the revision.", "type": "integer"])
        let idArg = RESTArgument("id", schema: ["description": "Unique identifier for the revision.", "type": "integer"])
        if revisions { registerRevisions(into: &registry, schema: schema, parentArg: parentArg, idArg: idArg) }
        registerAutosaves(into: &registry)
    }

    func registerRevisions(into registry: inout RouteRegistry, schema: @escaping @Sendable (SiteInfo) -> JSONObject,
                           parentArg: RESTArgument, idArg: RESTArgument) {
        registry.register(namespace: type.restNamespace, route: "\(type.restBase)/(?P<parent>[\\d]+)/revisions", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [parentArg] + EndpointArguments.collection(perPageDefault: false) + [
                RESTArgument("exclude", schema: ["description": "Ensure result set excludes specific IDs.", "type": "array", "items": ["type": "integer"], "default": []]),
                RESTArgument("include", schema: ["description": "Limit result set to specific IDs.", "type": "array", "items": ["type": "integer"], "default": []]),
                RESTArgument("offset", schema: ["description": "Offset the result set by a specific number of items.", "type": "integer"]),
                RESTArgument("order", schema: ["description": "Order sort attribute ascending or descending.", "type": "string", "default": "desc", "enum": ["asc", "desc"]]),
                RESTArgument("orderby", schema: ["description": "Sort collection by object attribute.", "type": "string", "default": "date",
                                                 "enum": ["date", "id", "include", "relevance", "slug", "include_slugs", "title"]]),
            ], permission: parentPermission, handler: list),
        ], schema: schema)
        registry.register(namespace: type.restNamespace, route: "\(type.restBase)/(?P<parent>[\\d]+)/revisions/(?P<id>[\\d]+)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [parentArg, idArg, EndpointArguments.context()], permission: parentPermission, handler: item),
            RESTEndpoint(RESTEndpoint.deletable, arguments: [parentArg, idArg,
                RESTArgument("force", schema: ["type": "boolean", "default": false, "description": "Required to be true, as revisions do not support trashing."])],
                         permission: deletePermission, handler: delete),
        ], schema: schema)
    }

    /// An autosave's schema: a revision's and its preview link.
    static func autosaveSchema(_ revision: JSONObject) -> JSONObject {
        var s = revision
        var properties = s["properties"]?.objectValue ?? JSONObject()
        properties["preview_link"] = ["description": "Preview link for the post.", "type": "string", "format": "uri", "context": ["edit"], "readonly": true]
        s["properties"] = .object(properties)
        return s
    }

    func registerAutosaves(into registry: inout RouteRegistry) {
        let own = autosaveSchema
        let schema: @Sendable (SiteInfo) -> JSONObject = { _ in own }
        registry.register(namespace: type.restNamespace, route: "\(type.restBase)/(?P<id>[\\d]+)/autosaves", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [
                RESTArgument("parent", schema: ["description": "The ID for the parent of the autosave.", "type": "integer"]),
                EndpointArguments.context(),
            ], permission: autosaveParentPermission, handler: autosaves),
            RESTEndpoint(RESTEndpoint.creatable, arguments: [
                RESTArgument("parent", schema: ["description": "The ID for the parent of the autosave.", "type": "integer"]),
            ] + EndpointArguments.from(type.schema, creating: false, options: [
                "title": .init(validation: RESTArgument.Validation.none, sanitization: RESTArgument.Sanitization.none),
                "content": .init(validation: RESTArgument.Validation.none, sanitization: RESTArgument.Sanitization.none),
                "excerpt": .init(validation: RESTArgument.Validation.none, sanitization: RESTArgument.Sanitization.none),
            ]), permission: autosaveCreatePermission, handler: createAutosave),
        ], schema: schema)
        registry.register(namespace: type.restNamespace, route: "\(type.restBase)/(?P<parent>[\\d]+)/autosaves/(?P<id>[\\d]+)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [
                RESTArgument("parent", schema: ["description": "The ID for the parent of the autosave.", "type": "integer"]),
                RESTArgument("id", schema: ["description": "The ID for the autosave.", "type": "integer"]),
                EndpointArguments.context(),
            ], permission: autosaveItemPermission, handler: autosaveItem),
        ], schema: schema)
    }

    func parent(_ r: RESTRequest, key: String = "parent") async throws -> Post? {
        guard let id = r.integer(key), let p = try await store.post(id: id), p.type == type.name else { return nil }
        return p
    }

    func canEdit(_ r: RESTRequest, _ p: Post) -> Bool {
        r.siteUser?.can(.editPost, post: p, caps: type.capabilities) ?? false
    }

    func check(_ r: RESTRequest, key: String, noun: String = "revisions") async throws -> Permission {
        guard let p = try await parent(r, key: key) else {
            return .error(RESTError("rest_post_invalid_parent", "Invalid post parent ID.", status: 404))
        }
        if !canEdit(r, p) {
            return .error(RESTError("rest_cannot_read", "Sorry, you are not allowed to view \(noun) of this post.", status: r.authorizationStatus))
        }
        return .allowed
    }

    var parentPermission: RESTPermissionCheck { { r in try await check(r, key: "parent") } }
    var autosaveParentPermission: RESTPermissionCheck { { r in try await check(r, key: "id", noun: "autosaves") } }
    var autosaveItemPermission: RESTPermissionCheck { { r in try await check(r, key: "parent", noun: "autosaves") } }

    /// Nobody deletes a revision through the API: `delete_post` on a revision maps to `do_not_allow`.
    /// The checks before that one decide which error a caller sees, as in WordPress.
    var deletePermission: RESTPermissionCheck {
        { r in
            guard let p = try await parent(r, key: "parent") else {
                return .error(RESTError("rest_post_invalid_parent", "Invalid post parent ID.", status: 404))
            }
            if r.siteUser?.can(.deletePost, post: p, caps: type.capabilities) != true {
                return .error(RESTError("rest_cannot_delete", "Sorry, you are not allowed to delete revisions of this post.",
                                        status: r.authorizationStatus))
            }
            guard let id = r.integer("id"), let rev = try await store.post(id: id), rev.type == "revision" else {
                return .error(RESTError("rest_post_invalid_id", "Invalid revision ID.", status: 404))
            }
            _ = rev
            let base = try await check(r, key: "parent")
            guard case .allowed = base else { return base }
            return .error(RESTError("rest_cannot_delete", "Sorry, you are not allowed to delete this revision.", status: r.authorizationStatus))
        }
    }

    var autosaveCreatePermission: RESTPermissionCheck {
        { r in
            guard let p = try await parent(r, key: "id") else {
                return .error(RESTError("rest_post_invalid_id", "Invalid post ID.", status: 404))
            }
            if !canEdit(r, p) {
                return .error(RESTError("rest_cannot_edit", "Sorry, you are not allowed to edit this post.", status: r.authorizationStatus))
            }
            return .allowed
        }
    }

    /// A post's revisions, newest first: only its autosaves, or every revision (autosaves
    /// included, as WordPress lists them).
    func revisions(of parentID: Int, autosaves onlyAutosaves: Bool) async throws -> [Post] {
        var q = PostQuery()
        q.types = ["revision"]
        q.statuses = [.inherit]
        q.parents = [parentID]
        q.limit = 1000
        let all = try await store.posts(q).posts
        return onlyAutosaves ? all.filter { $0.slug.hasSuffix("-autosave-v1") } : all
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        guard let p = try await parent(r) else { throw RESTError("rest_post_invalid_parent", "Invalid post parent ID.", status: 404) }
        var all = try await revisions(of: p.id, autosaves: false)
        if let include = r["include"]?.arrayValue?.compactMap(\.intValue), !include.isEmpty { all = all.filter { include.contains($0.id) } }
        if let exclude = r["exclude"]?.arrayValue?.compactMap(\.intValue), !exclude.isEmpty { all = all.filter { !exclude.contains($0.id) } }
        if r["order"]?.stringValue == "asc" { all.reverse() }
        let perPage = r["per_page"]?.intValue, page = r["page"]?.intValue ?? 1
        var slice = all
        if let perPage {
            _ = try Pagination.totalPages(total: all.count, perPage: perPage, page: page)
            slice = Array(all.dropFirst(Pagination.skip(page: page, perPage: perPage, offset: r["offset"]?.intValue ?? 0)).prefix(perPage))
        }
        var response = RESTResponse(.array(slice.map { prepare($0, r).dataWithLinks }))
        if let perPage {
            Pagination.addHeaders(to: &response, request: r, collectionRoute: "\(type.route)/\(p.id)/revisions", total: all.count, perPage: perPage, page: page)
        } else {
            response.header("X-WP-Total", String(all.count))
            response.header("X-WP-TotalPages", all.isEmpty ? "0" : "1")
        }
        return response
    }

    func revision(_ r: RESTRequest) async throws -> Post {
        guard let id = r.integer("id"), let rev = try await store.post(id: id), rev.type == "revision",
              rev.parent == r.integer("parent") else {
            throw RESTError("rest_post_invalid_id", "Invalid revision ID.", status: 404)
        }
        return rev
    }

    func item(_ r: RESTRequest) async throws -> RESTResponse { prepare(try await revision(r), r) }

    func delete(_ r: RESTRequest) async throws -> RESTResponse {
        guard r["force"]?.boolValue == true else {
            throw RESTError("rest_trash_not_supported", "Revisions do not support trashing. Set 'force=true' to delete.", status: 501)
        }
        let rev = try await revision(r)
        let edit = r.editing
        let previous = prepare(rev, edit)
        try await store.deletePost(id: rev.id)
        return RESTResponse(["deleted": true, "previous": previous.data])
    }

    func autosaves(_ r: RESTRequest) async throws -> RESTResponse {
        guard let p = try await parent(r, key: "id") else { throw RESTError("rest_post_invalid_id", "Invalid post ID.", status: 404) }
        // Every user's autosave of the post, for whoever may edit it (`get_items`).
        let items = try await revisions(of: p.id, autosaves: true)
        return RESTResponse(.array(items.map { prepare($0, r, autosave: true).dataWithLinks }))
    }

    func autosaveItem(_ r: RESTRequest) async throws -> RESTResponse {
        let rev = try await revision(r)
        guard rev.slug.hasSuffix("-autosave-v1") else { throw RESTError("rest_post_no_autosave", "The post does not have an autosave.", status: 404) }
        return prepare(rev, r, autosave: true)
    }

    /// An autosave of a draft by its own author updates the draft; otherwise it is kept
    /// apart as one revision per user.
    func createAutosave(_ r: RESTRequest) async throws -> RESTResponse {
        guard var p = try await parent(r, key: "id"), let userID = r.user?.id else {
            throw RESTError("rest_post_invalid_id", "Invalid post ID.", status: 404)
        }
        let now = WPDate.format(Date())
        if [.draft, .autoDraft].contains(p.status) && p.author == userID {
            if let t = PostsController.rawText(r["title"]) { p.title = t }
            if let c = PostsController.rawText(r["content"]) { p.content = c }
            if let e = PostsController.rawText(r["excerpt"]) { p.excerpt = e }
            p.modified = now
            p.modifiedGMT = now
            let saved = try await store.updatePost(p, terms: [:], meta: [])
            let edit = r.editing
            return PostPresenter(type: type).present(saved, edit, related: .init(), canEdit: true)
        }
        var autosave = Revisions.revision(of: p, author: userID, slug: "\(p.id)-autosave-v1")
        autosave.modified = now
        autosave.modifiedGMT = now
        // An autosave holds what the request sent; a field it did not send is empty, as in WordPress.
        // A menu item's is always empty: WordPress prepares it as an item, which has no post title.
        let keepsTexts = type.controller != .menuItems
        autosave.title = keepsTexts ? PostsController.rawText(r["title"]) ?? "" : ""
        autosave.content = keepsTexts ? PostsController.rawText(r["content"]) ?? "" : ""
        autosave.excerpt = keepsTexts ? PostsController.rawText(r["excerpt"]) ?? "" : ""
        let existing = try await revisions(of: p.id, autosaves: true).first { $0.author == userID }
        let saved: Post
        if let existing {
            autosave.id = existing.id
            saved = try await store.updatePost(autosave, terms: [:], meta: [])
        } else {
            saved = try await store.insertPost(autosave, terms: [:], meta: [])
        }
        let edit = r.editing
        return prepare(saved, edit, autosave: true)
    }

    func prepare(_ rev: Post, _ r: RESTRequest, autosave: Bool = false) -> RESTResponse {
        // A revision's GUID is its plain address, as `wp_insert_post` gives every post.
        let guid = rev.guid.isEmpty ? "\(r.server.site.home)/?p=\(rev.id)" : rev.guid
        var o: JSONObject = [
            "author": .int(rev.author), "date": WPDate.rest(rev.date).map(JSON.string) ?? .null,
            "date_gmt": WPDate.rest(rev.dateGMT).map(JSON.string) ?? .null, "id": .int(rev.id),
            "modified": WPDate.rest(rev.modified).map(JSON.string) ?? .null,
            "modified_gmt": WPDate.rest(rev.modifiedGMT).map(JSON.string) ?? .null, "parent": .int(rev.parent),
            "slug": .string(rev.slug), "guid": ["rendered": .string(guid), "raw": .string(guid)],
            "title": ["raw": .string(rev.title), "rendered": .string(ContentRenderer.title(rev.title))],
            // A revision shows its raw and rendered texts only (`prepare_item_for_response`).
            "content": ["raw": .string(rev.content), "rendered": .string(ContentRenderer.content(rev.content))],
            // A revision's excerpt is its own, never one made from the content (`prepare_excerpt_response`).
            "excerpt": ["raw": .string(rev.excerpt), "rendered": .string(rev.excerpt.isEmpty ? "" : ContentRenderer.excerpt(raw: rev.excerpt, content: ""))],
        ]
        // A type nobody views has no preview (`get_preview_post_link`); a viewable type's needs a
        // nonce of the theme's preview, which is not served.
        if autosave && !type.isViewable { o["preview_link"] = "" }
        let shape = autosave ? autosaveSchema : schema
        let fields = shape["properties"]?.objectValue
        for key in o.keys where fields?[key] == nil { o[key] = nil }
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: shape, context: r.context))
        response.addLink("parent", r.server.site.restURL("\(type.route)/\(rev.parent)"))
        return response
    }
}
