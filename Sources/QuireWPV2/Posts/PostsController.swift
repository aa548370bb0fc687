import QuireREST
import QuireStore

/// `/wp/v2/posts`, `/wp/v2/pages` and every post type shown in REST: one controller, one
/// instance per type.
struct PostsController: RESTController {
    let store: any ContentStore
    let type: PostType
    let types: ContentTypes
    /// The theme's templates, which a post's `template` must name.
    let templates: TemplateLibrary?
    /// The type's schema with the meta and fields plugins registered.
    let schema: JSONObject
    /// Which fields each context shows, prepared once from the schema and its extensions.
    let contextPlan: ContextPlan
    /// The fields a post of the type has (its schema's properties).
    let fieldNames: Set<String>
    /// For each context, the fields `contextPlan` shows in it.
    let shownFields: [String: Set<String>]
    /// The type's `_links` outside the edit context, as text prepared once per site address.
    let linkTexts = PostLinkTexts()

    init(store: any ContentStore, type: PostType, types: ContentTypes, templates: TemplateLibrary? = nil) {
        self.store = store
        self.type = type
        self.types = types
        self.templates = templates
        schema = types.extensions.extend(type.schema, for: type.name)
        contextPlan = ContextPlan(schema)
        fieldNames = Set(type.schema["properties"]?.objectValue?.keys ?? [])
        shownFields = PostPresenter.shownFields(fieldNames, by: contextPlan)
    }

    var namespace: String { type.restNamespace }
    var base: String { type.restBase }
    var itemNoun: String { "post" }
    var allowsBatch: Bool { true }
    var readArguments: [RESTArgument] {
        [EndpointArguments.context(),
         RESTArgument("password", schema: ["description": "The password for the post if it is password protected.", "type": "string"])]
    }

    /// The schema with the links WordPress describes for the type on this site.
    func schema(for site: SiteInfo) -> JSONObject { PostSchemaLinks.schema(for: type, site: site, base: schema, types: types) }

    /// The collection filters, with the callbacks WordPress attaches to them.
    func collectionArguments() -> [RESTArgument] {
        EndpointArguments.collection(type.collectionArguments, custom: ["status": statusSanitizer])
    }

    var statusSanitizer: RESTArgument.Sanitization { Self.statusSanitizer(caps: type.capabilities, defaultStatus: "publish") }

    /// `sanitize_post_statuses`: statuses other than the default need the right to edit posts.
    static func statusSanitizer(caps: PostTypeCapabilities, defaultStatus: String) -> RESTArgument.Sanitization {
        .custom { value, request, param in
            let schema = request.endpoint?.argument(param)?.schema ?? JSONObject()
            // `wp_parse_slug_list`: a list, each a slug, each once.
            var statuses: [String] = []
            for item in SchemaTypes.sanitizeArray(value) {
                let slug = Slug.sanitizeTitle(PHPScalar.toString(item))
                if !slug.isEmpty && !statuses.contains(slug) { statuses.append(slug) }
            }
            // Each status but the default is checked: refused outright to those who may not edit
            // posts (private ones may be read by some), then checked against the list.
            for status in statuses where status != defaultStatus {
                let mayAsk = request.can(caps.editPosts) || (PostStatus(status) == .private && request.can(caps.readPrivatePosts))
                guard mayAsk else {
                    return .failure(RESTError("rest_forbidden_status", "Status is forbidden.", status: request.authorizationStatus))
                }
                if let e = SchemaValidator.validate(.string(status), schema, param: param) { return .failure(e) }
            }
            return .success(.array(statuses.map { .string($0) }))
        }
    }

    func writeArguments(creating: Bool) -> [RESTArgument] {
        let passThrough = EndpointArguments.Options(validation: RESTArgument.Validation.none, sanitization: RESTArgument.Sanitization.none)
        return EndpointArguments.from(schema, creating: creating, options: [
            "title": passThrough, "content": passThrough, "excerpt": passThrough,
            "slug": .init(sanitization: .custom { v, _, _ in .success(.string(Slug.sanitizeTitle(PHPScalar.toString(v)))) }),
            "template": .init(validation: templateCheck),
        ])
    }

    /// `check_template`: a post may name any template the theme offers its type, or keep the
    /// one it has.
    var templateCheck: RESTArgument.Validation {
        let (store, type, templates) = (self.store, self.type, self.templates)
        return .asynchronous { value, r, _ in
            let template = PHPScalar.toString(value)
            if template.isEmpty { return .valid }
            if let id = r.integer("id"), id > 0, let post = try? await store.post(id: id), post.template == template { return .valid }
            let allowed = (try? await templates?.offered(to: type)) ?? []
            if allowed.contains(template) { return .valid }
            return .error(RESTError("rest_invalid_param", "template is not one of \(allowed.joined(separator: ", ")).", data: .null))
        }
    }

    func notFound() -> RESTError { RESTError("rest_post_invalid_id", "Invalid post ID.", status: 404) }

    /// The post the request names, if it exists and is of this controller's type.
    func requestedPost(_ r: RESTRequest) async throws -> Post? {
        guard let id = r.integer("id"), id > 0, let post = try await store.post(id: id), post.type == type.name else { return nil }
        return post
    }

    /// The post as `map_meta_cap` weighs it for editing and deleting: a trashed post counts
    /// with the status it had before (`_wp_trash_meta_status`), so trashing a published post
    /// does not change who may edit or delete it.
    func capabilitySubject(_ post: Post) async throws -> Post {
        guard post.status == .trash else { return post }
        var subject = post
        subject.status = PostStatus(try await store.postMeta(postIDs: [post.id])[post.id]?["_wp_trash_meta_status"]?.stringValue ?? "")
        return subject
    }

    func can(_ r: RESTRequest, _ cap: Capability, _ post: Post) -> Bool {
        r.siteUser?.can(cap, post: post, caps: type.capabilities) ?? false
    }

    /// Whether the request's user may read a post (`check_read_permission`).
    func canRead(_ r: RESTRequest, _ post: Post) -> Bool {
        if type.controller == .blocks && !can(r, .readPost, post) { return false }
        if post.status == .publish { return true }
        if post.status == .inherit && post.parent > 0 { return true }
        return can(r, .readPost, post)
    }
}
