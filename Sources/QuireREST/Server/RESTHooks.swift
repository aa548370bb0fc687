/// The points where extensions step into request handling, as WordPress's filters do.
public struct RESTHooks: Sendable {
    /// `rest_pre_dispatch`: answer a request before its route runs (return nil to carry on).
    public var beforeDispatch: [@Sendable (RESTRequest) async -> RESTResponse?] = []
    /// `rest_post_dispatch`: change any response on its way out.
    public var afterDispatch: [@Sendable (RESTResponse, RESTRequest) async -> RESTResponse] = []
    /// `rest_authentication_errors`: refuse a request whatever its route (return an error to refuse).
    public var authenticationErrors: [@Sendable (RESTRequest) async -> RESTError?] = []

    public init() {}
}
