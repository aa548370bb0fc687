import Foundation
import QuireREST
import QuireStore

/// `/wp/v2/media` and `/wp/v2/media/<id>`: uploads and the attachments that describe them.
struct MediaController: Sendable {
    let store: any ContentStore
    let library: MediaLibrary
    let types: ContentTypes
    static let route = "/wp/v2/media"
    static let type = PostType(name: "attachment", label: "Media", singularLabel: "Media", icon: "dashicons-admin-media",
                               restBase: "media", hierarchical: false, supports: ["title", "author", "comments"],
                               taxonomies: [], capabilities: .attachment, schema: MediaSchemas.media,
                               collectionArguments: MediaSchemas.collection)

    func register(into registry: inout RouteRegistry) {
        let schema: @Sendable (SiteInfo) -> JSONObject = { [types] site in
            PostSchemaLinks.schema(for: Self.type, site: site, base: MediaSchemas.media, types: types)
        }
        // WordPress describes the id as a post's (media are posts).
        let idArg = RESTArgument("id", schema: ["description": "Unique identifier for the post.", "type": "integer"])
        let writable = EndpointArguments.from(MediaSchemas.media, creating: true, options: passThrough)
        registry.register(namespace: WPV2.namespace, route: "media", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: collectionArguments(), permission: listPermission, handler: list),
            RESTEndpoint(RESTEndpoint.creatable, arguments: writable, permission: createPermission, handler: create),
        ], schema: schema)
        registry.register(namespace: WPV2.namespace, route: "media/(?P<id>[\\d]+)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [idArg, EndpointArguments.context()], permission: readPermission, handler: item),
            RESTEndpoint(RESTEndpoint.editable, arguments: [idArg] + EndpointArguments.from(MediaSchemas.media, creating: false, options: passThrough),
                         permission: editPermission, handler: update),
            RESTEndpoint(RESTEndpoint.deletable, arguments: [idArg, EndpointArguments.force],
                         permission: deletePermission, handler: delete),
        ], schema: schema)
    }

    var passThrough: [String: EndpointArguments.Options] {
        let none = EndpointArguments.Options(validation: RESTArgument.Validation.none, sanitization: RESTArgument.Sanitization.none)
        return ["title": none, "caption": none, "description": none]
    }

    func collectionArguments() -> [RESTArgument] {
        EndpointArguments.collection(MediaSchemas.collection,
                                     custom: ["status": PostsController.statusSanitizer(caps: .attachment, defaultStatus: "inherit")])
    }

    func notFound() -> RESTError { RESTError("rest_post_invalid_id", "Invalid post ID.", status: 404) }

    func attachment(_ r: RESTRequest) async throws -> Post? {
        guard let id = r.integer("id"), let p = try await store.post(id: id), p.type == "attachment" else { return nil }
        return p
    }

    func can(_ r: RESTRequest, _ cap: Capability, _ p: Post) -> Bool {
        r.siteUser?.can(cap, post: p, caps: .attachment) ?? false
    }

    /// Attachments are as visible as the post they belong to.
    func canRead(_ r: RESTRequest, _ p: Post) async throws -> Bool {
        if p.status == .private { return can(r, .readPost, p) }
        guard p.parent > 0, let parent = try await store.post(id: p.parent) else { return true }
        if parent.status == .publish { return true }
        return r.siteUser?.can(.readPost, post: parent, caps: types.type(of: parent).capabilities) ?? false
    }

    /// The edit context of the list is for those who may edit media.
    var listPermission: RESTPermissionCheck {
        { r in
            if r.context == "edit" && !r.can(PostTypeCapabilities.attachment.editPosts) {
                return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit posts in this post type.",
                                        status: r.authorizationStatus))
            }
            return .allowed
        }
    }

    /// Uploading: as creating a post of type attachment (no other author without
    /// `edit_others_posts`), the right to upload, and the right to edit the post attached to.
    var createPermission: RESTPermissionCheck {
        { [store, types] r in
            if r["id"] != nil {
                return .error(RESTError("rest_post_exists", "Cannot create existing post.", status: 400))
            }
            let caps = PostTypeCapabilities.attachment
            if let author = r["author"]?.intValue, author != 0, author != r.user?.id, !r.can(caps.editOthersPosts) {
                return .error(RESTError("rest_cannot_edit_others", "Sorry, you are not allowed to create posts as this user.",
                                        status: r.authorizationStatus))
            }
            if !r.can(caps.createPosts) {
                return .error(RESTError("rest_cannot_create", "Sorry, you are not allowed to create posts as this user.", status: r.authorizationStatus))
            }
            if !r.can(.uploadFiles) {
                return .error(RESTError("rest_cannot_create", "Sorry, you are not allowed to upload media on this site.", status: 400))
            }
            if let parentID = r["post"]?.intValue, parentID != 0 {
                let parent = try await store.post(id: parentID)
                let allowed = parent.map { p in r.siteUser?.can(.editPost, post: p, caps: types.type(of: p).capabilities) ?? false } ?? false
                if !allowed {
                    return .error(RESTError("rest_cannot_edit", "Sorry, you are not allowed to upload media to this post.", status: r.authorizationStatus))
                }
            }
            return .allowed
        }
    }

    var readPermission: RESTPermissionCheck {
        { r in
            guard let p = try await attachment(r) else { return .error(notFound()) }
            if r.context == "edit" && !can(r, .editPost, p) {
                return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit this post.", status: r.authorizationStatus))
            }
            return .from(try await canRead(r, p))
        }
    }

    var editPermission: RESTPermissionCheck {
        { r in
            guard let p = try await attachment(r) else { return .error(notFound()) }
            if !can(r, .editPost, p) {
                return .error(RESTError("rest_cannot_edit", "Sorry, you are not allowed to edit this post.", status: r.authorizationStatus))
            }
            if let author = r["author"]?.intValue, author != 0, author != r.user?.id, !r.can(PostTypeCapabilities.attachment.editOthersPosts) {
                return .error(RESTError("rest_cannot_edit_others", "Sorry, you are not allowed to update posts as this user.",
                                        status: r.authorizationStatus))
            }
            return .allowed
        }
    }

    var deletePermission: RESTPermissionCheck {
        { r in
            guard let p = try await attachment(r) else { return .error(notFound()) }
            if !can(r, .deletePost, p) {
                return .error(RESTError("rest_cannot_delete", "Sorry, you are not allowed to delete this post.", status: r.authorizationStatus))
            }
            return .allowed
        }
    }
}
