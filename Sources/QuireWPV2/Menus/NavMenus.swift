import QuireREST
import QuireStore

/// `nav_menu`: the classic menus at `/wp/v2/menus`, served by the terms controller as
/// WordPress's menus controller extends it: edited by those who may edit the theme's options,
/// read also by anyone who may edit posts, each with the locations it fills and whether new
/// top-level pages join it (`MenuFields`).
enum NavMenus {
    static let taxonomy: TaxonomyInfo = {
        var t = TaxonomyInfo(name: "nav_menu", restBase: "menus", hierarchical: false, label: "Navigation Menus",
                             singularLabel: "Navigation Menu", types: ["nav_menu_item"])
        let manage = Capability.editThemeOptions
        t.capabilities = TaxonomyCapabilities(manageTerms: manage, editTerms: manage, deleteTerms: manage, assignTerms: manage)
        t.isPublic = false
        t.showUI = false
        t.showCloud = false
        t.controller = .menus
        t.objectRoutes = ["nav_menu_item": "/wp/v2/menu-items"]
        t.ownLabels = ["all_items": "Navigation Menus", "archives": "Navigation Menus"]
        return t
    }()
}

/// A menu's `locations` (the theme's menu locations it fills, from the `nav_menu_locations`
/// theme mod) and `auto_add` (the `nav_menu_options` option), read and written as WordPress's
/// menus controller does.
struct MenuFields {
    let store: any ContentStore
    let themes: ThemeLibrary

    var themeMods: String { "theme_mods_\(themes.activeStylesheet)" }

    var fields: [RESTField] {
        let store = self.store, themeMods = self.themeMods
        let registered = MenuLocationsController.registered(in: themes)
        let locations = RESTField(name: "locations", schema: [
            "description": "The locations assigned to the menu.", "type": "array", "items": ["type": "string"], "context": ["view", "edit"],
        ], get: { _, id, _ in
            let assigned = (try? await store.option(themeMods))?["nav_menu_locations"]?.objectValue ?? JSONObject()
            return .array(assigned.filter { PHPScalar.toInt($0.value) == id }.map { .string($0.key) })
        }, update: { value, id, _ in
            let wanted = value.arrayValue?.map(PHPScalar.toString) ?? []
            if let unknown = wanted.first(where: { registered[$0] == nil }) {
                throw RESTError("rest_invalid_param", "Invalid parameter(s): locations", status: 400, extra: [
                    "params": ["locations": "Invalid menu location."],
                    "details": ["locations": ["code": "rest_invalid_menu_location", "message": "Invalid menu location.",
                                              "data": ["location": .string(unknown)]]],
                ])
            }
            var mods = (try await store.option(themeMods))?.objectValue ?? JSONObject()
            var assigned = mods["nav_menu_locations"]?.objectValue ?? JSONObject()
            for (location, menu) in assigned where PHPScalar.toInt(menu) == id { assigned[location] = nil }
            for location in wanted { assigned[location] = .int(id) }
            mods["nav_menu_locations"] = .object(assigned)
            try await store.setOptions([(themeMods, .object(mods))])
        })
        let autoAdd = RESTField(name: "auto_add", schema: [
            "description": "Whether to automatically add top level pages to this menu.", "context": ["view", "edit"], "type": "boolean",
        ], get: { _, id, _ in
            let list = (try? await store.option("nav_menu_options"))?["auto_add"]?.arrayValue ?? []
            return .bool(list.contains { $0.intValue == id })
        }, update: { value, id, _ in
            var options = (try await store.option("nav_menu_options"))?.objectValue ?? JSONObject()
            var list = options["auto_add"]?.arrayValue ?? []
            let on = PHPScalar.toBool(value)
            if on && !list.contains(where: { $0.intValue == id }) { list.append(.int(id)) }
            if !on { list.removeAll { $0.intValue == id } }
            options["auto_add"] = .array(list)
            try await store.setOptions([("nav_menu_options", .object(options))])
        })
        return [locations, autoAdd]
    }
}
