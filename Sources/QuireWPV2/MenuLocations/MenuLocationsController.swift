import Foundation
import QuireREST
import QuireStore

/// `/wp/v2/menu-locations` and `/wp/v2/menu-locations/<location>`: the places the active theme
/// (and its parent) register for classic menus in their `functions.php`
/// (`register_nav_menus`), and the menu the site's `nav_menu_locations` theme mod puts in
/// each. A block theme registers none. Reading them needs `edit_theme_options`.
struct MenuLocationsController: CatalogueController {
    let themes: ThemeLibrary
    let store: any ContentStore
    /// The registered locations, read from the themes' files once.
    let locations: JSONObject

    init(themes: ThemeLibrary, store: any ContentStore) {
        self.themes = themes
        self.store = store
        locations = Self.registered(in: themes)
    }

    static let schema = Schema.resource("menu-location", [
        ("name", Schema("The name of the menu location.", .string).context(.embed, .view, .edit).readonly()),
        ("description", Schema("The description of the menu location.", .string).context(.embed, .view, .edit).readonly()),
        ("menu", Schema("The ID of the assigned menu.", .integer).context(.embed, .view, .edit).readonly()),
    ])

    var base: String { "menu-locations" }
    var key: String { "location" }
    var keyDescription: String { "An alphanumeric identifier for the menu location." }
    var schema: JSONObject { Self.schema }

    func listPermission(_ r: RESTRequest) async throws -> Permission {
        if r.can(.editThemeOptions) { return .allowed }
        return .error(RESTError("rest_cannot_view", "Sorry, you are not allowed to view menu locations.", status: r.authorizationStatus))
    }

    /// The locations the active theme and its parent register, the active theme's first
    /// (`get_registered_nav_menus`).
    static func registered(in themes: ThemeLibrary) -> JSONObject {
        var found = JSONObject()
        for theme in themes.activeChain.reversed() {
            guard let data = FileManager.default.contents(atPath: theme.folder.appendingPathComponent("functions.php").path),
                  data.count <= 1 << 20,
                  let registered = PHPArrayLiteral.strings(passedTo: "register_nav_menus", in: String(decoding: data, as: UTF8.self)) else { continue }
            for (name, description) in registered { found[name] = description }
        }
        return found
    }

    /// The menu placed in each location (`get_nav_menu_locations`).
    func assigned() async throws -> [String: Int] {
        let mods = try await store.option("theme_mods_\(themes.activeStylesheet)")
        var out: [String: Int] = [:]
        for (name, id) in mods?["nav_menu_locations"]?.objectValue ?? JSONObject() { out[name] = PHPScalar.toInt(id) }
        return out
    }

    func readPermission(_ r: RESTRequest) async throws -> Permission { try await listPermission(r) }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        let menus = try await assigned()
        var out = JSONObject()
        for (name, description) in locations {
            out[name] = prepare(name, description, menu: menus[name] ?? 0, r).dataWithLinks
        }
        return RESTResponse(.object(out))
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        let name = r["location"]?.stringValue ?? ""
        guard let description = locations[name] else {
            throw RESTError("rest_menu_location_invalid", "Invalid menu location.", status: 404)
        }
        return prepare(name, description, menu: try await assigned()[name] ?? 0, r)
    }

    func prepare(_ name: String, _ description: JSON, menu: Int, _ r: RESTRequest) -> RESTResponse {
        let o: JSONObject = ["name": .string(name), "description": description, "menu": .int(menu)]
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: Self.schema, context: r.context))
        guard r.wantsLinks else { return response }
        response.addLink("self", r.server.site.restURL("/wp/v2/menu-locations/\(name)"))
        response.addLink("collection", r.server.site.restURL("/wp/v2/menu-locations"))
        return response
    }
}
