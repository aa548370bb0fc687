/// Who is asking. The REST core needs only an id and a capability check; the user store
/// supplies the rest.
public protocol RESTUser: Sendable {
    var id: Int { get }
    /// `current_user_can()`: a primitive or meta capability, with its arguments (a post id, …).
    func can(_ capability: String, _ args: [JSON]) -> Bool
}

extension RESTUser {
    public func can(_ capability: String) -> Bool { can(capability, []) }
}

/// Turns a request's credentials into a user. Unknown or wrong credentials give nil,
/// which leaves the request anonymous, as WordPress does with application passwords.
public protocol RESTAuthenticator: Sendable {
    func authenticate(headers: HeaderList, remoteAddress: String?) async -> (any RESTUser)?
    /// An error that refuses the request before any credential is checked (too many failed
    /// sign-ins, say), or nil. Its `data.retry_after`, when present, becomes `Retry-After`.
    func refusal(headers: HeaderList, remoteAddress: String?) async -> RESTError?
}

extension RESTAuthenticator {
    public func refusal(headers: HeaderList, remoteAddress: String?) async -> RESTError? { nil }
}

/// The authenticator for a server that knows no users.
public struct AnonymousAuthenticator: RESTAuthenticator {
    public init() {}
    public func authenticate(headers: HeaderList, remoteAddress: String?) async -> (any RESTUser)? { nil }
}
