import Foundation

/// A registered route: a namespace, a pattern with named groups (`/wp/v2/posts/(?P<id>[\d]+)`)
/// and its endpoints, as `register_rest_route` makes them.
public struct RESTRoute: Sendable {
    public let namespace: String
    /// The full pattern, namespace included: `/wp/v2/posts/(?P<id>[\d]+)`.
    public let pattern: String
    public var endpoints: [RESTEndpoint]
    /// The resource schema shown by OPTIONS (`schema` callback).
    public var schema: (@Sendable (SiteInfo) -> JSONObject)?
    public var allowBatch: Bool

    let matcher: RouteMatcher

    public init(namespace: String, pattern: String, endpoints: [RESTEndpoint],
                schema: (@Sendable (SiteInfo) -> JSONObject)? = nil, allowBatch: Bool = false) {
        self.namespace = namespace
        self.pattern = pattern
        self.endpoints = endpoints
        self.schema = schema
        self.allowBatch = allowBatch
        self.matcher = RouteMatcher(pattern)
    }

    /// The pattern with `(?P<id>…)` groups written as `{id}`, for links.
    public var template: String {
        pattern.replacingOccurrences(of: "\\(\\?P<(\\w+?)>.*?\\)", with: "{$1}", options: .regularExpression)
    }

    public var hasParameters: Bool { template.contains("{") }
}

/// Matches a route path against a pattern: anchored, case-insensitive, with named groups.
/// Literal patterns are compared without a regular expression.
struct RouteMatcher: Sendable {
    let literal: String?
    let regex: NSRegularExpression?
    let names: [String]

    init(_ pattern: String) {
        let special = CharacterSet(charactersIn: "()[]{}?*+\\^$|.")
        if pattern.rangeOfCharacter(from: special) == nil {
            literal = pattern.lowercased()
            regex = nil
            names = []
            return
        }
        literal = nil
        // ICU allows only letters and digits in group names, so groups are renamed q0, q1, …
        // and the names WordPress gave them are kept aside.
        var found: [String] = []
        var translated = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "(?P<") ?? rest.range(of: "(?<"), let close = rest[open.upperBound...].firstIndex(of: ">") {
            let name = String(rest[open.upperBound..<close])
            translated += rest[..<open.lowerBound] + "(?<q\(found.count)>"
            found.append(name)
            rest = rest[rest.index(after: close)...]
        }
        translated += rest
        regex = try? NSRegularExpression(pattern: "^" + translated + "$", options: [.caseInsensitive])
        names = found
    }

    /// The captured parameters when the path matches.
    func match(_ path: String) -> JSONObject? {
        if let literal { return path.lowercased() == literal ? JSONObject() : nil }
        guard let regex, let m = regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) else { return nil }
        var params = JSONObject()
        for (i, name) in names.enumerated() {
            let r = m.range(withName: "q\(i)")
            if r.location != NSNotFound, let range = Range(r, in: path) {
                params[name] = .string(String(path[range]))
            } else {
                params[name] = .string("")
            }
        }
        return params
    }
}
