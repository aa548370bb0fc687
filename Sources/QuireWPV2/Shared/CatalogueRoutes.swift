import QuireREST

/// The two read-only routes of a catalogue of named things (`/wp/v2/types`, `/statuses`,
/// `/taxonomies`, `/menu-locations`): the whole list and one entry by its name, each taking
/// `context`, both described by one schema.
///
///     CatalogueRoutes(route: "statuses", key: "status", keyDescription: "An alphanumeric identifier for the status.",
///                     schema: StatusesController.schema)
///         .register(into: &registry, list: list, item: item)
struct CatalogueRoutes {
    var route: String
    /// The name of the entry's path parameter.
    var key: String
    var keyDescription: String
    var schema: JSONObject
    /// The list's arguments; `context` unless told otherwise.
    var listArguments = [EndpointArguments.context()]
    var listPermission: RESTPermissionCheck?
    var itemPermission: RESTPermissionCheck?

    func register(into registry: inout RouteRegistry, list: @escaping RESTHandler, item: @escaping RESTHandler) {
        let schema = self.schema
        let described: @Sendable (SiteInfo) -> JSONObject = { _ in schema }
        registry.register(namespace: WPV2.namespace, route: route, endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: listArguments, permission: listPermission, handler: list),
        ], schema: described)
        registry.register(namespace: WPV2.namespace, route: "\(route)/(?P<\(key)>[\\w-]+)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [
                RESTArgument(key, schema: ["description": .string(keyDescription), "type": "string"]),
                EndpointArguments.context(),
            ], permission: itemPermission, handler: item),
        ], schema: described)
    }
}
