/// A step every request the API answers passes through, around the route that answers it:
/// WordPress's `rest_pre_dispatch` and `rest_post_dispatch` filters in one shape. A middleware
/// may answer a request itself, change it before the route sees it, or change the answer on its
/// way out; `next` runs the rest of the chain and the route.
///
/// Middleware run in the order the server lists them, the first outermost, for requests from
/// clients, `_embed`ded links, batch items and the editor's preloaded answers alike. A request
/// whose credentials were refused (a bad nonce) is answered before any middleware runs.
///
///     struct PoweredBy: RESTMiddleware {
///         func respond(to request: RESTRequest, next: RESTMiddlewareNext) async -> RESTResponse {
///             var response = await next(request)
///             response.header("X-Powered-By", "Quire")
///             return response
///         }
///     }
public protocol RESTMiddleware: Sendable {
    func respond(to request: RESTRequest, next: RESTMiddlewareNext) async -> RESTResponse
}

/// The rest of a middleware chain: the middleware after this one, then the route.
public typealias RESTMiddlewareNext = @Sendable (RESTRequest) async -> RESTResponse

/// `rest_pre_dispatch`: a closure that may answer a request before its route runs (nil carries on).
///
///     BeforeDispatch { request in
///         request.route.hasPrefix("/wp/v2/comments") ? RESTResponse(error: RESTError("closed", "Paused.", status: 503)) : nil
///     }
public struct BeforeDispatch: RESTMiddleware {
    public let hook: @Sendable (RESTRequest) async -> RESTResponse?

    public init(_ hook: @escaping @Sendable (RESTRequest) async -> RESTResponse?) { self.hook = hook }

    public func respond(to request: RESTRequest, next: RESTMiddlewareNext) async -> RESTResponse {
        if let answer = await hook(request) { return answer }
        return await next(request)
    }
}

/// `rest_post_dispatch`: a closure that changes every answer on its way out.
///
///     AfterDispatch { response, _ in
///         var out = response
///         out.header("X-Site", "books")
///         return out
///     }
public struct AfterDispatch: RESTMiddleware {
    public let hook: @Sendable (RESTResponse, RESTRequest) async -> RESTResponse

    public init(_ hook: @escaping @Sendable (RESTResponse, RESTRequest) async -> RESTResponse) { self.hook = hook }

    public func respond(to request: RESTRequest, next: RESTMiddlewareNext) async -> RESTResponse {
        await hook(await next(request), request)
    }
}

/// `rest_authentication_errors`: a closure that may refuse a request whatever its route (an
/// error refuses it, nil lets it through).
///
///     AuthenticationCheck { request in request.isLoggedIn ? nil : RESTError("members_only", "Sign in first.", status: 401) }
public struct AuthenticationCheck: RESTMiddleware {
    public let check: @Sendable (RESTRequest) async -> RESTError?

    public init(_ check: @escaping @Sendable (RESTRequest) async -> RESTError?) { self.check = check }

    public func respond(to request: RESTRequest, next: RESTMiddlewareNext) async -> RESTResponse {
        if let refusal = await check(request) { return RESTResponse(error: refusal) }
        return await next(request)
    }
}
