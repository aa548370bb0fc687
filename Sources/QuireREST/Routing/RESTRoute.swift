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
        let translated = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
        regex = try? NSRegularExpression(pattern: "^" + translated + "$", options: [.caseInsensitive])
        var found: [String] = []
        if let nameRe = try? NSRegularExpression(pattern: "\\(\\?P?<([A-Za-z_][A-Za-z0-9_]*)>") {
            for m in nameRe.matches(in: pattern, range: NSRange(pattern.startIndex..., in: pattern)) {
                if let r = Range(m.range(at: 1), in: pattern) { found.append(String(pattern[r])) }
            }
        }
        names = found
    }

    /// The captured parameters when the path matches.
    func match(_ path: String) -> JSONObject? {
        if let literal { return path.lowercased() == literal ? JSONObject() : nil }
        guard let regex, let m = regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) else { return nil }
        var params = JSONObject()
        for name in names {
            let r = m.range(withName: name)
            if r.location != NSNotFound, let range = Range(r, in: path) {
                params[name] = .string(String(path[range]))
            } else {
                params[name] = .string("")
            }
        }
        return params
    }
}
