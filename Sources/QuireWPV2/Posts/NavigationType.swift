import QuireREST
import QuireStore

extension PostTypes {
    /// `wp_navigation`: the menus the Navigation block stores (`/wp/v2/navigation`), managed by
    /// those who may edit the theme's options; a published one may be read by anyone.
    public static let navigation: PostType = {
        var type = PostType.custom(name: "wp_navigation", label: "Navigation Menus", singularLabel: "Navigation Menu",
                                   restBase: "navigation", supports: ["title", "editor", "revisions"],
                                   capabilities: .themeOptions(singular: "post"))
        type.capabilities.read = .read
        type.icon = nil
        type.isPublic = false
        type.isViewable = false
        type.description = "Navigation menus that can be inserted into your site."
        type.ownLabels = [
            "name": "Navigation Menus", "singular_name": "Navigation Menu", "add_new_item": "Add New Navigation Menu",
            "edit_item": "Edit Navigation Menu", "new_item": "New Navigation Menu", "view_item": "View Navigation Menu",
            "search_items": "Search Navigation Menus", "not_found": "No Navigation Menu found.",
            "not_found_in_trash": "No Navigation Menu found in Trash.", "parent_item_colon": "Parent Navigation Menu:",
            "all_items": "Navigation Menus", "archives": "Navigation Menu archives", "insert_into_item": "Insert into Navigation Menu",
            "uploaded_to_this_item": "Uploaded to this Navigation Menu", "filter_items_list": "Filter Navigation Menu list",
            "items_list_navigation": "Navigation Menus list navigation", "items_list": "Navigation Menus list",
            "menu_name": "Navigation Menus", "name_admin_bar": "Navigation Menu",
        ]
        return type.builtWith([])
    }()
}
