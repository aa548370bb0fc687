import QuireValues

/// The capabilities a post type asks for (`capability_type` post or page).
public struct PostTypeCapabilities: Sendable, Equatable {
    public var editPosts, editOthersPosts, editPublishedPosts, editPrivatePosts: Capability
    public var publishPosts, readPrivatePosts, read, createPosts: Capability
    public var deletePosts, deleteOthersPosts, deletePublishedPosts, deletePrivatePosts: Capability
    /// The meta capabilities' base: `edit_<singular>`, `read_<singular>`, `delete_<singular>`.
    public var singular: String

    public init(singular: String = "post", plural: String = "posts", creating: Capability? = nil) {
        self.singular = singular
        editPosts = Capability("edit_\(plural)")
        editOthersPosts = Capability("edit_others_\(plural)")
        editPublishedPosts = Capability("edit_published_\(plural)")
        editPrivatePosts = Capability("edit_private_\(plural)")
        publishPosts = Capability("publish_\(plural)")
        readPrivatePosts = Capability("read_private_\(plural)")
        read = .read
        createPosts = creating ?? Capability("edit_\(plural)")
        deletePosts = Capability("delete_\(plural)")
        deleteOthersPosts = Capability("delete_others_\(plural)")
        deletePublishedPosts = Capability("delete_published_\(plural)")
        deletePrivatePosts = Capability("delete_private_\(plural)")
    }

    public static let post = PostTypeCapabilities()
    public static let page = PostTypeCapabilities(singular: "page", plural: "pages")
    public static let attachment = PostTypeCapabilities(creating: .uploadFiles)
}

/// Meta capabilities mapped to the primitive ones they need, as WordPress's `map_meta_cap` does.
public enum Capabilities {
    /// The primitive capabilities `cap` on `post` requires of `userID`; `[.doNotAllow]` when nothing will do.
    public static func required(_ cap: Capability, userID: Int, post: Post, caps c: PostTypeCapabilities,
                                publicStatuses: Set<PostStatus> = [.publish], privateStatuses: Set<PostStatus> = [.private],
                                privacyPolicyPage: Int = 0) -> [Capability] {
        let own = post.author != 0 && post.author == userID
        if (cap == .editPost || cap == .deletePost), privacyPolicyPage > 0, post.id == privacyPolicyPage {
            return required(cap, userID: userID, post: post, caps: c) + [.manageOptions]
        }
        /// Editing and deleting ask the same way: one's own post by its status, another's also
        /// for the right over others' posts.
        func byOwnerAndStatus(own ownCap: Capability, others: Capability, published: Capability, privately: Capability) -> [Capability] {
            let isPublished = post.status == .publish || post.status == .future
            if own { return [isPublished ? published : ownCap] }
            if isPublished { return [others, published] }
            return post.status == .private ? [others, privately] : [others]
        }
        switch cap {
        case .editPost:
            return byOwnerAndStatus(own: c.editPosts, others: c.editOthersPosts, published: c.editPublishedPosts, privately: c.editPrivatePosts)
        case .deletePost:
            return byOwnerAndStatus(own: c.deletePosts, others: c.deleteOthersPosts, published: c.deletePublishedPosts,
                                    privately: c.deletePrivatePosts)
        case .readPost:
            if publicStatuses.contains(post.status) || own { return [c.read] }
            if privateStatuses.contains(post.status) { return [c.readPrivatePosts] }
            return required(.editPost, userID: userID, post: post, caps: c, privacyPolicyPage: privacyPolicyPage)
        case .publishPost:
            return [c.publishPosts]
        default:
            return [cap]
        }
    }

    /// Meta capabilities that need no stored object.
    public static func required(_ cap: Capability, userID: Int, args: [JSON]) -> [Capability] {
        switch cap {
        case .editUser:
            if let target = args.first?.intValue, target == userID { return [] }
            return [.editUsers]
        case .deleteUser: return [.deleteUsers]
        case .promoteUser: return [.promoteUsers]
        case .removeUser: return [.removeUsers]
        case .createUser: return [.createUsers]
        case .editTerm, .deleteTerm: return [.manageCategories]
        case .assignTerm: return [.editPosts]
        case .managePostTags, .editCategories, .editPostTags, .deleteCategories, .deletePostTags: return [.manageCategories]
        case .assignCategories, .assignPostTags: return [.editPosts]
        case .editAppPassword, .deleteAppPasswords, .deleteAppPassword, .createAppPassword,
             .listAppPasswords, .readAppPassword:
            if let target = args.first?.intValue, target == userID { return [] }
            return [.editUsers]
        default:
            // Reusable blocks' primitive capabilities, asked for by name, are the posts' own.
            if blockCapabilities.contains(cap.rawValue) { return [Capability(cap.rawValue.replacingOccurrences(of: "_blocks", with: "_posts"))] }
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
        var c = PostTypeCapabilities(singular: "block", plural: "blocks", creating: .publishPosts)
        c.read = .editPosts
        c.editPosts = .editPosts
        c.editPublishedPosts = .editPublishedPosts
        c.deletePublishedPosts = .deletePublishedPosts
        c.editOthersPosts = .editOthersPosts
        c.deleteOthersPosts = .deleteOthersPosts
        return c
    }
}

extension PostTypeCapabilities {
    /// Every capability `edit_theme_options`, with meta capabilities on `singular`: what
    /// templates (`template`) and template parts (`post`) ask for.
    public static func themeOptions(singular: String) -> PostTypeCapabilities {
        var c = PostTypeCapabilities(singular: singular)
        let all = Capability.editThemeOptions
        (c.editPosts, c.editOthersPosts, c.editPublishedPosts, c.editPrivatePosts) = (all, all, all, all)
        (c.publishPosts, c.readPrivatePosts, c.read, c.createPosts) = (all, all, all, all)
        (c.deletePosts, c.deleteOthersPosts, c.deletePublishedPosts, c.deletePrivatePosts) = (all, all, all, all)
        return c
    }
}
