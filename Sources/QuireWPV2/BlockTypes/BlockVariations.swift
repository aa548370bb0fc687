import Foundation
import QuireREST
import QuireStore

/// The variations WordPress gives three core blocks from the site itself: a navigation link
/// per post type and taxonomy shown in menus, a post-terms block per public taxonomy, and a
/// template part per template-part area and per part of the active block theme. WordPress's
/// own types and taxonomies come first, then those of plugins.
struct BlockVariations {
    let types: ContentTypes
    let themes: ThemeLibrary

    func of(_ block: String) -> [JSON]? {
        switch block {
        case "core/navigation-link": return navigationLinks
        case "core/post-terms": return postTerms
        case "core/template-part": return templatePartAreas + templateParts
        default: return nil
        }
    }

    static let builtInTypes: Set<String> = ["post", "page", "attachment"]
    static let builtInTaxonomies: Set<String> = ["category", "post_tag", "post_format"]

    /// `[built-in…, plugins'…]`.
    static func builtInsFirst<T>(_ items: [T], isBuiltIn: (T) -> Bool, _ make: (T) -> JSON) -> [JSON] {
        items.filter(isBuiltIn).map(make) + items.filter { !isBuiltIn($0) }.map(make)
    }

    var navigationLinks: [JSON] {
        let labels = TypesController(types: types.postTypes)
        func link(_ name: String, _ kind: String, _ labels: JSON?) -> JSON {
            // Tags link as `tag`.
            let shown = name == "post_tag" ? "tag" : name
            return ["name": .string(shown), "title": labels?["item_link"] ?? "", "description": labels?["item_link_description"] ?? "",
                    "attributes": ["type": .string(shown), "kind": .string(kind)]]
        }
        let inMenus = types.postTypes.filter { $0.name != "attachment" && $0.isPublic }
        let typeLinks = Self.builtInsFirst(inMenus, isBuiltIn: { Self.builtInTypes.contains($0.name) }) {
            link($0.name, "post-type", labels.labels($0))
        }
        let taxonomyLinks = Self.builtInsFirst(types.taxonomies, isBuiltIn: { Self.builtInTaxonomies.contains($0.name) }) {
            link($0.name, "taxonomy", .object(TaxonomyLabels.of($0)))
        }
        // Built-in types, built-in taxonomies, then the plugins' types and taxonomies.
        let builtInTypeCount = inMenus.filter { Self.builtInTypes.contains($0.name) }.count
        let builtInTaxonomyCount = types.taxonomies.filter { Self.builtInTaxonomies.contains($0.name) }.count
        return Array(typeLinks.prefix(builtInTypeCount)) + Array(taxonomyLinks.prefix(builtInTaxonomyCount))
            + Array(typeLinks.dropFirst(builtInTypeCount)) + Array(taxonomyLinks.dropFirst(builtInTaxonomyCount))
    }

    var postTerms: [JSON] {
        Self.builtInsFirst(types.taxonomies.filter(\.showInREST), isBuiltIn: { Self.builtInTaxonomies.contains($0.name) }) { t in
            var v: JSONObject = ["name": .string(t.name), "title": .string(t.label),
                                 "description": .string("Display the assigned taxonomy: \(t.label)"),
                                 "attributes": ["term": .string(t.name)], "isActive": ["term"]]
            if t.name == "category" { v["isDefault"] = true }
            return .object(v)
        }
    }

    /// The areas a template part may fill (`get_allowed_block_template_part_areas`).
    static let areas: [(area: String, label: String, description: String, icon: String)] = [
        ("uncategorized", "General", "General templates often perform a specific role like displaying post content, and are not tied to any particular area.", "layout"),
        ("header", "Header", "The Header template defines a page area that typically contains a title, logo, and main navigation.", "header"),
        ("footer", "Footer", "The Footer template defines a page area that typically contains site credits, social links, or any other combination of blocks.", "footer"),
    ]

    var templatePartAreas: [JSON] {
        Self.areas.filter { $0.area != "uncategorized" }.map {
            ["name": .string($0.area), "title": .string($0.label), "description": .string($0.description),
             "attributes": ["area": .string($0.area)], "scope": ["inserter"], "icon": .string($0.icon)]
        }
    }

    /// One variation per part of the active block theme (its own, then its parent's).
    var templateParts: [JSON] {
        ThemeTemplateParts(themes: themes).parts.map { part in
            let icon = Self.areas.first { $0.area == part.area }?.icon ?? "layout"
            let attributes: JSON = ["slug": .string(part.slug), "theme": .string(part.theme), "area": .string(part.area)]
            // WordPress gives each the description `true`, written as "1".
            return ["name": .string(Slug.sanitizeTitle(part.slug)), "title": .string(part.title), "description": "1",
                    "attributes": attributes, "scope": ["inserter"], "icon": .string(icon), "example": ["attributes": attributes]]
        }
    }
}

/// The template parts a block theme ships in its `parts/` folder, titled and placed in an
/// area by its `theme.json`'s `templateParts`; a child theme's part hides its parent's.
/// Files are taken in the order the folder lists them, as WordPress takes them.
struct ThemeTemplateParts {
    struct Part {
        var slug, title, area, theme: String
    }

    let parts: [Part]

    init(themes: ThemeLibrary) {
        guard let active = themes.active, active.isBlockTheme else {
            parts = []
            return
        }
        var chain = [active]
        if active.template != active.stylesheet, let parent = themes.theme(active.template) { chain.append(parent) }
        let declared = chain.flatMap { $0.themeJSON?["templateParts"]?.arrayValue ?? [] }
        var found: [Part] = []
        for theme in chain {
            for folder in ["parts", "block-template-parts"] {
                let url = theme.folder.appendingPathComponent(folder)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                for name in names.prefix(500) where name.hasSuffix(".html") {
                    let slug = String(name.dropLast(5))
                    if found.contains(where: { $0.slug == slug }) { continue }
                    let entry = declared.first { $0["name"]?.stringValue == slug }
                    var area = entry?["area"]?.stringValue ?? "uncategorized"
                    if !BlockVariations.areas.contains(where: { $0.area == area }) { area = "uncategorized" }
                    found.append(Part(slug: slug, title: entry?["title"]?.stringValue ?? slug, area: area, theme: theme.stylesheet))
                }
            }
        }
        parts = found
    }
}
