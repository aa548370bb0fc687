/// Who is asking. The REST core needs only an id and a capability check; the user store
/// supplies the rest.
public protocol RESTUser: Sendable {
    var id: Int { get }
    /// `current_user_can()`: a primitive or meta capability, with its arguments (a post id, …).
    func can(_ capability: Capability, _ args: [JSON]) -> Bool
}

extension RESTUser {
    public func can(_ capability: Capability) -> Bool { can(capability, []) }
}

/// Who a request acts as, worked out from its credentials before it is routed.
public struct Authentication: Sendable {
    /// The signed-in user, or nil for an anonymous request.
    public var user: (any RESTUser)?
    /// `rest_authentication_errors`: an error every route answers with instead (a cookie sent
    /// with a nonce that does not check, say).
    public var error: RESTError?
    /// Headers the answer carries for this caller alone (a refreshed `X-WP-Nonce`); never cached.
    public var headers: [(String, String)]

    public init(user: (any RESTUser)? = nil, error: RESTError? = nil, headers: [(String, String)] = []) {
        (self.user, self.error, self.headers) = (user, error, headers)
    }

    public static let anonymous = Authentication()
}

/// Turns a request's credentials into a user. Unknown or wrong credentials give no user,
/// which leaves the request anonymous, as WordPress does with application passwords.
///
///     struct TokenAuthenticator: RESTAuthenticator {
///         func authenticate(_ input: HTTPInput) async -> Authentication {
///             input.headers["X-Token"] == "let-me-in" ? Authentication(user: someUser) : .anonymous
///         }
///     }
public protocol RESTAuthenticator: Sendable {
    func authenticate(_ input: HTTPInput) async -> Authentication
    /// An error that refuses the request before any credential is checked (too many failed
    /// sign-ins, say), or nil. Its `data.retry_after`, when present, becomes `Retry-After`.
    func refusal(_ input: HTTPInput) async -> RESTError?
}

extension RESTAuthenticator {
    public func refusal(_ input: HTTPInput) async -> RESTError? { nil }
}

/// The authenticator for a server that knows no users.
public struct AnonymousAuthenticator: RESTAuthenticator {
    public init() {}
    public func authenticate(_ input: HTTPInput) async -> Authentication { .anonymous }
}
