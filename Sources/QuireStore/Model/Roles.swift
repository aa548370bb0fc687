import QuireValues

/// WordPress's five roles and the primitive capabilities each grants, in WordPress's order.
public enum Roles {
    public static let names = ["administrator", "editor", "author", "contributor", "subscriber"]

    public static let displayNames = ["administrator": "Administrator", "editor": "Editor", "author": "Author",
                                      "contributor": "Contributor", "subscriber": "Subscriber"]

    static let subscriber = ["read", "level_0"]
    static let contributor = ["edit_posts", "read", "level_1", "level_0", "delete_posts"]
    static let author = ["upload_files", "edit_posts", "edit_published_posts", "publish_posts", "read", "level_2",
                         "level_1", "level_0", "delete_posts", "delete_published_posts"]
    static let editor = ["moderate_comments", "manage_categories", "manage_links", "upload_files", "unfiltered_html",
                         "edit_posts", "edit_others_posts", "edit_published_posts", "publish_posts", "edit_pages", "read",
                         "level_7", "level_6", "level_5", "level_4", "level_3", "level_2", "level_1", "level_0",
                         "edit_others_pages", "edit_published_pages", "publish_pages", "delete_pages",
                         "delete_others_pages", "delete_published_pages", "delete_posts", "delete_others_posts",
                         "delete_published_posts", "delete_private_posts", "edit_private_posts", "read_private_posts",
                         "delete_private_pages", "edit_private_pages", "read_private_pages"]
    static let administrator = ["switch_themes", "edit_themes", "activate_plugins", "edit_plugins", "edit_users",
                                "edit_files", "manage_options", "moderate_comments", "manage_categories", "manage_links",
                                "upload_files", "import", "unfiltered_html", "edit_posts", "edit_others_posts",
                                "edit_published_posts", "publish_posts", "edit_pages", "read", "level_10", "level_9",
                                "level_8", "level_7", "level_6", "level_5", "level_4", "level_3", "level_2", "level_1",
                                "level_0", "edit_others_pages", "edit_published_pages", "publish_pages", "delete_pages",
                                "delete_others_pages", "delete_published_pages", "delete_posts", "delete_others_posts",
                                "delete_published_posts", "delete_private_posts", "edit_private_posts",
                                "read_private_posts", "delete_private_pages", "edit_private_pages", "read_private_pages",
                                "delete_users", "create_users", "unfiltered_upload", "edit_dashboard", "update_plugins",
                                "delete_plugins", "install_plugins", "update_themes", "install_themes", "update_core",
                                "list_users", "remove_users", "promote_users", "edit_theme_options", "delete_themes",
                                "export"]

    /// The capabilities a role grants, in order; empty for an unknown role.
    public static func capabilities(of role: String) -> [String] {
        switch role {
        case "administrator": return administrator
        case "editor": return editor
        case "author": return author
        case "contributor": return contributor
        case "subscriber": return subscriber
        default: return []
        }
    }

    /// Whether `role` grants `capability`.
    ///
    ///     Roles.role("author", grants: .publishPosts)   // true
    public static func role(_ role: String, grants capability: Capability) -> Bool {
        granted[role]?.contains(capability.rawValue) ?? false
    }

    private static let granted: [String: Set<String>] = Dictionary(uniqueKeysWithValues: names.map { ($0, Set(capabilities(of: $0))) })
}
