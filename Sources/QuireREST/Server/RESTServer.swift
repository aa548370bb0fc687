import Foundation

/// The REST server: its routes, the site it speaks for, and how it recognises users.
/// It knows nothing of HTTP frameworks; an adapter hands it requests and sends its answers.
public final class RESTServer: Sendable {
    public let registry: RouteRegistry
    /// Each route's matcher, in the registry's order: matching walks these, not the routes.
    let matchers: [RouteMatcher]
    /// Which of them a path may match, from its first bytes.
    let candidates: RouteCandidates
    public let site: SiteInfo
    public let authenticator: any RESTAuthenticator
    /// The site's current name, description and other index details, when they can change
    /// while the server runs (site settings); `site` otherwise.
    public let currentSite: (@Sendable () async -> SiteInfo)?
    /// What every answered request passes through around its route, the first outermost.
    public let middleware: [any RESTMiddleware]
    /// The content version that cached answers are checked against; no caching without it.
    public let contentVersion: (@Sendable () async -> Int?)?
    public let cache: ResponseCache?
    /// Runs a handler that may write (any method but `GET` and `HEAD`) as one transaction of
    /// the store: everything it writes commits together, or, when it throws, none of it does.
    public let transaction: Transaction?

    /// What `transaction` is: the store's `write { }` around one handler.
    public typealias Transaction = @Sendable (_ body: @Sendable () async throws -> RESTResponse) async throws -> RESTResponse
    /// Answers a request that only reads (`GET`, `HEAD`) from one snapshot of the store.
    public let snapshot: Snapshot?
    /// Pages outside the API (signing in, the admin pages).
    public let pages: (any HTTPPages)?

    /// What `snapshot` is: the store's `snapshot { }` around one answer.
    public typealias Snapshot = @Sendable (_ body: @Sendable () async -> HTTPOutput) async -> HTTPOutput

