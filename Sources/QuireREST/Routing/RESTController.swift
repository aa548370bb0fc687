/// The five things a resource's controller may do, as WordPress's `WP_REST_Controller` names
/// them.
public enum RESTOperation: Sendable, CaseIterable {
    /// `get_items`: `GET /<namespace>/<base>`.
    case list
    /// `create_item`: `POST /<namespace>/<base>`.
    case create
    /// `get_item`: `GET /<namespace>/<base>/<id>`.
    case read
    /// `update_item`: `POST`, `PUT` or `PATCH /<namespace>/<base>/<id>`.
    case update
    /// `delete_item`: `DELETE /<namespace>/<base>/<id>`.
    case delete

    /// The methods the operation answers.
    public var methods: [RequestMethod] {
        switch self {
        case .list, .read: return RESTEndpoint.readable
        case .create: return RESTEndpoint.creatable
        case .update: return RESTEndpoint.editable
        case .delete: return RESTEndpoint.deletable
        }
    }

    /// Whether the operation acts on one item (its route carries the item's id).
    public var isOnItem: Bool { self == .read || self == .update || self == .delete }
}

/// A resource served in WordPress's controller pattern: a collection at `/<namespace>/<base>`
/// and its items at `/<namespace>/<base>/<id>`, one schema for both, and for each operation a
/// permission check and a handler. Built-in controllers and plugins' controllers are written
/// the same way; `register(into:)` mounts the routes in WordPress's order.
///
/// A controller implements the operations it has; what it leaves out keeps a default
/// (arguments from the schema, `context` and `force`, checks that allow).
///
///     struct ShelvesController: RESTController {
///         var namespace: String { "bookshelf/v1" }
///         var base: String { "shelves" }
///         var operations: [RESTOperation] { [.list, .read] }
///         var schema: JSONObject { Self.schema }
///
///         func list(_ r: RESTRequest) async throws -> RESTResponse {
///             let page = CollectionPage(r)
///             let (shelves, total) = try await loadShelves(page)
///             return try collection(shelves.map { prepare($0, r) }, total: total, page: page, r)
///         }
///         func readPermission(_ r: RESTRequest) async throws -> Permission {
///             r.context == "edit" && !r.can(.editPosts) ? .error(…) : .allowed
///         }
///         func read(_ r: RESTRequest) async throws -> RESTResponse { … }
///     }
///
///     var registry = RouteRegistry()
///     ShelvesController().register(into: &registry)
public protocol RESTController: Sendable {
    /// The namespace, `wp/v2` or a plugin's `bookshelf/v1`.
    var namespace: String { get }
    /// The collection's path in its namespace (`posts`, `shelves`).
    var base: String { get }
    /// The item route's pattern after the base; WordPress's `(?P<id>[\d]+)` unless changed.
    var itemPattern: String { get }
    /// The operations the controller has, in any order (routes keep WordPress's); all five
    /// unless changed.
    var operations: [RESTOperation] { get }
    /// The resource's schema, with what plugins added: the arguments of writes come from it.
    var schema: JSONObject { get }
    /// The schema as OPTIONS and the index show it on a site (with its links); `schema` unless
    /// changed.
    func schema(for site: SiteInfo) -> JSONObject
    /// What an item is called in its `id` argument's description (`post` in "Unique identifier
    /// for the post.").
    var itemNoun: String { get }
    /// The argument the item route names its item by: an integer `id` unless changed.
    var idArgument: RESTArgument { get }
    /// Whether `/batch/v1` may run the controller's writes.
    var allowsBatch: Bool { get }

    /// The list's arguments (`get_collection_params`): paging and search unless changed.
    func collectionArguments() -> [RESTArgument]
    /// A create's or an update's arguments: the schema's writable fields unless changed.
    func writeArguments(creating: Bool) -> [RESTArgument]
    /// Reading one item's arguments besides `id`: `context` unless changed.
    var readArguments: [RESTArgument] { get }
    /// Deleting one item's arguments besides `id`: `force` unless changed.
    var deleteArguments: [RESTArgument] { get }

    /// Whether the request may list (`get_items_permissions_check`). Each check may throw: a
    /// `RESTError` is the answer; another error is logged and answered `rest_internal_error`.
    func listPermission(_ request: RESTRequest) async throws -> Permission
    func createPermission(_ request: RESTRequest) async throws -> Permission
    func readPermission(_ request: RESTRequest) async throws -> Permission
    func updatePermission(_ request: RESTRequest) async throws -> Permission
    func deletePermission(_ request: RESTRequest) async throws -> Permission

    func list(_ request: RESTRequest) async throws -> RESTResponse
    func create(_ request: RESTRequest) async throws -> RESTResponse
    func read(_ request: RESTRequest) async throws -> RESTResponse
    func update(_ request: RESTRequest) async throws -> RESTResponse
    func delete(_ request: RESTRequest) async throws -> RESTResponse

    /// Mounts the controller's routes; `registerRoutes(into:)` unless a controller adds more.
    func register(into registry: inout RouteRegistry)
}

