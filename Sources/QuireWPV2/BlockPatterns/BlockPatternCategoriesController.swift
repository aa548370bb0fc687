import QuireREST

/// `/wp/v2/block-patterns/categories`: the inserter's pattern categories, read as the patterns are.
struct BlockPatternCategoriesController: RESTController {
    let library: BlockPatternLibrary
    let types: ContentTypes
    var namespace: String { WPV2.namespace }
    var base: String { "block-patterns/categories" }
    var operations: [RESTOperation] { [.list] }
    var schema: JSONObject { Self.categorySchema }

    func collectionArguments() -> [RESTArgument] { [] }

    func listPermission(_ r: RESTRequest) async throws -> Permission {
        types.mayEditSomeType(r) ? .allowed
            : .error(RESTError("rest_cannot_view", "Sorry, you are not allowed to view the registered block pattern categories.",
                               status: r.authorizationStatus))
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        RESTResponse(.array(library.categories.map {
            ContextFilter.filter(["name": .string($0.name), "label": .string($0.label)], schema: Self.categorySchema, context: r.context)
        }))
    }

    static let categorySchema = Schema.resource("block-pattern-category", [
        ("name", Schema("The category name.", .string).readonly().context(.view, .edit, .embed)),
        ("label", Schema("The category label, in human readable format.", .string).readonly().context(.view, .edit, .embed)),
    ])
}
