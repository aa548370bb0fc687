/// A REST request as the handlers see it: method, route, headers, and the parameters from
/// each source, merged in WordPress's order of precedence.
///
///     let id = request["id"]?.intValue ?? 0          // URL, query, body: WordPress's precedence
///     if request.context == "edit" && !request.can(.editPosts) { return .denied }
public struct RESTRequest: Sendable {
    public var method: RequestMethod
    /// The route, without the `/wp-json` prefix: `/wp/v2/posts/5`.
    public var route: String
    public var headers: HeaderList
    public var rawBody: [UInt8]
    public var user: (any RESTUser)?
    /// The client's address, when the server knows it.
    public var remoteAddress: String?
    /// An error the request's credentials earned (``Authentication/error``), answered by every
    /// route in place of its own answer.
    public var authenticationError: RESTError?

    /// Query-string parameters (`GET`).
    public var query: JSONObject
    /// Form parameters (`POST`): from a urlencoded or multipart body.
    public var body: JSONObject
    /// The decoded JSON body as it came (`nil` when the body is not JSON or is empty).
    public var json: JSON?
    public var jsonError: JSONParser.Failure?
    /// Parameters captured from the route pattern.
    public var url: JSONObject
    /// Defaults of the matched endpoint's arguments.
    public var defaults: JSONObject
    public var files: [MultipartDecoder.File]

    /// Whether the client sent this request itself (not an embedded link or a batch item).
    public internal(set) var isFromClient = false

    /// Whether a handler may write its answer straight as JSON text (``RESTResponse/init(encoded:status:headers:)``):
    /// the client sent the request itself, and nothing after the handler reads the answer's
    /// data (`_fields`, `_embed`, `_envelope`, middleware).
    public var answersWithBytes: Bool {
        isFromClient && self["_fields"] == nil && self["_embed"] == nil && self["_envelope"] == nil
            && (boundServer?.middleware.isEmpty ?? false)
    }

    /// The endpoint that matched, once dispatch has found it.
    public internal(set) var endpoint: RESTEndpoint?
    /// The route pattern that matched.
    public internal(set) var matchedRoute: String?
    /// The server dispatching this request (for handlers that dispatch or describe routes).
    public var server: RESTServer { boundServer! }
    var boundServer: RESTServer?

    public init(method: RequestMethod, route: String, headers: HeaderList = HeaderList(), query: JSONObject = JSONObject(),
                body: JSONObject = JSONObject(), rawBody: [UInt8] = [], user: (any RESTUser)? = nil) {
        self.method = method
        self.route = route
        self.headers = headers
        self.query = query
        self.body = body
        self.rawBody = rawBody
        self.user = user
        self.json = nil
        self.url = JSONObject()
        self.defaults = JSONObject()
        self.files = []
        if isJSONContentType, !rawBody.isEmpty {
            do { json = try JSONParser.parse(rawBody) } catch { jsonError = error }
        }
    }

    public var contentType: String? {
        guard let ct = headers["Content-Type"] else { return nil }
        let media = ct.split(separator: ";").first.map { $0.trimmingSpaces().lowercased() } ?? ""
        return media.isEmpty ? nil : media
    }

    public var isJSONContentType: Bool {
        guard let ct = contentType else { return false }
        return ct == "application/json" || ct.hasSuffix("+json")
    }

    public var isLoggedIn: Bool { user != nil }

    /// The JSON body as a parameter map (a list is indexed, a scalar is item 0).
    public var jsonParams: JSONObject {
        switch json {
        case .object(let o)?: return o
        case .array(let a)?: return JSONObject(a.enumerated().map { (String($0.offset), $0.element) })
        case .none, .null?: return JSONObject()
        case let scalar?: return JSONObject([("0", scalar)])
        }
    }

    public enum Source: Sendable { case json, body, query, url, defaults }

