import Foundation

/// The REST server: its routes, the site it speaks for, and how it recognises users.
/// It knows nothing of HTTP frameworks; an adapter hands it requests and sends its answers.
public final class RESTServer: Sendable {
    public let registry: RouteRegistry
    public let site: SiteInfo
    public let authenticator: any RESTAuthenticator
    /// The site's current name, description and other index details, when they can change
    /// while the server runs (site settings); `site` otherwise.
    public let currentSite: (@Sendable () async -> SiteInfo)?
    public let hooks: RESTHooks
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
                currentSite: (@Sendable () async -> SiteInfo)? = nil, hooks: RESTHooks = RESTHooks(),
                contentVersion: (@Sendable () async -> Int?)? = nil, cache: ResponseCache? = nil,
                transaction: Transaction? = nil, snapshot: Snapshot? = nil, pages: (any HTTPPages)? = nil) {
        self.transaction = transaction
        self.pages = pages
        self.snapshot = snapshot
        self.currentSite = currentSite
        self.hooks = hooks
        self.contentVersion = contentVersion
        self.cache = contentVersion == nil ? nil : cache
        var r = registry
        r.insertFirst(Self.batchRoute())
        r.insertFirst(RESTRoute(namespace: "", pattern: "/", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [RESTArgument("context", ["default": "view"])],
                         handler: { request in await request.server.rootIndex(request) }),
        ]))
        self.registry = r
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
        for route in registry.routes {
            guard let urlParams = route.matcher.match(request.route) else { continue }
            for endpoint in route.endpoints {
                let checked = method == "HEAD" && !endpoint.methods.contains("HEAD") ? "GET" : method
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

    /// Runs a request through matching, validation, permission and its handler
    /// (`WP_REST_Server::dispatch`). Errors come back as error responses.
    public func dispatch(_ request: RESTRequest) async -> RESTResponse {
        await dispatchWithRequest(request).0
    }

    /// Dispatches and also returns the request as the handler saw it (matched, sanitised),
    /// which is what post-dispatch filters work with.
    public func dispatchWithRequest(_ requestIn: RESTRequest) async -> (RESTResponse, RESTRequest) {
        var request = requestIn
        request.boundServer = self
        if let e = request.authenticationError { return (RESTResponse(error: e), request) }
        for hook in hooks.authenticationErrors {
            if let e = await hook(request) { return (RESTResponse(error: e), request) }
        }
        for hook in hooks.beforeDispatch {
            if let answer = await hook(request) { return (answer, request) }
        }
        if request.method == "OPTIONS" {
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
            if let transaction, request.method != "GET" && request.method != "HEAD" {
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
        var allowed: [(String, Bool)] = []
        for endpoint in route.endpoints {
            var ok = true
            if let check = endpoint.permission {
                if case .allowed? = try? await check(request) { ok = true } else { ok = false }
            }
            for m in endpoint.methods {
                if let i = allowed.firstIndex(where: { $0.0 == m }) { allowed[i].1 = ok } else { allowed.append((m, ok)) }
            }
        }
        return allowed.filter(\.1).map(\.0)
    }
}
