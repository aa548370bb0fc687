import QuireREST

/// `Quire_Test_Items_Controller`: 23 fake items served the way a WordPress controller serves
/// a collection (context filtering, links, pagination), nothing stored.
enum ItemsController {
    static let count = 23
    static let route = "/quire-test/v1/items"

    static let schema: JSONObject = {
        let spec = try! Fixtures.json("validation/routes.json")
        let items = spec["routes"]!.arrayValue!.first { $0["route"] == .string(route) }!
        return items["schema"]!.objectValue!
    }()

    static func item(_ n: Int) -> JSONObject {
        JSONObject([
            ("id", .int(n)),
            ("title", ["raw": .string("Item \(n)"), "rendered": .string("Item \(n)")]),
            ("status", .string(n % 2 == 0 ? "draft" : "publish")),
            ("meta", ["color": "#a0b0c0", "size": .int(n)]),
            ("tags", [.string("t\(n)"), "common"]),
            ("secret", .string("secret-\(n)")),
            ("score", .double(Double(n) / 2)),
        ])
    }

    static func prepare(_ item: JSONObject, _ request: RESTRequest, context: String? = nil) -> RESTResponse {
        let ctx = context ?? request["context"]?.stringValue ?? "view"
        let data = ContextFilter.filter(.object(item), schema: schema, context: ctx)
        let id = item["id"]?.intValue ?? 0
        let site = request.server.site
        var r = RESTResponse(data)
        r.addLink("self", site.restURL("\(route)/\(id)"))
        r.addLink("collection", site.restURL(route))
        r.addLink("related", site.restURL("\(route)/\(id >= count ? 1 : id + 1)"), attributes: ["embeddable": true])
        r.addLink("https://api.w.org/items", site.restURL("\(route)/1"), attributes: ["embeddable": true, "taxonomy": "quire"])
        r.addLink("https://api.w.org/items", site.restURL("\(route)/9999"), attributes: ["embeddable": true])
        r.addLink("https://api.w.org/forbidden", site.restURL("/quire-test/v1/forbidden"), attributes: ["embeddable": true])
        r.addLink("up", site.restURL("/quire-test/v1"))
        return r
    }

    static let readPermission: RESTPermissionCheck = { r in
        if r["context"]?.stringValue == "edit" && !(r.user?.can(.editPosts) ?? false) {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit items.",
                                    status: RESTServer.authorizationRequiredStatus(r)))
        }
        return .allowed
    }

    static let writePermission: RESTPermissionCheck = { r in
        if !(r.user?.can(.editPosts) ?? false) {
            return .error(RESTError("rest_cannot_create", "Sorry, you are not allowed to change items.",
                                    status: RESTServer.authorizationRequiredStatus(r)))
        }
        return .allowed
    }

    static func getItems(_ r: RESTRequest) async throws -> RESTResponse {
        var ids = Array(1...count)
        if let include = r["include"]?.arrayValue, !include.isEmpty {
            let wanted = include.compactMap(\.intValue)
            ids = ids.filter { wanted.contains($0) }
        }
        if let search = r["search"]?.stringValue, !search.isEmpty {
            ids = ids.filter { "Item \($0)".contains(search) }
        }
        if r["order"]?.stringValue == "desc" { ids.reverse() }
        let page = r["page"]?.intValue ?? 1, perPage = r["per_page"]?.intValue ?? 10
        let total = ids.count
        _ = try Pagination.totalPages(total: total, perPage: perPage, page: page)
        let slice = ids.dropFirst((page - 1) * perPage).prefix(perPage)
        var response = RESTResponse(.array(slice.map { prepare(item($0), r).dataWithLinks }))
        Pagination.addHeaders(to: &response, request: r, collectionRoute: route, total: total, perPage: perPage, page: page)
        return response
    }

    static func requestedItem(_ r: RESTRequest) throws -> Int {
        guard let id = r["id"]?.intValue, (1...count).contains(id) else {
            throw RESTError("rest_item_invalid_id", "Invalid item ID.", status: 404)
        }
        return id
    }

    static func getItem(_ r: RESTRequest) async throws -> RESTResponse {
        prepare(item(try requestedItem(r)), r)
    }

    static func apply(_ r: RESTRequest, to item: inout JSONObject) {
        switch r["title"] {
        case .string(let t)?: item["title"] = ["raw": .string(t), "rendered": .string(t)]
        case .object(let o)?: if let raw = o["raw"] { item["title"] = ["raw": raw, "rendered": raw] }
        default: break
        }
        if let status = r["status"] { item["status"] = status }
        if case .object(let meta)? = r["meta"] {
            var current = item["meta"]?.objectValue ?? JSONObject()
            for (k, v) in meta { current[k] = v }
            item["meta"] = .object(current)
        }
        if let tags = r["tags"] { item["tags"] = tags }
        if let secret = r["secret"] { item["secret"] = secret }
        if let score = r["score"] { item["score"] = score }
    }

    static func createItem(_ r: RESTRequest) async throws -> RESTResponse {
        var new = item(count + 1)
        apply(r, to: &new)
        var response = prepare(new, r)
        response.status = 201
        response.header("Location", r.server.site.restURL("\(route)/\(count + 1)"))
        return response
    }

    static func updateItem(_ r: RESTRequest) async throws -> RESTResponse {
        var existing = item(try requestedItem(r))
        apply(r, to: &existing)
        return prepare(existing, r)
    }

    static func deleteItem(_ r: RESTRequest) async throws -> RESTResponse {
        let id = try requestedItem(r)
        guard r["force"]?.boolValue == true else {
            throw RESTError("rest_trash_not_supported", "Items do not support trashing. Set 'force=true' to delete.", status: 501)
        }
        let previous = prepare(item(id), r, context: "edit")
        return RESTResponse(["deleted": true, "previous": previous.data])
    }
}
