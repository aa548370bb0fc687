/// What a handler answers: status, headers, data and links.
///
/// A handler that knows nothing will read its answer before the client does (see
/// ``RESTRequest/answersWithBytes``) may give the body as JSON text already written
/// (``init(encoded:status:headers:)``); ``data`` still reads it, parsed, for whatever asks.
///
///     var response = RESTResponse(["id": 5, "title": "Hello"], status: 201)
///     response.header("Location", "\(site.restRoot)wp/v2/posts/5")
///     return response
public struct RESTResponse: Sendable {
    public var status: Int
    public var headers: HeaderList
    /// The body as a value; setting it replaces any text the handler wrote.
    public var data: JSON {
        get {
            guard let encoded else { return tree }
            return (try? JSONParser.parse(encoded, objectsAsWritten: true)) ?? .null
        }
        set {
            tree = newValue
            encoded = nil
        }
    }
    private var tree: JSON
    /// The body as JSON text, when the handler wrote it so (links included).
    public private(set) var encoded: [UInt8]?
    public var links: [RESTLink]
    /// Set for error responses, so filters can tell errors apart.
    public var isError: Bool
    /// The route pattern that produced this response, for the `Allow` header.
    public var matchedRoute: String?

    public init(_ data: JSON = .null, status: Int = 200, headers: HeaderList = HeaderList(), links: [RESTLink] = []) {
        self.tree = data
        self.status = status
        self.headers = headers
        self.links = links
        self.isError = false
    }

    /// An answer whose body is already JSON text, `_links` included.
    public init(encoded: [UInt8], status: Int = 200, headers: HeaderList = HeaderList()) {
        self.init(.null, status: status, headers: headers)
        self.encoded = encoded
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
        guard !links.isEmpty, encoded == nil else { return data }
        var o = data.objectValue ?? JSONObject()
        o["_links"] = .object(LinkCompactor.compact(links))
        return .object(o)
    }
}
