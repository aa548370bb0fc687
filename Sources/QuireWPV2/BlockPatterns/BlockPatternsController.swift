import QuireREST

/// `/wp/v2/block-patterns/patterns`: the patterns the editor's inserter lists. Anyone who may
/// edit posts of some type shown in REST may read them; the route takes no arguments (a
/// `context` no field has shows each item empty, as in WordPress).
struct BlockPatternsController: RESTController {
    let library: BlockPatternLibrary
    let types: ContentTypes
    var namespace: String { WPV2.namespace }
    var base: String { "block-patterns/patterns" }
    var operations: [RESTOperation] { [.list] }
    var schema: JSONObject { Self.patternSchema }

    func collectionArguments() -> [RESTArgument] { [] }

    func listPermission(_ r: RESTRequest) async throws -> Permission {
        types.mayEditSomeType(r) ? .allowed
            : .error(RESTError("rest_cannot_view", "Sorry, you are not allowed to view the registered block patterns.", status: r.authorizationStatus))
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        RESTResponse(.array(library.patterns.map { ContextFilter.filter(.object(Self.json($0)), schema: Self.patternSchema, context: r.context) }))
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
}