    /// Sources from highest to lowest precedence (`get_parameter_order`).
    public var parameterOrder: [Source] {
        let writes = method == .post || method == .put || method == .patch || method == .delete
        return Self.orders[(isJSONContentType ? 2 : 0) + (writes ? 1 : 0)]
    }

    private static let orders: [[Source]] = [
        [.query, .url, .defaults], [.body, .query, .url, .defaults],
        [.json, .query, .url, .defaults], [.json, .body, .query, .url, .defaults],
    ]

    public func values(_ source: Source) -> JSONObject {
        switch source {
        case .json: return jsonParams
        case .body: return body
        case .query: return query
        case .url: return url
        case .defaults: return defaults
        }
    }

    public mutating func setValue(_ v: JSON, forKey key: String, in source: Source) {
        switch source {
        case .json:
            if case .object(var o)? = json { o[key] = v; json = .object(o) }
            else if case .array(var a)? = json, let i = Int(key), a.indices.contains(i) { a[i] = v; json = .array(a) }
        case .body: body[key] = v
        case .query: query[key] = v
        case .url: url[key] = v
        case .defaults: defaults[key] = v
        }
    }

    /// `$request[$key]`: the value from the first source that has it.
    public subscript(key: String) -> JSON? {
        for s in parameterOrder {
            if let v = value(key, in: s), !v.isNull { return v }
        }
        return nil
    }

    /// One source's value for a key.
    private func value(_ key: String, in source: Source) -> JSON? {
        switch source {
        case .json:
            if case .object(let o)? = json { return o[key] }
            return jsonParams[key]
        case .body: return body[key]
        case .query: return query[key]
        case .url: return url[key]
        case .defaults: return defaults[key]
        }
    }

    /// Whether `self[key]` is the endpoint's default: no other source has a value that is not null.
    func valueIsDefault(_ key: String) -> Bool {
        !parameterOrder.contains { $0 != .defaults && !(value(key, in: $0)?.isNull ?? true) }
    }

    /// The value of a parameter, nil when absent or null.
    public func param(_ key: String) -> JSON? { self[key] }

    /// Whether a parameter was sent, but only as `null` (`has_param` and a null value).
    public func isSentAsNull(_ key: String) -> Bool {
        guard self[key] == nil else { return false }
        return parameterOrder.contains { values($0)[key] != nil }
    }

    /// Every parameter, lower sources first so that keys keep their first position.
    public var params: JSONObject {
        var merged = JSONObject()
        for s in parameterOrder.reversed() {
            for (k, v) in values(s) { merged[k] = v }
        }
        return merged
    }

    /// Sets a parameter in every source that holds it, else in the highest-precedence source
    /// (as `$request[$key] = $value` does).
    public mutating func set(_ key: String, _ value: JSON) {
        var found = false
        for s in parameterOrder where s != .defaults && values(s)[key] != nil {
            setValue(value, forKey: key, in: s)
            found = true
        }
        if !found {
            switch parameterOrder[0] {
            case .json:
                if case .object(var o)? = json { o[key] = value; json = .object(o) } else { json = .object(JSONObject([(key, value)])) }
            case let first: setValue(value, forKey: key, in: first)
            }
        }
    }

    /// A request to dispatch internally, built from a URL under the REST root (for `_embed`).
    public static func fromURL(_ href: String, restRoot: String, user: (any RESTUser)?) -> RESTRequest? {
        guard href.hasPrefix(restRoot) else { return nil }
        var rest = String(href.dropFirst(restRoot.count))
        var query = JSONObject()
        if let q = rest.firstIndex(of: "?") {
            query = FormDecoder.decode(rest[rest.index(after: q)...])
            rest = String(rest[..<q])
        }
        let route = "/" + rest.drop(while: { $0 == "/" })
        var r = RESTRequest(method: .get, route: route, query: query, user: user)
        if let rr = query["rest_route"]?.stringValue { r.route = rr }
        return r
    }
}