    public init(site: SiteInfo, registry: RouteRegistry, authenticator: any RESTAuthenticator = AnonymousAuthenticator(),
                currentSite: (@Sendable () async -> SiteInfo)? = nil, middleware: [any RESTMiddleware] = [],
                contentVersion: (@Sendable () async -> Int?)? = nil, cache: ResponseCache? = nil,
                transaction: Transaction? = nil, snapshot: Snapshot? = nil, pages: (any HTTPPages)? = nil) {
        self.transaction = transaction
        self.pages = pages
        self.snapshot = snapshot
        self.currentSite = currentSite
        self.middleware = middleware
        self.contentVersion = contentVersion
        self.cache = contentVersion == nil ? nil : cache
        var r = registry
        r.insertFirst(Self.batchRoute())
        r.insertFirst(RESTRoute(namespace: "", pattern: "/", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [RESTArgument("context", ["default": "view"])],
                         handler: { request in await request.server.rootIndex(request) }),
        ]))
        self.registry = r
        let matchers = r.routes.map(\.matcher)
        self.matchers = matchers
        self.candidates = RouteCandidates(matchers)
        self.site = site
        self.authenticator = authenticator
    }

    public var routes: [RESTRoute] { registry.routes }

    /// An error no handler expected is written to standard error with the request it ended,
    /// so the operator sees what the client only sees as `rest_internal_error`.
    static func reportInternalError(_ error: any Error, _ request: RESTRequest) {
        let line = "quire: internal error on \(request.method) \(request.route): \(String(reflecting: error))\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// `rest_authorization_required_code()`.
    public static func authorizationRequiredStatus(_ request: RESTRequest) -> Int { request.isLoggedIn ? 403 : 401 }

    /// Finds the route and endpoint for a request; sets URL parameters and defaults.
    func match(_ request: inout RESTRequest) -> RESTError? {
        let method = request.method
        let path = request.route
        for i in candidates.indices(for: path) {
            guard let urlParams = matchers[i].match(path) else { continue }
            let route = registry.routes[i]
            for endpoint in route.endpoints {
                let checked = method == .head && !endpoint.methods.contains(.head) ? .get : method
                guard endpoint.methods.contains(checked) else { continue }
                request.url = urlParams
                request.endpoint = endpoint
                request.matchedRoute = route.pattern
                request.defaults = endpoint.preparedDefaults.values
                return nil
            }
        }
        return .noRoute()
    }

    /// Answers a request (`WP_REST_Server::dispatch` with `rest_post_dispatch`): refused at once
    /// when its credentials were, otherwise through the middleware to its route, with `Allow`
    /// (unless the headers will be thrown away) and `_fields` applied. Errors come back as error
    /// responses.
    ///
    ///     let response = await server.handle(RESTRequest(method: .get, route: "/wp/v2/posts", user: editor))
    public func handle(_ requestIn: RESTRequest, allowHeader: Bool = true) async -> RESTResponse {
        var request = requestIn
        request.boundServer = self
        if let e = request.authenticationError { return RESTResponse(error: e) }
        return await through(middleware[...], request) { request in
            let (response, handled) = await self.dispatchToRoute(request)
            return await self.finish(response, request: handled, allowHeader: allowHeader)
        }
    }

    /// Runs `request` through `chain`, then `route`.
    func through(_ chain: ArraySlice<any RESTMiddleware>, _ request: RESTRequest,
                 route: @escaping RESTMiddlewareNext) async -> RESTResponse {
        guard let first = chain.first else { return await route(request) }
        return await first.respond(to: request) { next in await self.through(chain.dropFirst(), next, route: route) }
    }

    /// Matching, validation, permission and the handler; also returns the request as the
    /// handler saw it (matched, sanitised), which `Allow` and `_fields` are worked out from.
    func dispatchToRoute(_ requestIn: RESTRequest) async -> (RESTResponse, RESTRequest) {
        var request = requestIn
        if request.method == .options {
            return optionsResponse(request)
        }
        if let e = match(&request) {
            return (RESTResponse(error: e), request)
        }
        var response: RESTResponse
        if let e = await ParameterValidation.checkAndSanitize(&request) {
            response = RESTResponse(error: e)
        } else {
            response = await respond(request)
        }
        response.matchedRoute = request.matchedRoute
        return (response, request)
    }

    /// What follows every answer from a route (WordPress's own `rest_post_dispatch` filters):
    /// the `Allow` header and `_fields`.
    func finish(_ responseIn: RESTResponse, request: RESTRequest, allowHeader: Bool) async -> RESTResponse {
        var response = responseIn
        if allowHeader, let route = response.matchedRoute {
            let allowed = await allowedMethods(route: route, request: request)
            if !allowed.isEmpty { response.header("Allow", allowed.joined(separator: ", ")) }
        }
        if !response.isError, let fields = request["_fields"] {
            response.data = FieldsFilter.apply(fields, to: response.data)
        }
        return response
    }

    func respond(_ request: RESTRequest) async -> RESTResponse {
        guard let endpoint = request.endpoint else { return RESTResponse(error: .noRoute()) }
        do {
            if let check = endpoint.permission {
                switch try await check(request) {
                case .allowed: break
                case .denied: return RESTResponse(error: .forbidden(status: Self.authorizationRequiredStatus(request)))
                case .error(let e): return RESTResponse(error: e)
                }
            }
            if let transaction, !request.method.onlyReads {
                return try await transaction { try await endpoint.handler(request) }
            }
            return try await endpoint.handler(request)
        } catch let e as RESTError {
            return RESTResponse(error: e)
        } catch {
            Self.reportInternalError(error, request)
            return RESTResponse(error: RESTError("rest_internal_error", "An internal error occurred.", status: 500))
        }
    }

    /// `OPTIONS`: the description of the first route matching the path, or `[]`, with the
    /// request as matched (its URL parameters decide which methods `Allow` lists).
    func optionsResponse(_ requestIn: RESTRequest) -> (RESTResponse, RESTRequest) {
        var request = requestIn
        for route in registry.routes {
            guard let params = route.matcher.match(request.route) else { continue }
            request.url = params
            request.matchedRoute = route.pattern
            var response = RESTResponse(RouteDescription.describe(route, context: "help", site: site) ?? .array([]))
            response.matchedRoute = route.pattern
            return (response, request)
        }
        return (RESTResponse(.array([])), request)
    }

    /// The methods the request's user may call on a route (`rest_send_allow_header`).
    public func allowedMethods(route pattern: String, request: RESTRequest) async -> [String] {
        guard let route = registry.route(pattern: pattern) else { return [] }
        var allowed: [(RequestMethod, Bool)] = []
        for endpoint in route.endpoints {
            var ok = true
            if let check = endpoint.permission {
                if case .allowed? = try? await check(request) { ok = true } else { ok = false }
            }
            for m in endpoint.methods {
                if let i = allowed.firstIndex(where: { $0.0 == m }) { allowed[i].1 = ok } else { allowed.append((m, ok)) }
            }
        }
        return allowed.filter(\.1).map(\.0.rawValue)
    }
}
