/// How a route describes itself in the index and to OPTIONS (`get_data_for_route`).
public enum RouteDescription {
    /// The keywords of an argument's schema that descriptions show.
    static let schemaKeywords: Set<String> = [
        "title", "description", "default", "type", "format", "enum", "items", "properties", "additionalProperties",
        "patternProperties", "minProperties", "maxProperties", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
        "anyOf", "oneOf",
    ]

    public static func describe(_ route: RESTRoute, context: String, site: SiteInfo) -> JSON? {
        var data = JSONObject()
        data.appendUnique("namespace", .string(route.namespace))
        var methods: [JSON] = []
        var endpoints: [JSON] = []
        if context == "help", let schema = route.schema {
            data["schema"] = .object(schema(site))
        }
        var links: JSON? = nil
        for endpoint in route.endpoints where endpoint.showInIndex {
            methods.append(contentsOf: endpoint.methods.map { .string($0.rawValue) })
            var e = JSONObject()
            e.appendUnique("methods", .array(endpoint.methods.map { .string($0.rawValue) }))
            if route.allowBatch { e.appendUnique("allow_batch", ["v1": true]) }
            var args = JSONObject()
            for arg in endpoint.arguments {
                var a = JSONObject()
                for (k, v) in arg.schema where schemaKeywords.contains(k) { a.appendUnique(k, v) }
                a["required"] = .bool(!(arg.schema["required"]?.isEmptyLike ?? true))
                args[arg.name] = .object(a)
            }
            e.appendUnique("args", .object(args))
            endpoints.append(.object(e))
            if !route.hasParameters {
                links = ["self": [["href": .string(site.restURL(route.pattern))]]]
            }
        }
        if methods.isEmpty { return nil }
        var ordered = JSONObject()
        ordered.appendUnique("namespace", data["namespace"]!)
        ordered.appendUnique("methods", .array(methods))
        ordered.appendUnique("endpoints", .array(endpoints))
        if let s = data["schema"] { ordered.appendUnique("schema", s) }
        if let links { ordered.appendUnique("_links", links) }
        return .object(ordered)
    }

    public static func describeAll(_ routes: [RESTRoute], context: String, site: SiteInfo) -> JSONObject {
        var out = JSONObject()
        for r in routes {
            if let d = describe(r, context: context, site: site) { out[r.pattern] = d }
        }
        return out
    }
}

extension RESTServer {
    /// `GET /wp-json/`: the site and every route.
    func rootIndex(_ request: RESTRequest) async -> RESTResponse {
        let context = request["context"]?.stringValue ?? "view"
        let site = await currentSite?() ?? self.site
        var o = JSONObject()
        o.appendUnique("name", .string(site.name))
        o.appendUnique("description", .string(site.description))
        o.appendUnique("url", .string(site.url))
        o.appendUnique("home", .string(site.home))
        o.appendUnique("gmt_offset", site.gmtOffset)
        o.appendUnique("timezone_string", .string(site.timezoneString))
        o.appendUnique("namespaces", .array(registry.namespaces.map { .string($0) }))
        o.appendUnique("authentication", site.authentication.isEmpty ? .array([]) : .object(site.authentication))
        o.appendUnique("routes", .object(RouteDescription.describeAll(registry.routes, context: context, site: site)))
        o.appendUnique("site_logo", .int(site.siteLogo))
        o.appendUnique("site_icon", .int(site.siteIcon))
        o.appendUnique("site_icon_url", .string(site.siteIconURL))
        var r = RESTResponse(.object(o))
        r.addLink("help", "https://developer.wordpress.org/rest-api/")
        return r
    }

    /// `GET /wp-json/<namespace>`: the namespace's routes.
    func namespaceIndex(_ request: RESTRequest) throws -> RESTResponse {
        guard let ns = request["namespace"]?.stringValue, registry.namespaces.contains(ns) else {
            throw RESTError("rest_invalid_namespace", "The specified namespace could not be found.", status: 404)
        }
        let context = request["context"]?.stringValue ?? "view"
        var r = RESTResponse([
            "namespace": .string(ns),
            "routes": .object(RouteDescription.describeAll(registry.routes(inNamespace: ns), context: context, site: site)),
        ])
        r.addLink("up", site.restURL("/"))
        return r
    }
}
