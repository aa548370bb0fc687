import QuireValues

/// The capabilities a post type asks for (`capability_type` post or page).
public struct PostTypeCapabilities: Sendable, Equatable {
    public var editPosts, editOthersPosts, editPublishedPosts, editPrivatePosts: String
    public var publishPosts, readPrivatePosts, read, createPosts: String
    public var deletePosts, deleteOthersPosts, deletePublishedPosts, deletePrivatePosts: String
    /// The meta capabilities' base: `edit_<singular>`, `read_<singular>`, `delete_<singular>`.
    public var singular: String

    public init(singular: String = "post", plural: String = "posts", creating: String? = nil) {
        self.singular = singular
        editPosts = "edit_\(plural)"
        editOthersPosts = "edit_others_\(plural)"
        editPublishedPosts = "edit_published_\(plural)"
        editPrivatePosts = "edit_private_\(plural)"
        publishPosts = "publish_\(plural)"
        readPrivatePosts = "read_private_\(plural)"
        read = "read"
        createPosts = creating ?? "edit_\(plural)"
        deletePosts = "delete_\(plural)"
        deleteOthersPosts = "delete_others_\(plural)"
        deletePublishedPosts = "delete_published_\(plural)"
        deletePrivatePosts = "delete_private_\(plural)"
    }

    public static let post = PostTypeCapabilities()
    public static let page = PostTypeCapabilities(singular: "page", plural: "pages")
    public static let attachment = PostTypeCapabilities(creating: "upload_files")
}

/// Meta capabilities mapped to the primitive ones they need, as WordPress's `map_meta_cap` does.
public enum Capabilities {
    /// The primitive capabilities `cap` on `post` requires of `userID`; `["do_not_allow"]` when nothing will do.
    public static func required(_ cap: String, userID: Int, post: Post, caps c: PostTypeCapabilities,
                                publicStatuses: Set<String> = ["publish"], privateStatuses: Set<String> = ["private"],
                                privacyPolicyPage: Int = 0) -> [String] {
        let own = post.author != 0 && post.author == userID
        if (cap == "edit_post" || cap == "delete_post"), privacyPolicyPage > 0, post.id == privacyPolicyPage {
            return required(cap, userID: userID, post: post, caps: c) + ["manage_options"]
        }
        /// Editing and deleting ask the same way: one's own post by its status, another's also
        /// for the right over others' posts.
        func byOwnerAndStatus(own ownCap: String, others: String, published: String, privately: String) -> [String] {
            let isPublished = post.status == "publish" || post.status == "future"
            if own { return [isPublished ? published : ownCap] }
            if isPublished { return [others, published] }
            return post.status == "private" ? [others, privately] : [others]
        }
        switch cap {
        case "edit_post":
            return byOwnerAndStatus(own: c.editPosts, others: c.editOthersPosts, published: c.editPublishedPosts, privately: c.editPrivatePosts)
        case "delete_post":
            return byOwnerAndStatus(own: c.deletePosts, others: c.deleteOthersPosts, published: c.deletePublishedPosts,
                                    privately: c.deletePrivatePosts)
        case "read_post":
            if publicStatuses.contains(post.status) || own { return [c.read] }
            if privateStatuses.contains(post.status) { return [c.readPrivatePosts] }
            return required("edit_post", userID: userID, post: post, caps: c, privacyPolicyPage: privacyPolicyPage)
        case "publish_post":
            return [c.publishPosts]
        default:
            return [cap]
        }
    }

    /// Meta capabilities that need no stored object.
    public static func required(_ cap: String, userID: Int, args: [JSON]) -> [String] {
        switch cap {
        case "edit_user":
            if let target = args.first?.intValue, target == userID { return [] }
            return ["edit_users"]
        case "delete_user": return ["delete_users"]
        case "promote_user": return ["promote_users"]
        case "remove_user": return ["remove_users"]
        case "create_user": return ["create_users"]
        case "edit_term", "delete_term": return ["manage_categories"]
        case "assign_term": return ["edit_posts"]
        case "manage_post_tags", "edit_categories", "edit_post_tags", "delete_categories", "delete_post_tags": return ["manage_categories"]
        case "assign_categories", "assign_post_tags": return ["edit_posts"]
        case "edit_app_password", "delete_app_passwords", "delete_app_password", "create_app_password",
             "list_app_passwords", "read_app_password":
            if let target = args.first?.intValue, target == userID { return [] }
            return ["edit_users"]
        default:
            // Reusable blocks' primitive capabilities, asked for by name, are the posts' own.
            if blockCapabilities.contains(cap) { return [cap.replacingOccurrences(of: "_blocks", with: "_posts")] }
            return [cap]
        }
    }

    /// The `*_blocks` capabilities `map_meta_cap` answers with the `*_posts` ones. Only a
    /// check by name maps them: a meta capability on a block that resolves to one of them
    /// (deleting a draft block needs `delete_blocks`) stays unmapped, which no role holds.
    static let blockCapabilities: Set<String> = [
        "edit_blocks", "edit_others_blocks", "publish_blocks", "read_private_blocks", "delete_blocks",
        "delete_private_blocks", "delete_published_blocks", "delete_others_blocks", "edit_private_blocks", "edit_published_blocks",
    ]
}

extension PostTypeCapabilities {
    /// What `wp_block` (`capability_type` block, with its own map) asks for.
    public static var block: PostTypeCapabilities {
        var c = PostTypeCapabilities(singular: "block", plural: "blocks", creating: "publish_posts")
        c.read = "edit_posts"
        c.editPosts = "edit_posts"
        c.editPublishedPosts = "edit_published_posts"
        c.deletePublishedPosts = "delete_published_posts"
        c.editOthersPosts = "edit_others_posts"
        c.deleteOthersPosts = "delete_others_posts"
        return c
    }
}

extension PostTypeCapabilities {
    /// Every capability `edit_theme_options`, with meta capabilities on `singular`: what
    /// templates (`template`) and template parts (`post`) ask for.
    public static func themeOptions(singular: String) -> PostTypeCapabilities {
        var c = PostTypeCapabilities(singular: singular)
        let all = "edit_theme_options"
        (c.editPosts, c.editOthersPosts, c.editPublishedPosts, c.editPrivatePosts) = (all, all, all, all)
        (c.publishPosts, c.readPrivatePosts, c.read, c.createPosts) = (all, all, all, all)
        (c.deletePosts, c.deleteOthersPosts, c.deletePublishedPosts, c.deletePrivatePosts) = (all, all, all, all)
        return c
    }
}
