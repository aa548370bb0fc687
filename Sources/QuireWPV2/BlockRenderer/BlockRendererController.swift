import QuireREST
import QuireStore

/// `/wp/v2/block-renderer/<namespace>/<name>`: a dynamic block drawn on the server with the
/// attributes the editor sends, for the editor's preview (`WP_REST_Block_Renderer_Controller`).
/// Anyone who may edit posts (or the post named by `post_id`) may ask. The blocks the editor
/// previews this way are drawn here as their PHP render callbacks draw them (`ServerBlocks`);
/// another dynamic block is answered 501, saying it is not drawn on this server.
struct BlockRendererController: Sendable {
    let blockTypes: [BlockType]
    let store: any ContentStore
    let types: ContentTypes
    /// The active theme's `settings.typography.fluid`.
    let fluidType: Bool

    init(blockTypes: [BlockType], store: any ContentStore, types: ContentTypes, themes: ThemeLibrary) {
        self.blockTypes = blockTypes
        self.store = store
        self.types = types
        let settings = themes.activeChain.compactMap { $0.themeJSON?["settings"] }.first
        fluidType = settings?["typography"]?["fluid"] == .bool(true)
    }

    func register(into registry: inout RouteRegistry) {
        let blockTypes = self.blockTypes
        @Sendable func blockSchema(_ r: RESTRequest) -> JSONObject? {
            guard let name = r["name"]?.stringValue, let block = blockTypes.first(where: { $0.name == name }) else { return nil }
            return ["type": "object", "properties": .object(block.attributes), "additionalProperties": false]
        }
        let attributes = RESTArgument("attributes", schema: ["description": "Attributes for the block.", "type": "object", "default": []],
            validation: .custom { value, r, _ in
                // An unknown block passes here and is refused by the handler.
                guard let schema = blockSchema(r) else { return .valid }
                if let e = SchemaValidator.validate(value, schema, param: "") { return .error(e) }
                return .valid
            },
            sanitization: .custom { value, r, _ in
                guard let schema = blockSchema(r) else { return .success(true) }
                return SchemaSanitizer.sanitize(value, schema, param: "")
            })
        registry.register(namespace: WPV2.namespace, route: "block-renderer/(?P<name>[a-z0-9-]+/[a-z0-9-]+)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable + RESTEndpoint.creatable, arguments: [
                RESTArgument("name", schema: ["description": "Unique registered name for the block.", "type": "string"]),
                // Only `edit` is offered, though `view` is the default (`get_context_param`).
                RESTArgument("context", schema: ["description": "Scope under which the request is made; determines fields present in response.",
                                                 "type": "string", "enum": ["edit"], "default": "view"],
                             validation: .schema, sanitization: RESTArgument.sanitizeKey),
                attributes,
                RESTArgument("post_id", schema: ["description": "ID of the post context.", "type": "integer"]),
            ], permission: permission, handler: render),
        ], schema: { _ in Self.schema })
    }

    /// WordPress names the unversioned JSON Schema here.
    static let schema = Schema.resource("rendered-block", [
        ("rendered", Schema("The rendered block.", .string).required().context(.edit)),
    ], metaSchema: "http://json-schema.org/schema#")

    var permission: RESTPermissionCheck {
        { [store, types] r in
            let postID = r.integer("post_id") ?? 0
            if postID > 0 {
                guard let post = try await store.post(id: postID), let type = types.postType(post.type),
                      r.siteUser?.can(.editPost, post: post, caps: type.capabilities) == true else {
                    return .error(RESTError("block_cannot_read", "Sorry, you are not allowed to read blocks of this post.", status: r.authorizationStatus))
                }
                return .allowed
            }
            if r.can(.editPosts) { return .allowed }
            return .error(RESTError("block_cannot_read", "Sorry, you are not allowed to read blocks as this user.", status: r.authorizationStatus))
        }
    }

    func render(_ r: RESTRequest) async throws -> RESTResponse {
        guard let name = r["name"]?.stringValue, let block = blockTypes.first(where: { $0.name == name }), block.isDynamic else {
            throw RESTError("block_invalid", "Invalid block.", status: 404)
        }
        guard let draw = ServerBlocks.renderers[name] else {
            throw RESTError("rest_block_not_rendered", "This block is not drawn on this server.", status: 501)
        }
        let attributes = Self.withDefaults(r["attributes"]?.objectValue ?? JSONObject(), of: block)
        var context = ServerBlocks.Context(block: block, attributes: attributes, store: store, types: types, home: r.server.site.home,
                                           fluidType: fluidType)
        context.signedIn = r.user != nil
        return RESTResponse(["rendered": .string(try await draw(context))])
    }

    /// The attributes as a block sees them when drawn: each one it has, or its default
    /// (`WP_Block_Type::prepare_attributes_for_render`).
    static func withDefaults(_ given: JSONObject, of block: BlockType) -> JSONObject {
        var out = given
        for (name, definition) in block.attributes where out[name] == nil {
            if let value = definition["default"] { out[name] = value }
        }
        return out
    }
}
