/// What a handler answers: status, headers, data and links.
public struct RESTResponse: Sendable {
    public var status: Int
    public var headers: HeaderList
    public var data: JSON
    public var links: [RESTLink]
    /// Set for error responses, so filters can tell errors apart.
    public var isError: Bool
    /// The route pattern that produced this response, for the `Allow` header.
    public var matchedRoute: String?

    public init(_ data: JSON = .null, status: Int = 200, headers: HeaderList = HeaderList(), links: [RESTLink] = []) {
        self.data = data
        self.status = status
        self.headers = headers
        self.links = links
        self.isError = false
    }

    public init(error: RESTError) {
        self.init(error.body, status: error.status)
        isError = true
    }

    public mutating func addLink(_ rel: String, _ href: String, attributes: JSONObject = JSONObject()) {
        links.append(RESTLink(rel: rel, href: href, attributes: attributes))
    }

    public mutating func header(_ name: String, _ value: String) { headers.set(name, value) }

    /// The data with `_links` added, as a collection item (`prepare_response_for_collection`).
    public var dataWithLinks: JSON {
        guard !links.isEmpty else { return data }
        var o = data.objectValue ?? JSONObject()
        o["_links"] = .object(LinkCompactor.compact(links))
        return .object(o)
    }
}
