/// The outcome of a permission check.
public enum Permission: Sendable {
    case allowed
    /// `false`: answered with `rest_forbidden` (401 anonymous, 403 logged in).
    case denied
    case error(RESTError)

    public static func from(_ allowed: Bool) -> Permission { allowed ? .allowed : .denied }
}

public typealias RESTHandler = @Sendable (RESTRequest) async throws -> RESTResponse
public typealias RESTPermissionCheck = @Sendable (RESTRequest) async -> Permission

/// One set of methods on a route, with its handler, permission check and arguments.
public struct RESTEndpoint: Sendable {
    public var methods: [String]
    public var arguments: [RESTArgument]
    public var permission: RESTPermissionCheck?
    public var handler: RESTHandler
    public var showInIndex: Bool
    /// Whether `/batch/v1` may run this endpoint.
    public var allowBatch: Bool

    public init(_ methods: [String], arguments: [RESTArgument] = [], showInIndex: Bool = true, allowBatch: Bool = false,
                permission: RESTPermissionCheck? = nil, handler: @escaping RESTHandler) {
        self.methods = methods.map { $0.uppercased() }
        self.arguments = arguments
        self.permission = permission
        self.handler = handler
        self.showInIndex = showInIndex
        self.allowBatch = allowBatch
    }

    public func argument(_ name: String) -> RESTArgument? { arguments.first { $0.name == name } }

    public static let readable = ["GET"]
    public static let creatable = ["POST"]
    public static let editable = ["POST", "PUT", "PATCH"]
    public static let deletable = ["DELETE"]
}
