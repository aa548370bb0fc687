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
        func link(_ name: String, _ kind: String, _ labels: JSON?) -> JSON {
            // Tags link as `tag`.
            let shown = name == "post_tag" ? "tag" : name
            return ["name": .string(shown), "title": labels?["item_link"] ?? "", "description": labels?["item_link_description"] ?? "",
                    "attributes": ["type": .string(shown), "kind": .string(kind)]]
        }
        let inMenus = types.postTypes.filter { $0.name != "attachment" && $0.isPublic }
        let typeLinks = Self.builtInsFirst(inMenus, isBuiltIn: { Self.builtInTypes.contains($0.name) }) {
            link($0.name, "post-type", .object(PostTypeLabels.of($0)))
        }
        let inMenusTaxonomies = types.taxonomies.filter(\.isPublic)
        let taxonomyLinks = Self.builtInsFirst(inMenusTaxonomies, isBuiltIn: { Self.builtInTaxonomies.contains($0.name) }) {
            link($0.name, "taxonomy", .object(TaxonomyLabels.of($0)))
        }
        // Built-in types, built-in taxonomies, then the plugins' types and taxonomies.
        let builtInTypeCount = inMenus.filter { Self.builtInTypes.contains($0.name) }.count
        let builtInTaxonomyCount = inMenusTaxonomies.filter { Self.builtInTaxonomies.contains($0.name) }.count
        return Array(typeLinks.prefix(builtInTypeCount)) + Array(taxonomyLinks.prefix(builtInTaxonomyCount))
            + Array(typeLinks.dropFirst(builtInTypeCount)) + Array(taxonomyLinks.dropFirst(builtInTaxonomyCount))
    }

    var postTerms: [JSON] {
        Self.builtInsFirst(types.taxonomies.filter { $0.showInREST && $0.isPublic }, isBuiltIn: { Self.builtInTaxonomies.contains($0.name) }) { t in
            var v: JSONObject = ["name": .string(t.name), "title": .string(t.label),
                                 "description": .string("Display the assigned taxonomy: \(t.label)"),
                                 "attributes": ["term": .string(t.name)], "isActive": ["term"]]
            if t.name == "category" { v["isDefault"] = true }
            return .object(v)
        }
    }

    var templatePartAreas: [JSON] {
        TemplatePartArea.all.filter { $0.area != "uncategorized" }.map {
            ["name": .string($0.area), "title": .string($0.label), "description": .string($0.description),
             "attributes": ["area": .string($0.area)], "scope": ["inserter"], "icon": .string($0.icon)]
        }
    }

    /// One variation per part of the active block theme (its own, then its parent's).
    var templateParts: [JSON] {
        let files = ThemeTemplateFiles(themes: themes)
        return files.files(.part).map { file in
            let part = files.template(file, .part)
            let area = part.area ?? TemplatePartArea.uncategorized
            let icon = TemplatePartArea.all.first { $0.area == area }?.icon ?? "layout"
            let attributes: JSON = ["slug": .string(part.slug), "theme": .string(part.theme), "area": .string(area)]
            // WordPress gives each the description `true`, written as "1".
            return ["name": .string(Slug.sanitizeTitle(part.slug)), "title": .string(part.title), "description": "1",
                    "attributes": attributes, "scope": ["inserter"], "icon": .string(icon), "example": ["attributes": attributes]]
        }
    }
}
