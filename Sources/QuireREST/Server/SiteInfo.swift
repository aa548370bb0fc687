/// What the index tells about the site, and where its REST API lives.
public struct SiteInfo: Sendable, Equatable {
    public var name: String
    public var description: String
    /// `siteurl`, without a trailing slash: `http://127.0.0.1:8080`.
    public var url: String
    public var home: String
    public var gmtOffset: JSON
    public var timezoneString: String
    /// The authentication schemes the index advertises.
    public var authentication: JSONObject = JSONObject()
    public var siteLogo = 0
    public var siteIcon = 0
    public var siteIconURL = ""

    public init(name: String = "Quire", description: String = "", url: String, home: String? = nil,
                gmtOffset: JSON = "0", timezoneString: String = "") {
        self.name = name
        self.description = description
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.home = home ?? self.url
        self.gmtOffset = gmtOffset
        self.timezoneString = timezoneString
    }

    /// `rest_url()`: `http://host/wp-json/` plus the route.
    public func restURL(_ route: String = "/") -> String {
        route.hasPrefix("/") ? "\(url)/wp-json\(route)" : "\(url)/wp-json/\(route)"
    }

    public var restRoot: String { restURL("/") }
}
