/// The routes of a server, in registration order, grouped by namespace, as
/// `register_rest_route` builds them.
public struct RouteRegistry: Sendable {
    public private(set) var routes: [RESTRoute] = []
    public private(set) var namespaces: [String] = []
    private var indexByPattern: [String: Int] = [:]

    public init() {}

    /// Registers endpoints on `/<namespace>/<route>`. A second registration of the same
    /// pattern adds its endpoints, unless `override` replaces them.
    public mutating func register(namespace ns: String, route: String, endpoints: [RESTEndpoint],
                                  schema: (@Sendable (SiteInfo) -> JSONObject)? = nil, allowBatch: Bool = false, override: Bool = false) {
        let namespace = ns.trimmingSlashes()
        if !namespace.isEmpty && !namespaces.contains(namespace) {
            namespaces.append(namespace)
            add(RESTRoute(namespace: namespace, pattern: "/" + namespace, endpoints: [
                RESTEndpoint(RESTEndpoint.readable, arguments: [
                    RESTArgument("namespace", ["default": .string(namespace)]),
                    RESTArgument("context", ["default": "view"]),
                ], handler: { request in try request.server.namespaceIndex(request) }),
            ]), override: false)
        }
        let trimmedRoute = route.trimmingSlashes()
        let pattern = namespace.isEmpty ? "/" + trimmedRoute : "/\(namespace)" + (trimmedRoute.isEmpty ? "" : "/\(trimmedRoute)")
        add(RESTRoute(namespace: namespace, pattern: pattern, endpoints: endpoints, schema: schema, allowBatch: allowBatch), override: override)
    }

    /// Adds a route outside any namespace (the root index, `/batch/v1`).
    public mutating func add(_ route: RESTRoute, override: Bool = false) {
        if let i = indexByPattern[route.pattern] {
            if override { routes[i] = route } else {
                routes[i].endpoints.append(contentsOf: route.endpoints)
                if route.schema != nil { routes[i].schema = route.schema }
                routes[i].allowBatch = routes[i].allowBatch || route.allowBatch
            }
        } else {
            indexByPattern[route.pattern] = routes.count
            routes.append(route)
        }
    }

    /// Adds another registry's routes and namespaces after these (a plugin's, say).
    public mutating func merge(_ other: RouteRegistry) {
        for ns in other.namespaces where !namespaces.contains(ns) { namespaces.append(ns) }
        for route in other.routes { add(route) }
    }

    /// Puts a route before all others (the root index is matched first).
    mutating func insertFirst(_ route: RESTRoute) {
        guard indexByPattern[route.pattern] == nil else { return }
        routes.insert(route, at: 0)
        indexByPattern = Dictionary(uniqueKeysWithValues: routes.enumerated().map { ($0.element.pattern, $0.offset) })
    }

    public func route(pattern: String) -> RESTRoute? { indexByPattern[pattern].map { routes[$0] } }

    public func routes(inNamespace ns: String) -> [RESTRoute] { routes.filter { $0.namespace == ns } }
}

extension String {
    func trimmingSlashes() -> String {
        var s = Substring(self)
        while s.first == "/" { s = s.dropFirst() }
        while s.last == "/" { s = s.dropLast() }
        return String(s)
    }
}
