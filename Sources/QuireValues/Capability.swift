/// A capability a user holds or is asked for, named as WordPress names it: a primitive one that
/// a role grants (`edit_posts`), or a meta capability on one object (`edit_post`, with the post)
/// that the site maps to the primitive ones it needs, as `map_meta_cap` does. Open: a plugin
/// names its own as static constants, and a misspelt name is a compile error.
///
///     extension Capability { static let manageShelves = Capability("manage_shelves") }
///     guard request.can(.manageShelves) else { return .denied }
public struct Capability: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}

/// WordPress's primitive capabilities that Quire asks for (`Roles` lists what each role grants),
/// then its meta capabilities.
extension Capability {
    public static let read = Capability("read")
    public static let editPosts = Capability("edit_posts")
    public static let editOthersPosts = Capability("edit_others_posts")
    public static let editPublishedPosts = Capability("edit_published_posts")
    public static let editPrivatePosts = Capability("edit_private_posts")
    public static let publishPosts = Capability("publish_posts")
    public static let readPrivatePosts = Capability("read_private_posts")
    public static let deletePosts = Capability("delete_posts")
    public static let deleteOthersPosts = Capability("delete_others_posts")
    public static let deletePublishedPosts = Capability("delete_published_posts")
    public static let deletePrivatePosts = Capability("delete_private_posts")
    public static let editPages = Capability("edit_pages")
    public static let publishPages = Capability("publish_pages")
    public static let uploadFiles = Capability("upload_files")
    public static let unfilteredHTML = Capability("unfiltered_html")
    public static let moderateComments = Capability("moderate_comments")
    public static let manageOptions = Capability("manage_options")
    public static let manageCategories = Capability("manage_categories")
    public static let listUsers = Capability("list_users")
    public static let editUsers = Capability("edit_users")
    public static let deleteUsers = Capability("delete_users")
    public static let promoteUsers = Capability("promote_users")
    public static let removeUsers = Capability("remove_users")
    public static let createUsers = Capability("create_users")
    public static let editThemeOptions = Capability("edit_theme_options")
    public static let switchThemes = Capability("switch_themes")
    public static let managePostTags = Capability("manage_post_tags")
    public static let editCategories = Capability("edit_categories")
    public static let editPostTags = Capability("edit_post_tags")
    public static let deleteCategories = Capability("delete_categories")
    public static let deletePostTags = Capability("delete_post_tags")
    public static let assignCategories = Capability("assign_categories")
    public static let assignPostTags = Capability("assign_post_tags")
    public static let doNotAllow = Capability("do_not_allow")

    // Meta capabilities: asked on one object (a post, a user, a term), mapped to primitive ones.
    public static let editPost = Capability("edit_post")
    public static let deletePost = Capability("delete_post")
    public static let readPost = Capability("read_post")
    public static let publishPost = Capability("publish_post")
    public static let editUser = Capability("edit_user")
    public static let deleteUser = Capability("delete_user")
    public static let promoteUser = Capability("promote_user")
    public static let removeUser = Capability("remove_user")
    public static let createUser = Capability("create_user")
    public static let editTerm = Capability("edit_term")
    public static let deleteTerm = Capability("delete_term")
    public static let assignTerm = Capability("assign_term")
    public static let editAppPassword = Capability("edit_app_password")
    public static let deleteAppPasswords = Capability("delete_app_passwords")
    public static let deleteAppPassword = Capability("delete_app_password")
    public static let createAppPassword = Capability("create_app_password")
    public static let listAppPasswords = Capability("list_app_passwords")
    public static let readAppPassword = Capability("read_app_password")
}
