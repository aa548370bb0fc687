/// The outcome of a permission check.
///
///     permission: { request in request.can(.editPosts) ? .allowed : .denied }
public enum Permission: Sendable {
    case allowed
    /// `false`: answered with `rest_forbidden` (401 anonymous, 403 logged in).
    case denied
    case error(RESTError)

    public static func from(_ allowed: Bool) -> Permission { allowed ? .allowed : .denied }
}

public typealias RESTHandler = @Sendable (RESTRequest) async throws -> RESTResponse
/// A permission check (`permission_callback`). It may throw: a `RESTError` is answered as
/// itself, any other error (a storage failure, say) as a logged `rest_internal_error`, never as
/// a "not found" or a refusal it is not.
public typealias RESTPermissionCheck = @Sendable (RESTRequest) async throws -> Permission

/// One set of methods on a route, with its handler, permission check and arguments.
///
///     RESTEndpoint(RESTEndpoint.readable, arguments: [EndpointArguments.context()],
///                  permission: { _ in .allowed }, handler: { request in RESTResponse(["ok": true]) })
public struct RESTEndpoint: Sendable {
    public var methods: [RequestMethod]
    public var arguments: [RESTArgument] {
        didSet {
            argumentPositions = Self.positions(arguments)
            preparedDefaults = PreparedDefaults(arguments)
        }
    }
    /// The arguments' defaults, checked and sanitised once.
    private(set) var preparedDefaults: PreparedDefaults
    /// Where each argument is in `arguments`, by name.
    private var argumentPositions: [String: Int]
    public var permission: RESTPermissionCheck?
    public var handler: RESTHandler
    public var showInIndex: Bool
    /// Whether `/batch/v1` may run this endpoint.
    public var allowBatch: Bool

    public init(_ methods: [RequestMethod], arguments: [RESTArgument] = [], showInIndex: Bool = true, allowBatch: Bool = false,
                permission: RESTPermissionCheck? = nil, handler: @escaping RESTHandler) {
        self.methods = methods
        self.arguments = arguments
        self.argumentPositions = Self.positions(arguments)
        self.preparedDefaults = PreparedDefaults(arguments)
        self.permission = permission
        self.handler = handler
        self.showInIndex = showInIndex
        self.allowBatch = allowBatch
    }

    public func argument(_ name: String) -> RESTArgument? { argumentPositions[name].map { arguments[$0] } }

    private static func positions(_ arguments: [RESTArgument]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, a) in arguments.enumerated() where out[a.name] == nil { out[a.name] = i }
        return out
    }

    public static let readable: [RequestMethod] = [.get]
    public static let creatable: [RequestMethod] = [.post]
    public static let editable: [RequestMethod] = [.post, .put, .patch]
    public static let deletable: [RequestMethod] = [.delete]
}
