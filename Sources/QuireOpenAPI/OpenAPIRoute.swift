import QuireREST
import Synchronization

/// `GET /wp-json/quire/v1/openapi`: the OpenAPI document of every route the server has. It is
/// left out of the discovery index, which lists what WordPress itself has.
public enum OpenAPIRoute {
    public static let pattern = "/quire/v1/openapi"

    /// The document last built, with the site details it was built for: routes are fixed once
    /// the server runs, so it changes only when the site's name, address or description do.
    static let built = Mutex<(key: String, document: JSON)?>(nil)

    public static var route: RESTRoute {
        RESTRoute(namespace: "quire/v1", pattern: pattern, endpoints: [
            RESTEndpoint(RESTEndpoint.readable, showInIndex: false) { request in
                let server = request.server
                let site = await server.currentSite?() ?? server.site
                let key = "\(ObjectIdentifier(server))|\(site.url)|\(site.name)|\(site.description)"
                if let kept = built.withLock({ $0?.key == key ? $0?.document : nil }) { return RESTResponse(kept) }
                do {
                    let document = try JSONParser.parse(try OpenAPIDocument.json(routes: server.routes, site: site))
                    built.withLock { $0 = (key, document) }
                    return RESTResponse(document)
                } catch {
                    return RESTResponse(error: RESTError("quire_openapi_failed", "The OpenAPI document could not be built: \(error)", status: 500))
                }
            },
        ])
    }
}
