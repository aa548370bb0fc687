import Crypto
import Foundation
import QuireREST
import QuireStore
import Synchronization

/// `/wp/v2/users`, `/wp/v2/users/<id>`, `/wp/v2/users/me`.
struct UsersController: ExtendedController {
    let store: any ContentStore, types: ContentTypes
    /// The user schema with the meta and fields plugins registered, built once.
    let schema: JSONObject
    static let base = "/wp/v2/users"
    var extensionPoint: ExtensionPoint { .user }

    init(store: any ContentStore, types: ContentTypes) {
        (self.store, self.types) = (store, types)
        schema = ExtensionPoint.user.schema(UserSchema.schema, in: types)
    }

    var namespace: String { WPV2.namespace }
    var base: String { "users" }
    var itemNoun: String { "user" }

    func updatePermission(_ r: RESTRequest) async throws -> Permission { try await updatePermission(me: false, r) }
    func deletePermission(_ r: RESTRequest) async throws -> Permission { try await deletePermission(me: false, r) }
    func update(_ r: RESTRequest) async throws -> RESTResponse { try await update(me: false)(r) }
    func delete(_ r: RESTRequest) async throws -> RESTResponse { try await delete(me: false)(r) }

    /// The collection and item routes, then `/users/me`.
    func register(into registry: inout RouteRegistry) {
        registerRoutes(into: &registry)
        registry.register(namespace: namespace, route: "users/me", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [EndpointArguments.context()],
                         permission: { _ in .allowed }, handler: me),
            RESTEndpoint(RESTEndpoint.editable, arguments: writeArguments(creating: false),
                         permission: { r in try await updatePermission(me: true, r) }, handler: update(me: true)),
            RESTEndpoint(RESTEndpoint.deletable, arguments: deleteArguments,
                         permission: { r in try await deletePermission(me: true, r) }, handler: delete(me: true)),
        ], schema: { [schema] _ in schema })
    }

    func collectionArguments() -> [RESTArgument] {
        EndpointArguments.collection() + [
            RESTArgument("exclude", schema: ["description": "Ensure result set excludes specific IDs.", "type": "array",
                                             "items": ["type": "integer"], "default": []], validation: .schema),
            RESTArgument("include", schema: ["description": "Limit result set to specific IDs.", "type": "array",
                                             "items": ["type": "integer"], "default": []], validation: .schema),
            RESTArgument("offset", schema: ["description": "Offset the result set by a specific number of items.",
                                            "type": "integer"], validation: .schema),
            // WordPress lists these two's keywords in an order of their own.
            RESTArgument("order", schema: ["default": "asc", "description": "Order sort attribute ascending or descending.",
                                           "enum": ["asc", "desc"], "type": "string"], validation: .schema),
            RESTArgument("orderby", schema: ["default": "name", "description": "Sort collection by user attribute.",
                                             "enum": ["id", "include", "name", "registered_date", "slug", "include_slugs",
                                                      "email", "url"], "type": "string"], validation: .schema),
            RESTArgument("slug", schema: ["description": "Limit result set to users with one or more specific slugs.",
                                          "type": "array", "items": ["type": "string"]], validation: .schema),
            RESTArgument("roles", schema: ["description": "Limit result set to users matching at least one specific role provided. Accepts csv list or single role.",
                                           "type": "array", "items": ["type": "string"]], validation: .schema),
            RESTArgument("capabilities", schema: ["description": "Limit result set to users matching at least one specific capability provided. Accepts csv list or single capability.",
                                                  "type": "array", "items": ["type": "string"]], validation: .schema),
            RESTArgument("who", schema: ["description": "Limit result set to users who are considered authors.", "type": "string",
                                         "enum": ["authors"]], validation: .schema),
            RESTArgument("has_published_posts", schema: ["description": "Limit result set to users who have published posts.",
                                                         "type": ["boolean", "array"],
                                                         "items": ["type": "string", "enum": .object(JSONObject(types.restPostTypes.map { ($0.name, .string($0.name)) }))]],
                         validation: .schema),
        ]
    }

    // MARK: Permissions

    func listPermission(_ r: RESTRequest) async throws -> Permission {
        let canList = r.can(.listUsers)
        if !r.strings("roles").isEmpty && !canList {
            return .error(RESTError("rest_user_cannot_view", "Sorry, you are not allowed to filter users by role.", status: r.authorizationStatus))
        }
        if !r.strings("capabilities").isEmpty && !canList {
            return .error(RESTError("rest_user_cannot_view", "Sorry, you are not allowed to filter users by capability.", status: r.authorizationStatus))
        }
        if r.context == "edit" && !canList {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit users.", status: r.authorizationStatus))
        }
        if let orderby = r["orderby"]?.stringValue, orderby == "email" || orderby == "registered_date", !canList {
            return .error(RESTError("rest_forbidden_orderby", "Sorry, you are not allowed to order users by this parameter.",
                                    status: r.authorizationStatus))
        }
        if r["who"]?.stringValue == "authors" && !r.can(.editPosts) {
            return .error(RESTError("rest_forbidden_who", "Sorry, you are not allowed to query users by this parameter.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func readPermission(_ r: RESTRequest) async throws -> Permission {
        guard let id = r.integer("id"), let user = try await store.user(id: id) else {
            return .error(RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404))
        }
        if r.user?.id == user.id { return .allowed }
        let canEdit = r.can(.editUser, [.int(user.id)])
        if r.context == "edit" && !canEdit {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit this user.", status: r.authorizationStatus))
        }
        if !canEdit && !r.can(.listUsers) {
            let published = try await store.users(Self.authorsQuery(include: [user.id], types: types))
            if published.total == 0 {
                return .error(RESTError("rest_user_cannot_view", "Sorry, you are not allowed to list users.", status: r.authorizationStatus))
            }
        }
        return .allowed
    }

    static func authorsQuery(include: [Int] = [], types: ContentTypes) -> UserQuery {
        var q = UserQuery()
        q.include = include
        q.hasPublishedPosts = types.restPostTypes.map(\.name)
        return q
    }

    // MARK: Handlers

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        var q = UserQuery()
        q.include = r.ints("include")
        q.exclude = r.ints("exclude")
        q.search = r["search"]?.stringValue
        q.slugs = r.strings("slug")
        q.roles = r.strings("roles")
        // Capabilities come from roles: a user matches through any role that grants one.
        var capabilityRoles: [String] = []
        for cap in r.strings("capabilities") {
            capabilityRoles += Roles.names.filter { $0 == cap || Roles.capabilities(of: $0).contains(cap) }
        }
        if !r.strings("capabilities").isEmpty { q.capabilityRoles = capabilityRoles }
        if r["who"]?.stringValue == "authors" { q.capabilityRoles = Roles.names.filter { Roles.role($0, grants: .editPosts) } }
        // Without `list_users`, only authors of published posts are listed, unless the request
        // asks for authors (`who`); its own `has_published_posts` replaces either.
        let canList = r.can(.listUsers)
        if r["who"]?.stringValue != "authors" && !canList { q.hasPublishedPosts = types.restPostTypes.map(\.name) }
        switch r["has_published_posts"] {
        case .bool(true)?: q.hasPublishedPosts = types.restPostTypes.map(\.name)
        case .array(let list)? where !list.isEmpty: q.hasPublishedPosts = list.compactMap(\.stringValue)
        default: break
        }
        // Visitors' searches look at names, never at emails or addresses.
        q.searchPrivateColumns = canList
        q.orderBy = r["orderby"]?.stringValue ?? "name"
        q.ascending = r["order"]?.stringValue != "desc"
        let page = CollectionPage(r)
        q.limit = page.perPage
        q.offset = page.skip
        var (users, total) = try await store.users(q)
        // A negative offset makes WordPress's user query fail, so it lists nobody.
        if page.offset < 0 { users = [] }
        // Terms, comments and users answer a page past the end with an empty list, as WordPress does.
        let items = try await extended(users.map { (prepare($0, r), $0.id) }, r)
        return try collection(items.map(\.dataWithLinks), total: total, page: page, r, pastEnd: nil, reportedPage: page.pageOfOffset)
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        guard let id = r.integer("id"), let user = try await store.user(id: id) else {
            throw RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404)
        }
        return try await extended(prepare(user, r), id: user.id, r)
    }

    func me(_ r: RESTRequest) async throws -> RESTResponse {
        guard let id = r.user?.id, let user = try await store.user(id: id) else {
            throw RESTError("rest_not_logged_in", "You are not currently logged in.", status: 401)
        }
        return try await extended(prepare(user, r), id: user.id, r)
    }

    // MARK: Response

    func prepare(_ u: User, _ r: RESTRequest) -> RESTResponse {
        let site = r.server.site
        var o = JSONObject()
        o.appendUnique("id", .int(u.id))
        o.appendUnique("username", .string(u.login))
        o.appendUnique("name", .string(u.displayName))
        o.appendUnique("first_name", .string(u.firstName))
        o.appendUnique("last_name", .string(u.lastName))
        o.appendUnique("email", .string(u.email))
        o.appendUnique("url", .string(u.url))
        o.appendUnique("description", .string(u.description))
        o.appendUnique("link", .string("\(site.home)/author/\(u.nicename)/"))
        o.appendUnique("locale", .string(u.locale.isEmpty ? "en_US" : u.locale))
        o.appendUnique("nickname", .string(u.nickname))
        o.appendUnique("slug", .string(u.nicename))
        o.appendUnique("roles", .array(u.roles.map { .string($0) }))
        o.appendUnique("registered_date", .string(WPDate.iso8601(u.registered)))
        o.appendUnique("capabilities", .object(JSONObject(u.allCapabilities.map { ($0.0, .bool($0.1)) })))
        o.appendUnique("extra_capabilities", .object(JSONObject(u.ownCapabilities.map { ($0.0, .bool($0.1)) })))
        o.appendUnique("avatar_urls", Self.avatarURLs(email: u.email))
        // Registered meta (WordPress's `persisted_preferences` first) is added by `extended`.
        o.appendUnique("meta", .object(JSONObject()))
        var response = RESTResponse(r.shaped(o, by: UserSchema.plan))
        guard r.wantsLinks else { return response }
        response.addLink("self", site.restURL("\(Self.base)/\(u.id)"))
        response.addLink("collection", site.restURL(Self.base))
        return response
    }

    /// Gravatar addresses, as WordPress builds them.
    static func avatarURLs(email: String) -> JSON {
        if let known = avatarsByEmail.withLock({ $0[email] }) { return known }
        let hash = gravatarHash(email)
        var o = JSONObject()
        for size in [24, 48, 96] { o.appendUnique(String(size), .string(gravatarURL(hash: hash, size: size))) }
        let urls = JSON.object(o)
        avatarsByEmail.withLock { kept in
            if kept.count >= 4_096 { kept.removeAll() }
            kept[email] = urls
        }
        return urls
    }

    /// `avatar_urls` of the addresses seen lately: they depend on nothing but the address.
    private static let avatarsByEmail = Mutex<[String: JSON]>([:])

    /// `get_avatar_url`: the Gravatar of an address (mystery person when it has none), on the
    /// server its hash's first digit picks.
    static func gravatarURL(email: String, size: Int) -> String {
        gravatarURL(hash: gravatarHash(email), size: size)
    }

    static func gravatarHash(_ email: String) -> String {
        Digits.hex(Insecure.MD5.hash(data: Data(email.trimmingCharacters(in: .whitespaces).lowercased().utf8)))
    }

    static func gravatarURL(hash: String, size: Int) -> String {
        let host = (Int(String(hash.prefix(1)), radix: 16) ?? 0) % 3
        return "http://\(host).gravatar.com/avatar/\(hash)?s=\(size)&d=mm&r=g"
    }
}
