import QuireREST

/// A taxonomy's `labels`: WordPress's defaults for flat (tag-like) or hierarchical
/// (category-like) taxonomies, with the taxonomy's own name and singular name.
///
///     TaxonomyLabels.of(categoryInfo)["search_items"]   // "Search Categories"
enum TaxonomyLabels {
    static let nameField = "The name is how it appears on your site."
    static let slugField = "The &#8220;slug&#8221; is the URL-friendly version of the name. It is usually all lowercase and contains only letters, numbers, and hyphens."
    static let parentField = "Assign a parent term to create a hierarchy. The term Jazz, for example, would be the parent of Bebop and Big Band."
    static let descField = "The description is not prominent by default; however, some themes may show it."

    /// (key, flat, hierarchical) in WordPress's order; nil is `null`.
    static let defaults: [(String, String?, String?)] = [
        ("search_items", "Search Tags", "Search Categories"),
        ("popular_items", "Popular Tags", nil),
        ("all_items", "All Tags", "All Categories"),
        ("parent_item", nil, "Parent Category"),
        ("parent_item_colon", nil, "Parent Category:"),
        ("name_field_description", nameField, nameField),
        ("slug_field_description", slugField, slugField),
        ("parent_field_description", nil, parentField),
        ("desc_field_description", descField, descField),
        ("edit_item", "Edit Tag", "Edit Category"),
        ("view_item", "View Tag", "View Category"),
        ("update_item", "Update Tag", "Update Category"),
        ("add_new_item", "Add New Tag", "Add New Category"),
        ("new_item_name", "New Tag Name", "New Category Name"),
        ("separate_items_with_commas", "Separate tags with commas", nil),
        ("add_or_remove_items", "Add or remove tags", nil),
        ("choose_from_most_used", "Choose from the most used tags", nil),
        ("not_found", "No tags found.", "No categories found."),
        ("no_terms", "No tags", "No categories"),
        ("filter_by_item", nil, "Filter by category"),
        ("items_list_navigation", "Tags list navigation", "Categories list navigation"),
        ("items_list", "Tags list", "Categories list"),
        ("most_used", "Most Used", "Most Used"),
        ("back_to_items", "&larr; Go to Tags", "&larr; Go to Categories"),
        ("item_link", "Tag Link", "Category Link"),
        ("item_link_description", "A link to a tag.", "A link to a category."),
    ]

    static func of(_ t: TaxonomyInfo) -> JSONObject {
        var o = JSONObject()
        o.appendUnique("name", .string(t.label))
        o.appendUnique("singular_name", .string(t.singularLabel))
        for (key, flat, hierarchical) in defaults {
            o.appendUnique(key, (t.hierarchical ? hierarchical : flat).map(JSON.string) ?? .null)
        }
        // WordPress's own taxonomies name no labels when registered, so the admin bar shows their
        // name; any other's list of all terms and archives are called by its menu's name.
        let builtIn = t.name == "category" || t.name == "post_tag"
        let menu = t.ownLabels["menu_name"] ?? t.label, all = t.ownLabels["all_items"] ?? menu
        if !builtIn { o["all_items"] = .string(all) }
        o.appendUnique("menu_name", .string(t.label))
        o.appendUnique("name_admin_bar", .string(builtIn ? t.name : t.singularLabel))
        if !builtIn { o.appendUnique("archives", .string(t.ownLabels["archives"] ?? all)) }
        for (key, value) in t.ownLabels.sorted(by: { $0.key < $1.key }) {
            if o[key] != nil { o[key] = .string(value) } else { o.appendUnique(key, .string(value)) }
        }
        return o
    }
}
