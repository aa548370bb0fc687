import QuireREST

/// The reference site's administrator, as the recorded exchanges authenticate it.
struct TestAdministrator: RESTUser {
    let id = 1
    func can(_ capability: Capability, _ args: [JSON]) -> Bool { true }
}

/// Accepts the placeholder credentials the recordings carry for the administrator.
struct PlaceholderAuthenticator: RESTAuthenticator {
    static let adminAuthorization = "Basic <admin application password>"
    func authenticate(_ input: HTTPInput) async -> Authentication {
        input.headers["Authorization"] == Self.adminAuthorization ? Authentication(user: TestAdministrator()) : .anonymous
    }
}