extension RESTController {
    public var itemPattern: String { "(?P<id>[\\d]+)" }
    public var operations: [RESTOperation] { RESTOperation.allCases }
    public func schema(for site: SiteInfo) -> JSONObject { schema }
    public var itemNoun: String { "object" }
    public var allowsBatch: Bool { false }

    public func collectionArguments() -> [RESTArgument] { EndpointArguments.collection() }
    public func writeArguments(creating: Bool) -> [RESTArgument] { EndpointArguments.from(schema, creating: creating) }
    public var readArguments: [RESTArgument] { [EndpointArguments.context()] }
    public var deleteArguments: [RESTArgument] { [EndpointArguments.force] }

    public func listPermission(_ request: RESTRequest) async throws -> Permission { .allowed }
    public func createPermission(_ request: RESTRequest) async throws -> Permission { .allowed }
    public func readPermission(_ request: RESTRequest) async throws -> Permission { .allowed }
    public func updatePermission(_ request: RESTRequest) async throws -> Permission { .allowed }
    public func deletePermission(_ request: RESTRequest) async throws -> Permission { .allowed }

    public func list(_ request: RESTRequest) async throws -> RESTResponse { throw RESTError.notImplemented(request) }
    public func create(_ request: RESTRequest) async throws -> RESTResponse { throw RESTError.notImplemented(request) }
    public func read(_ request: RESTRequest) async throws -> RESTResponse { throw RESTError.notImplemented(request) }
    public func update(_ request: RESTRequest) async throws -> RESTResponse { throw RESTError.notImplemented(request) }
    public func delete(_ request: RESTRequest) async throws -> RESTResponse { throw RESTError.notImplemented(request) }

    public func register(into registry: inout RouteRegistry) { registerRoutes(into: &registry) }

    /// The item's `id` argument.
    public var idArgument: RESTArgument {
        RESTArgument("id", schema: ["description": .string("Unique identifier for the \(itemNoun)."), "type": "integer"])
    }

    /// The collection's route, `/<namespace>/<base>`, as pagination links name it.
    public var collectionRoute: String { "/\(namespace.trimmingSlashes())/\(base.trimmingSlashes())" }

    /// Mounts the collection route (list, create) and the item route (read, update, delete),
    /// each with the schema, in WordPress's order.
    public func registerRoutes(into registry: inout RouteRegistry) {
        let schema: @Sendable (SiteInfo) -> JSONObject = { [self] site in self.schema(for: site) }
        let collection = endpoints([.list, .create])
        if !collection.isEmpty {
            registry.register(namespace: namespace, route: base, endpoints: collection, schema: schema, allowBatch: allowsBatch)
        }
        let item = endpoints([.read, .update, .delete])
        if !item.isEmpty {
            registry.register(namespace: namespace, route: "\(base.trimmingSlashes())/\(itemPattern)", endpoints: item,
                              schema: schema, allowBatch: allowsBatch)
        }
    }

    /// The endpoints of those of `wanted` the controller has.
    public func endpoints(_ wanted: [RESTOperation]) -> [RESTEndpoint] {
        wanted.filter(operations.contains).map(endpoint)
    }

    /// One operation's endpoint: its methods, arguments, permission check and handler.
    public func endpoint(_ operation: RESTOperation) -> RESTEndpoint {
        let arguments: [RESTArgument], permission: RESTPermissionCheck, handler: RESTHandler
        switch operation {
        case .list: (arguments, permission, handler) = (collectionArguments(), listPermission, list)
        case .create: (arguments, permission, handler) = (writeArguments(creating: true), createPermission, create)
        case .read: (arguments, permission, handler) = ([idArgument] + readArguments, readPermission, read)
        case .update: (arguments, permission, handler) = ([idArgument] + writeArguments(creating: false), updatePermission, update)
        case .delete: (arguments, permission, handler) = ([idArgument] + deleteArguments, deletePermission, delete)
        }
        return RESTEndpoint(operation.methods, arguments: arguments, allowBatch: allowsBatch && operation != .list && operation != .read,
                            permission: permission, handler: handler)
    }

    /// A page of a collection as WordPress answers it: the items, `X-WP-Total`,
    /// `X-WP-TotalPages` and the `prev`/`next` links. A page past the last is refused with
    /// `rest_post_invalid_page_number` unless `pastEnd` is nil (terms, users and comments
    /// answer it with an empty list).
    ///
    ///     let page = CollectionPage(r)
    ///     let (rows, total) = try await store.users(query(limit: page.perPage, offset: page.skip))
    ///     return try collection(rows.map { prepare($0, r).dataWithLinks }, total: total, page: page, r)
    public func collection(_ items: [JSON], total: Int, page: CollectionPage, _ request: RESTRequest,
                           pastEnd: RESTError? = .invalidPageNumber(), reportedPage: Int? = nil) throws -> RESTResponse {
        try page.response(items, total: total, request: request, route: collectionRoute, pastEnd: pastEnd, reportedPage: reportedPage)
    }
}
