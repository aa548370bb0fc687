import QuireREST
import QuireStore

extension PostTypes {
    /// `nav_menu_item`: the entries of classic menus (`/wp/v2/menu-items`), each a link to a
    /// post, a term, a post type's archive or any address, in one `nav_menu` menu. Managed by
    /// those who may edit the theme's options, read by anyone who may edit posts
    /// (`MenuItemsController`).
    public static let menuItem: PostType = {
        var type = PostType.custom(name: "nav_menu_item", label: "Navigation Menu Items", singularLabel: "Navigation Menu Item",
                                   restBase: "menu-items", taxonomies: ["nav_menu"], capabilities: .themeOptions(singular: "post"))
        type.capabilities.read = .read
        type.icon = nil
        type.isPublic = false
        type.isViewable = false
        type.showUI = false
        type.controller = .menuItems
        // Labels it does not name follow from its name (`_get_custom_object_labels`).
        type.ownLabels = ["name": "Navigation Menu Items", "singular_name": "Navigation Menu Item", "menu_name": "Navigation Menu Items",
                          "all_items": "Navigation Menu Items", "archives": "Navigation Menu Items", "name_admin_bar": "Navigation Menu Item"]
        type.schema = MenuItemSchema.schema
        var collection = type.collectionArguments
        if var perPage = collection["per_page"]?.objectValue {
            perPage["default"] = 100
            collection["per_page"] = .object(perPage)
        }
        collection["order"] = ["description": "Order sort attribute ascending or descending.", "type": "string", "default": "asc",
                               "enum": ["asc", "desc"]]
        collection["orderby"] = ["description": "Sort collection by object attribute.", "type": "string", "default": "menu_order",
                                 "enum": ["author", "date", "id", "include", "modified", "parent", "relevance", "slug", "include_slugs",
                                          "title", "menu_order"]]
        collection["menu_order"] = ["description": "Limit result set to posts with a specific menu_order value.", "type": "integer"]
        type.collectionArguments = collection
        return type
    }()
}

/// The `nav_menu_item` schema (`WP_REST_Menu_Items_Controller::get_item_schema`); the
/// `menus` field is added with the type's taxonomy, as one menu id.
enum MenuItemSchema {
    static let everyContext: [RESTContext] = [.view, .edit, .embed]

    static let schema = Schema.resource("nav_menu_item", [
        ("title", Schema("The title for the object.", .string, .object).context(everyContext).properties([
            ("raw", Schema("Title for the object, as it exists in the database.", .string).context(.edit)),
            ("rendered", Schema("HTML title for the object, transformed for display.", .string).context(everyContext).readonly()),
        ])),
        ("id", Schema("Unique identifier for the object.", .integer).default(0).minimum(0).context(everyContext).readonly()),
        ("type_label", Schema("The singular label used to describe this type of menu item.", .string).context(everyContext).readonly()),
        ("type", Schema("The family of objects originally represented, such as \"post_type\" or \"taxonomy\".", .string)
            .enum(MenuItem.Kind.allCases.map(\.rawValue)).context(everyContext).default("custom")),
        ("status", Schema("A named status for the object.", .string).enum(PostStatus.settable.map(\.rawValue)).default("publish")
            .context(everyContext)),
        ("parent", Schema("The ID for the parent of the object.", .integer).minimum(0).default(0).context(everyContext)),
        ("attr_title", Schema("Text for the title attribute of the link element for this menu item.", .string).context(everyContext)),
        ("classes", Schema("Class names for the link element of this menu item.", .array).items(Schema(.string)).context(everyContext)),
        ("description", Schema("The description of this menu item.", .string).context(everyContext)),
        ("menu_order", Schema().description("The DB ID of the nav_menu_item that is this item's menu parent, if any, otherwise 0.")
            .context(everyContext).type(.integer).minimum(1).default(1)),
        ("object", Schema().description("The type of object originally represented, such as \"category\", \"post\", or \"attachment\".")
            .context(everyContext).type(.string)),
        ("object_id", Schema().description("The database ID of the original object this menu item represents, for example the ID for posts or the term_id for categories.")
            .context(everyContext).type(.integer).minimum(0).default(0)),
        ("target", Schema("The target attribute of the link element for this menu item.", .string).context(everyContext).enum("_blank", "")),
        ("url", Schema("The URL to which this menu item points.", .string).format(.uri).context(everyContext)),
        ("xfn", Schema("The XFN relationship expressed in the link of this menu item.", .array).items(Schema(.string)).context(everyContext)),
        ("invalid", Schema().description("Whether the menu item represents an object that no longer exists.").context(everyContext)
            .type(.boolean).readonly()),
        ("meta", Schema("Meta fields.", .object).context(.view, .edit).properties([])),
    ])

    /// The field order of an answer (`prepare_item_for_response`).
    static let order = ["id", "title", "status", "url", "attr_title", "description", "type", "type_label", "object", "object_id",
                        "parent", "menu_order", "target", "classes", "xfn", "invalid", "meta", "menus"]
}
