import Synchronization

/// A request as it reached the web server, before the REST layer read it.
public struct HTTPInput: Sendable {
    public var method: RequestMethod
    /// The URL path, still percent-encoded: `/wp-json/wp/v2/posts`.
    public var path: String
    /// The raw query string, without "?".
    public var query: String
    public var headers: HeaderList
    public var body: [UInt8]
    public var remoteAddress: String?

    public init(method: RequestMethod, path: String, query: String = "", headers: HeaderList = HeaderList(), body: [UInt8] = [],
                remoteAddress: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }
}

/// What to send back.
public struct HTTPOutput: Sendable {
    public var status: Int { didSet { adapterForm = AdapterForm() } }
    public var headers: HeaderList { didSet { adapterForm = AdapterForm() } }
    /// nil for answers without a body (HEAD, 204).
    public var body: [UInt8]? { didSet { adapterForm = AdapterForm() } }
    /// Where the adapter may keep this answer in its own form, converted once. Copies share it,
    /// so an answer served again from the cache is not converted again; changing the status,
    /// headers or body starts a fresh one.
    public private(set) var adapterForm = AdapterForm()
    /// The pattern of the route that answered (`/wp/v2/posts/(?P<id>[\d]+)`), nil when none did:
    /// a bounded name for metrics and logs.
    public var route: String?
    /// The signed-in user the answer was made for.
    public var userID: Int?
    /// Whether the answer came from the response cache.
    public var fromCache = false

    public init(status: Int, headers: HeaderList, body: [UInt8]?) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A slot for an adapter's ready-to-send form of an `HTTPOutput` (opaque to the REST core).
public final class AdapterForm: Sendable {
    private let stored = Mutex<(any Sendable)?>(nil)

    public init() {}

    /// The value kept, or the one `make` returns (then kept).
    public func value<T: Sendable>(_ make: () -> T) -> T {
        if let kept = stored.withLock({ $0 }) as? T { return kept }
        let made = make()
        stored.withLock { $0 = made }
        return made
    }
}
