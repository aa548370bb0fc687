/// A request as it reached the web server, before the REST layer read it.
public struct HTTPInput: Sendable {
    public var method: String
    /// The URL path, still percent-encoded: `/wp-json/wp/v2/posts`.
    public var path: String
    /// The raw query string, without "?".
    public var query: String
    public var headers: HeaderList
    public var body: [UInt8]
    public var remoteAddress: String?

    public init(method: String, path: String, query: String = "", headers: HeaderList = HeaderList(), body: [UInt8] = [],
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
    public var status: Int
    public var headers: HeaderList
    /// nil for answers without a body (HEAD, 204).
    public var body: [UInt8]?
}
