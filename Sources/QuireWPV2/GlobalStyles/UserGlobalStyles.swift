import Foundation
import QuireREST
import QuireStore

/// The site's own global styles for a theme: one `wp_global_styles` post, tagged with the
/// theme's `wp_theme` term, whose content is a `theme.json` marked
/// `isGlobalStylesUserThemeJSON` (`get_user_data_from_wp_global_styles`).
///
///     let styles = UserGlobalStyles(store: store)
///     let post = try await styles.post(theme: "twentytwentythree", creating: true, author: 1)
///     post?.slug   // "wp-global-styles-twentytwentythree"
public struct UserGlobalStyles: Sendable {
    public static let postType = "wp_global_styles"
    let store: any ContentStore

    public init(store: any ContentStore) { self.store = store }

    /// The type its posts have: not served by the posts routes, kept and changed by those who
    /// may edit the theme's options.
    public static let type: PostType = {
        var caps = PostTypeCapabilities.themeOptions(singular: "post")
        caps.publishPosts = .publishPosts
        caps.readPrivatePosts = .readPrivatePosts
        caps.editPrivatePosts = .editPrivatePosts
        caps.deletePosts = .deletePosts
        caps.deletePrivatePosts = .deletePrivatePosts
        var type = PostType.custom(name: postType, label: "Global Styles", singularLabel: "Global Styles",
                                   supports: ["title", "editor", "revisions"], capabilities: caps)
        type.showInREST = false
        type.showUI = false
        type.isPublic = false
        type.isViewable = false
        type.icon = nil
        type.description = "Global styles to include in themes."
        return type
    }()

    /// What a new post holds: an empty user layer of the current schema version.
    static let emptyContent = #"{"version": 2, "isGlobalStylesUserThemeJSON": true }"#

    /// The newest published post of `theme`'s styles; made (in one transaction, so two first
    /// readers make one) when there is none and `creating` is set.
    public func post(theme: String, creating: Bool = false, author: Int = 0) async throws -> Post? {
        if let found = try await find(theme: theme) { return found }
        guard creating else { return nil }
        return try await store.transaction {
            if let found = try await find(theme: theme) { return found }
            let term: Term
            if let existing = try await store.terms(taxonomy: TemplateLibrary.themeTaxonomy).first(where: { $0.name == theme }) {
                term = existing
            } else {
                term = try await store.insertTerm(Term(taxonomy: TemplateLibrary.themeTaxonomy, name: theme, slug: Slug.sanitizeTitle(theme)))
            }
            let now = WPDate.format(Date())
            let slug = "wp-global-styles-" + (theme.addingPercentEncoding(withAllowedCharacters: .phpURLEncodeAllowed) ?? theme)
            var post = Post(author: author, date: now, dateGMT: now, content: Self.emptyContent, title: "Custom Styles",
                            status: .publish, slug: "", modified: now, modifiedGMT: now)
            post.type = Self.postType
            post.commentStatus = "closed"
            post.pingStatus = "closed"
            post.slug = try await store.uniqueSlug(Slug.sanitizeTitle(slug), types: [Self.postType], excluding: 0, parent: nil, baseTaken: false)
            return try await store.insertPost(post, terms: [TemplateLibrary.themeTaxonomy: [term.id]], meta: [])
        }
    }

    func find(theme: String) async throws -> Post? {
        guard let term = try await store.terms(taxonomy: TemplateLibrary.themeTaxonomy).first(where: { $0.name == theme }) else { return nil }
        var query = PostQuery()
        query.types = [Self.postType]
        query.statuses = [.publish]
        query.taxQuery = [PostQuery.TaxFilter(taxonomy: TemplateLibrary.themeTaxonomy, terms: [term.id], op: "IN")]
        query.limit = 100
        // Newest first; of one second, the one made first (MySQL's order for equal dates).
        return try await store.posts(query).posts.max { ($0.date, -$0.id) < ($1.date, -$1.id) }
    }

    /// A post's content as a user layer, when it is one.
    public static func config(_ post: Post) -> JSONObject? {
        guard post.content.utf8.count <= 4 << 20, case .object(let o)? = try? JSONParser.parse(post.content),
              o["isGlobalStylesUserThemeJSON"] == .bool(true) else { return nil }
        return o
    }
}

extension CharacterSet {
    /// What PHP's `urlencode` leaves as it is.
    static let phpURLEncodeAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
}
