import QuireREST

/// `GET /wp-json/quire/v1/openapi`: the OpenAPI document of every route the server has. It is
/// left out of the discovery index, which lists what WordPress itself has.
public enum OpenAPIRoute {
    public static let pattern = "/quire/v1/openapi"

    public static var route: RESTRoute {
        RESTRoute(namespace: "quire/v1", pattern: pattern, endpoints: [
            RESTEndpoint(RESTEndpoint.readable, showInIndex: false) { request in
                let server = request.server
                let site = await server.currentSite?() ?? server.site
                do {
                    return RESTResponse(try JSONParser.parse(try OpenAPIDocument.json(routes: server.routes, site: site)))
                } catch {
                    return RESTResponse(error: RESTError("quire_openapi_failed", "The OpenAPI document could not be built: \(error)", status: 500))
                }
            },
        ])
    }
}
