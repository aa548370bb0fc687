import QuireREST

/// A read-only catalogue of named things (`/wp/v2/types`, `/statuses`, `/taxonomies`,
/// `/menu-locations`): the whole list, and one entry by its name at `<base>/<name>`, each taking
/// `context`, both described by one schema.
///
///     struct StatusesController: CatalogueController {
///         var base: String { "statuses" }
///         var key: String { "status" }
///         var keyDescription: String { "An alphanumeric identifier for the status." }
///         var schema: JSONObject { Self.schema }
///         func list(_ r: RESTRequest) async throws -> RESTResponse { … }
///         func read(_ r: RESTRequest) async throws -> RESTResponse { … }   // r["status"]
///     }
protocol CatalogueController: RESTController {
    /// The name of the entry's path parameter (`status`).
    var key: String { get }
    /// What the entry's name is, for its argument.
    var keyDescription: String { get }
}

extension CatalogueController {
    var namespace: String { WPV2.namespace }
    var operations: [RESTOperation] { [.list, .read] }
    var itemPattern: String { "(?P<\(key)>[\\w-]+)" }
    var idArgument: RESTArgument { RESTArgument(key, schema: ["description": .string(keyDescription), "type": "string"]) }
    func collectionArguments() -> [RESTArgument] { [EndpointArguments.context()] }
}
