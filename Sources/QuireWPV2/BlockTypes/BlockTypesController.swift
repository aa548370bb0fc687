import QuireREST

/// `/wp/v2/block-types`, `/wp/v2/block-types/<namespace>` and
/// `/wp/v2/block-types/<namespace>/<name>`: the registered block types, for anyone who may
/// edit posts of some type shown in REST. A `namespace` in the query string wins over the
/// one in the path, as every parameter of the query does.
struct BlockTypesController: Sendable {
    let blockTypes: [BlockType]
    let types: ContentTypes

    static let segment = "[a-zA-Z0-9_-]+"

    func register(into registry: inout RouteRegistry) {
        let schema: @Sendable (SiteInfo) -> JSONObject = { _ in BlockTypeSchema.schema }
        let namespace = RESTArgument("namespace", schema: ["description": "Block namespace.", "type": "string"])
        let list = RESTEndpoint(RESTEndpoint.readable, arguments: [EndpointArguments.context(), namespace],
                                permission: permission, handler: self.list)
        registry.register(namespace: WPV2.namespace, route: "block-types", endpoints: [list], schema: schema)
        registry.register(namespace: WPV2.namespace, route: "block-types/(?P<namespace>\(Self.segment))", endpoints: [list], schema: schema)
        registry.register(namespace: WPV2.namespace, route: "block-types/(?P<namespace>\(Self.segment))/(?P<name>\(Self.segment))", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [
                RESTArgument("name", schema: ["description": "Block name.", "type": "string"]),
                namespace, EndpointArguments.context(),
            ], permission: itemPermission, handler: item),
        ], schema: schema)
    }

    var permission: RESTPermissionCheck {
        { r in
            if types.mayEditSomeType(r) { return .allowed }
            return .error(RESTError("rest_block_type_cannot_view", "Sorry, you are not allowed to manage block types.", status: r.authorizationStatus))
        }
    }

    /// Reading one also needs it to exist: an unknown name is refused before the handler runs,
    /// so its 404 has no `Allow` header.
    var itemPermission: RESTPermissionCheck {
        { r in
            let allowed = try await permission(r)
            guard case .allowed = allowed else { return allowed }
            if blockType(r) == nil { return .error(RESTError("rest_block_type_invalid", "Invalid block type.", status: 404)) }
            return .allowed
        }
    }

    func blockType(_ r: RESTRequest) -> BlockType? {
        let name = (r["namespace"]?.stringValue ?? "") + "/" + (r["name"]?.stringValue ?? "")
        return blockTypes.first { $0.name == name }
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        let namespace = r["namespace"]?.stringValue ?? ""
        let shown = blockTypes.filter { namespace.isEmpty || $0.namespace == namespace }
        return RESTResponse(.array(shown.map { prepare($0, r).dataWithLinks }))
    }

    func item(_ r: RESTRequest) async throws -> RESTResponse {
        guard let type = blockType(r) else {
            throw RESTError("rest_block_type_invalid", "Invalid block type.", status: 404)
        }
        return prepare(type, r)
    }

    func prepare(_ t: BlockType, _ r: RESTRequest) -> RESTResponse {
        var response = RESTResponse(ContextFilter.filter(.object(Self.json(t)), schema: BlockTypeSchema.schema, context: r.context))
        guard r.wantsLinks else { return response }
        let site = r.server.site
        response.addLink("collection", site.restURL("/wp/v2/block-types"))
        response.addLink("self", site.restURL("/wp/v2/block-types/\(t.name)"))
        response.addLink("up", site.restURL("/wp/v2/block-types/\(t.namespace)"))
        if t.isDynamic {
            response.addLink("https://api.w.org/render-block", site.restURL("/wp/v2/block-renderer/\(t.name)") + "?context=edit")
        }
        return response
    }

    /// A block type under the REST field names, in WordPress's order.
    static func json(_ t: BlockType) -> JSONObject {
        func strings(_ list: [String]) -> JSON { .array(list.map(JSON.string)) }
        func first(_ list: [String]) -> JSON { list.first.map(JSON.string) ?? .null }
        let a = t.assets
        return [
            "attributes": .object(t.attributes), "is_dynamic": .bool(t.isDynamic), "api_version": .int(t.apiVersion),
            "name": .string(t.name), "title": .string(t.title), "description": .string(t.description), "icon": t.icon ?? .null,
            "category": t.category.map(JSON.string) ?? .null, "keywords": strings(t.keywords),
            "parent": t.parent.map(strings) ?? .null, "ancestor": t.ancestor.map(strings) ?? .null,
            "provides_context": t.providesContext, "uses_context": strings(t.usesContext), "supports": t.supports,
            "styles": .array(t.styles), "textdomain": .null, "example": t.example ?? .null,
            "editor_script_handles": strings(a.editorScripts), "script_handles": strings(a.scripts),
            "view_script_handles": strings(a.viewScripts), "editor_style_handles": strings(a.editorStyles),
            "style_handles": strings(a.styles), "variations": .array(t.variations),
            "editor_script": first(a.editorScripts), "script": first(a.scripts), "view_script": first(a.viewScripts),
            "editor_style": first(a.editorStyles), "style": first(a.styles),
        ]
    }
}
