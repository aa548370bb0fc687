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
    static let everyContext: JSON = ["view", "edit", "embed"]

    static func field(_ description: String, _ type: JSON, _ extra: JSONObject = [:]) -> JSON {
        var o: JSONObject = ["description": .string(description), "type": type, "context": everyContext]
        for (k, v) in extra { o[k] = v }
        return .object(o)
    }

    static let schema: JSONObject = [
        "$schema": "http://json-schema.org/draft-04/schema#", "title": "nav_menu_item", "type": "object",
        "properties": [
            "title": field("The title for the object.", ["string", "object"], ["properties": [
                "raw": ["description": "Title for the object, as it exists in the database.", "type": "string", "context": ["edit"]],
                "rendered": ["description": "HTML title for the object, transformed for display.", "type": "string",
                             "context": ["view", "edit", "embed"], "readonly": true],
            ]]),
            "id": field("Unique identifier for the object.", "integer", ["default": 0, "minimum": 0, "readonly": true]),
            "type_label": field("The singular label used to describe this type of menu item.", "string", ["readonly": true]),
            "type": field("The family of objects originally represented, such as \"post_type\" or \"taxonomy\".", "string",
                          ["enum": .array(MenuItem.Kind.allCases.map { .string($0.rawValue) }), "default": "custom"]),
            "status": field("A named status for the object.", "string", ["enum": .array(PostStatus.settable.map { JSON.string($0.rawValue) }), "default": "publish"]),
            "parent": field("The ID for the parent of the object.", "integer", ["minimum": 0, "default": 0]),
            "attr_title": field("Text for the title attribute of the link element for this menu item.", "string"),
            "classes": field("Class names for the link element of this menu item.", "array", ["items": ["type": "string"]]),
            "description": field("The description of this menu item.", "string"),
            "menu_order": field("The DB ID of the nav_menu_item that is this item's menu parent, if any, otherwise 0.", "integer",
                                ["minimum": 1, "default": 1]),
            "object": field("The type of object originally represented, such as \"category\", \"post\", or \"attachment\".", "string"),
            "object_id": field("The database ID of the original object this menu item represents, for example the ID for posts or the term_id for categories.",
                               "integer", ["minimum": 0, "default": 0]),
            "target": field("The target attribute of the link element for this menu item.", "string", ["enum": ["_blank", ""]]),
            "url": field("The URL to which this menu item points.", "string", ["format": "uri"]),
            "xfn": field("The XFN relationship expressed in the link of this menu item.", "array", ["items": ["type": "string"]]),
            "invalid": field("Whether the menu item represents an object that no longer exists.", "boolean", ["readonly": true]),
            "meta": ["description": "Meta fields.", "type": "object", "context": ["view", "edit"], "properties": []],
        ],
    ]

    /// The field order of an answer (`prepare_item_for_response`).
    static let order = ["id", "title", "status", "url", "attr_title", "description", "type", "type_label", "object", "object_id",
                        "parent", "menu_order", "target", "classes", "xfn", "invalid", "meta", "menus"]
}
