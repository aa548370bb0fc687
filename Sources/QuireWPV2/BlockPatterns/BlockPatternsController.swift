import QuireREST

/// `/wp/v2/block-patterns/patterns` and `/wp/v2/block-patterns/categories`: what the editor's
/// inserter lists, one controller each. Anyone who may edit posts of some type shown in REST may
/// read them; the routes take no arguments (a `context` no field has shows each item empty, as
/// in WordPress).
struct BlockPatternsController: RESTController {
    let base: String
    let schema: JSONObject
    /// Why someone who may not read the list is refused.
    let refusal: String
    let types: ContentTypes
    /// The list's items, before `context` is applied.
    let items: @Sendable () -> [JSONObject]

    var namespace: String { WPV2.namespace }
    var operations: [RESTOperation] { [.list] }
    func collectionArguments() -> [RESTArgument] { [] }

    static func patterns(_ library: BlockPatternLibrary, types: ContentTypes) -> Self {
        Self(base: "block-patterns/patterns", schema: patternSchema,
             refusal: "Sorry, you are not allowed to view the registered block patterns.", types: types,
             items: { library.patterns.map(json) })
    }

    static func categories(_ library: BlockPatternLibrary, types: ContentTypes) -> Self {
        Self(base: "block-patterns/categories", schema: categorySchema,
             refusal: "Sorry, you are not allowed to view the registered block pattern categories.", types: types,
             items: { library.categories.map { ["name": .string($0.name), "label": .string($0.label)] } })
    }

    func listPermission(_ r: RESTRequest) async throws -> Permission {
        types.mayEditSomeType(r) ? .allowed : .error(RESTError("rest_cannot_view", refusal, status: r.authorizationStatus))
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        RESTResponse(.array(items().map { ContextFilter.filter(.object($0), schema: schema, context: r.context) }))
    }

    static func json(_ p: BlockPattern) -> JSONObject {
        var o: JSONObject = ["name": .string(p.name), "title": .string(p.title)]
        if let d = p.description { o["description"] = .string(d) }
        if let w = p.viewportWidth { o["viewport_width"] = .int(w) }
        if let b = p.blockTypes { o["block_types"] = .array(b.map { .string($0) }) }
        if let t = p.postTypes { o["post_types"] = .array(t.map { .string($0) }) }
        if let c = p.categories { o["categories"] = .array(c.map { .string($0) }) }
        if let k = p.keywords { o["keywords"] = .array(k.map { .string($0) }) }
        o["content"] = .string(p.content)
        if let i = p.inserter { o["inserter"] = .bool(i) }
        return o
    }

    static let patternSchema = Schema.resource("block-pattern", [
        ("name", Schema("The pattern name.", .string).readonly().context(.view, .edit, .embed)),
        ("title", Schema("The pattern title, in human readable format.", .string).readonly().context(.view, .edit, .embed)),
        ("description", Schema("The pattern detailed description.", .string).readonly().context(.view, .edit, .embed)),
        ("viewport_width", Schema("The pattern viewport width for inserter preview.", .number).readonly().context(.view, .edit, .embed)),
        ("block_types", Schema("Block types that the pattern is intended to be used with.", .array).readonly().context(.view, .edit, .embed)),
        ("post_types", Schema("An array of post types that the pattern is restricted to be used with.", .array).readonly().context(.view, .edit, .embed)),
        ("categories", Schema("The pattern category slugs.", .array).readonly().context(.view, .edit, .embed)),
        ("keywords", Schema("The pattern keywords.", .array).readonly().context(.view, .edit, .embed)),
        ("content", Schema("The pattern content.", .string).readonly().context(.view, .edit, .embed)),
        ("inserter", Schema("Determines whether the pattern is visible in inserter.", .boolean).readonly().context(.view, .edit, .embed)),
    ])

    static let categorySchema = Schema.resource("block-pattern-category", [
        ("name", Schema("The category name.", .string).readonly().context(.view, .edit, .embed)),
        ("label", Schema("The category label, in human readable format.", .string).readonly().context(.view, .edit, .embed)),
    ])
}
