import QuireREST
import QuireStore
import QuireWPV2

/// A plugin: a Swift type that, at start-up, registers routes, post types, taxonomies, meta,
/// fields and hooks into the site, as a WordPress plugin does on `init` and `rest_api_init`.
///
///     struct Shelves: QuirePlugin {
///         let name = "shelves"
///         func register(_ site: inout PluginRegistrar) {
///             site.registerPostType(PostType.custom(name: "book", label: "Books", singularLabel: "Book", restBase: "books"))
///             site.register(ShelvesController(store: site.store))
///         }
///     }
public protocol QuirePlugin: Sendable {
    /// A short name, for logs.
    var name: String { get }
    func register(_ site: inout PluginRegistrar)
}

/// What a plugin registers into. Everything here mirrors a WordPress function.
///
///     site.registerPostMeta("book", RegisteredMeta(key: "isbn", type: "string"))
///     site.use(PoweredBy())
public struct PluginRegistrar: Sendable {
    /// The store, for routes and callbacks that read and write content.
    public let store: any ContentStore
    public internal(set) var types = ContentTypes()
    public internal(set) var routes = RouteRegistry()
    /// Middleware added with `use`, `beforeDispatch` and the like, in the order the server runs
    /// them: after-dispatch hooks outermost (they see every answer), then authentication checks
    /// (before anything answers), then the rest in the order registered.
    public var middleware: [any RESTMiddleware] { afterHooks.reversed() + authenticationChecks + others }
    private var afterHooks: [any RESTMiddleware] = []
    private var authenticationChecks: [any RESTMiddleware] = []
    private var others: [any RESTMiddleware] = []

    init(store: any ContentStore) { self.store = store }

    /// `register_rest_route`.
    public mutating func registerRoute(namespace: String, route: String, endpoints: [RESTEndpoint],
                                       schema: (@Sendable (SiteInfo) -> JSONObject)? = nil, allowBatch: Bool = false) {
        routes.register(namespace: namespace, route: route, endpoints: endpoints, schema: schema, allowBatch: allowBatch)
    }

    /// Mounts a controller's routes (`register_routes`).
    ///
    ///     site.register(ShelvesController(store: site.store))
    public mutating func register(_ controller: some RESTController) { controller.register(into: &routes) }

    /// `register_post_type` with `show_in_rest`: served by the built-in posts controller.
    public mutating func registerPostType(_ type: PostType) { types.register(type) }

    /// `register_taxonomy` with `show_in_rest`: served by the built-in terms controller.
    public mutating func registerTaxonomy(_ taxonomy: TaxonomyInfo) { types.register(taxonomy) }

    /// `register_post_meta` with `show_in_rest`.
    public mutating func registerPostMeta(_ postType: String, _ meta: RegisteredMeta) {
        types.extensions.meta[postType, default: []].append(meta)
    }

    /// `register_term_meta` with `show_in_rest`.
    public mutating func registerTermMeta(_ taxonomy: String, _ meta: RegisteredMeta) {
        types.extensions.meta["term:\(taxonomy)", default: []].append(meta)
    }

    /// `register_meta( 'user', … )` with `show_in_rest`.
    public mutating func registerUserMeta(_ meta: RegisteredMeta) { types.extensions.meta["user", default: []].append(meta) }

    /// `register_meta( 'comment', … )` with `show_in_rest`.
    public mutating func registerCommentMeta(_ meta: RegisteredMeta) { types.extensions.meta["comment", default: []].append(meta) }

    /// `register_rest_field` on an object type: a post type, a taxonomy, `user` or `comment`.
    public mutating func registerField(_ objectType: String, _ field: RESTField) {
        types.extensions.fields[objectType, default: []].append(field)
    }

    /// `rest_pre_insert_{type}`: may change the post or throw a `RESTError` to refuse it.
    public mutating func beforeInsert(_ postType: String, _ hook: @escaping @Sendable (inout Post, RESTRequest) async throws -> Void) {
        types.extensions.beforeInsert[postType, default: []].append(hook)
    }

    /// `rest_after_insert_{type}`.
    public mutating func afterInsert(_ postType: String, _ hook: @escaping @Sendable (Post, RESTRequest, Bool) async -> Void) {
        types.extensions.afterInsert[postType, default: []].append(hook)
    }

    /// `rest_prepare_{type}`.
    public mutating func prepareResponse(_ postType: String, _ hook: @escaping @Sendable (RESTResponse, Post, RESTRequest) async -> RESTResponse) {
        types.extensions.prepare[postType, default: []].append(hook)
    }

    /// `rest_{type}_query`.
    public mutating func filterQuery(_ postType: String, _ hook: @escaping @Sendable (inout PostQuery, RESTRequest) async -> Void) {
        types.extensions.query[postType, default: []].append(hook)
    }

    /// `rest_allow_anonymous_comments`: return true to let visitors who are not signed in comment.
    public mutating func allowAnonymousComments(_ hook: @escaping @Sendable (RESTRequest) async -> Bool) {
        types.extensions.allowAnonymousComments.append(hook)
    }

    /// Adds a middleware around every route (see `RESTMiddleware`).
    ///
    ///     site.use(PoweredBy())
    public mutating func use(_ middleware: some RESTMiddleware) { others.append(middleware) }

    /// `rest_pre_dispatch`: answer a request before its route runs (return nil to carry on).
    ///
    ///     site.beforeDispatch { r in r.route == "/wp/v2/comments" ? RESTResponse(error: RESTError("closed", "Paused.", status: 503)) : nil }
    public mutating func beforeDispatch(_ hook: @escaping @Sendable (RESTRequest) async -> RESTResponse?) { others.append(BeforeDispatch(hook)) }

    /// `rest_post_dispatch`: change any answer on its way out, those of other middleware included.
    public mutating func afterDispatch(_ hook: @escaping @Sendable (RESTResponse, RESTRequest) async -> RESTResponse) {
        afterHooks.append(AfterDispatch(hook))
    }

    /// `rest_authentication_errors`: refuse a request whatever its route (return an error to refuse).
    public mutating func authenticationErrors(_ hook: @escaping @Sendable (RESTRequest) async -> RESTError?) {
        authenticationChecks.append(AuthenticationCheck(hook))
    }
}
