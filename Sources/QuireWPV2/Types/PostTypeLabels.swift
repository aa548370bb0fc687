import QuireREST

/// A post type's labels as `/wp/v2/types` shows them (`get_post_type_labels`): WordPress's
/// defaults for posts (or pages, when hierarchical) in the type's own words, with the labels
/// a type names itself laid over them.
///
///     PostTypeLabels.of(PostTypes.page)["archives"]   // "Page Archives"
enum PostTypeLabels {
    static func of(_ t: PostType) -> JSONObject {
        // Media names only a few labels of its own; the rest are the defaults for posts.
        if t.name == "attachment", case var o = defaults(plural: "Posts", singular: "Post", hierarchical: false) {
            for (k, v) in [("name", "Media"), ("singular_name", "Media"), ("edit_item", "Edit Media"), ("view_item", "View Attachment Page"),
                           ("all_items", "Media"), ("archives", "Media"), ("attributes", "Attachment Attributes"),
                           ("menu_name", "Media"), ("name_admin_bar", "Media")] { o[k] = .string(v) }
            return o
        }
        // Reusable blocks name theirs; the rest are the defaults for posts.
        if t.controller == .blocks, case var o = defaults(plural: "Posts", singular: "Post", hierarchical: false) {
            for (k, v) in [("name", t.label), ("singular_name", t.singularLabel), ("add_new_item", "Add new \(t.singularLabel)"),
                           ("edit_item", "Edit \(t.singularLabel)"), ("new_item", "New \(t.singularLabel)"), ("view_item", "View \(t.singularLabel)"),
                           ("all_items", "All \(t.label)"), ("archives", "All \(t.label)"), ("search_items", "Search \(t.label)"),
                           ("not_found", "No \(t.label.lowercased()) found."), ("not_found_in_trash", "No \(t.label.lowercased()) found in Trash."),
                           ("filter_items_list", "Filter \(t.label.lowercased()) list"), ("items_list_navigation", "\(t.label) list navigation"),
                           ("items_list", "\(t.label) list"), ("item_published", "\(t.singularLabel) published."),
                           ("item_published_privately", "\(t.singularLabel) published privately."),
                           ("item_reverted_to_draft", "\(t.singularLabel) reverted to draft."),
                           ("item_scheduled", "\(t.singularLabel) scheduled."), ("item_updated", "\(t.singularLabel) updated."),
                           ("menu_name", t.label), ("name_admin_bar", t.singularLabel)] { o[k] = .string(v) }
            return o
        }
        if t.name == "post" || t.name == "page" { return defaults(plural: t.label, singular: t.singularLabel, hierarchical: t.hierarchical) }
        // Any other type has WordPress's labels for posts (pages, when hierarchical) but for its
        // names, which follow from its label and the labels it names (`_get_custom_object_labels`).
        var o = t.hierarchical ? defaults(plural: "Pages", singular: "Page", hierarchical: true)
                               : defaults(plural: "Posts", singular: "Post", hierarchical: false)
        let own = t.ownLabels
        let name = own["name"] ?? t.label, singular = own["singular_name"] ?? t.singularLabel
        let menu = own["menu_name"] ?? name, all = own["all_items"] ?? menu
        for (key, value) in [("name", name), ("singular_name", singular), ("menu_name", menu), ("all_items", all),
                             ("archives", own["archives"] ?? all), ("name_admin_bar", own["name_admin_bar"] ?? singular)] {
            o[key] = .string(value)
        }
        for (key, value) in own.sorted(by: { $0.key < $1.key }) { o[key] = .string(value) }
        return o
    }

    static func defaults(plural: String, singular: String, hierarchical: Bool) -> JSONObject {
        let lower = plural.lowercased(), lowerOne = singular.lowercased()
        return [
            "name": .string(plural), "singular_name": .string(singular), "add_new": "Add New",
            "add_new_item": .string("Add New \(singular)"), "edit_item": .string("Edit \(singular)"),
            "new_item": .string("New \(singular)"), "view_item": .string("View \(singular)"), "view_items": .string("View \(plural)"),
            "search_items": .string("Search \(plural)"), "not_found": .string("No \(lower) found."),
            "not_found_in_trash": .string("No \(lower) found in Trash."), "parent_item_colon": hierarchical ? .string("Parent \(singular):") : .null,
            "all_items": .string("All \(plural)"), "archives": .string("\(singular) Archives"),
            "attributes": .string("\(singular) Attributes"), "insert_into_item": .string("Insert into \(lowerOne)"),
            "uploaded_to_this_item": .string("Uploaded to this \(lowerOne)"), "featured_image": "Featured image",
            "set_featured_image": "Set featured image", "remove_featured_image": "Remove featured image",
            "use_featured_image": "Use as featured image", "filter_items_list": .string("Filter \(lower) list"),
            "filter_by_date": "Filter by date", "items_list_navigation": .string("\(plural) list navigation"),
            "items_list": .string("\(plural) list"), "item_published": .string("\(singular) published."),
            "item_published_privately": .string("\(singular) published privately."),
            "item_reverted_to_draft": .string("\(singular) reverted to draft."), "item_scheduled": .string("\(singular) scheduled."),
            "item_updated": .string("\(singular) updated."), "item_link": .string("\(singular) Link"),
            "item_link_description": .string("A link to a \(lowerOne)."), "menu_name": .string(plural),
            "name_admin_bar": .string(singular),
        ]
    }
}
