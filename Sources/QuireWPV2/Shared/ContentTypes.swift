import QuireREST

/// The post types and taxonomies a site serves: WordPress's own plus those plugins register.
public struct ContentTypes: Sendable {
    public private(set) var postTypes: [PostType]
    public private(set) var taxonomies: [TaxonomyInfo]
    /// Fields, meta and hooks plugins add to post types.
    public var extensions = ResourceExtensions()

    public init(postTypes: [PostType] = PostTypes.builtIn, taxonomies: [TaxonomyInfo] = PostTypes.taxonomies) {
        self.postTypes = postTypes
        self.taxonomies = taxonomies
    }

    public func postType(_ name: String) -> PostType? { postTypes.first { $0.name == name } }
    public func taxonomy(_ name: String) -> TaxonomyInfo? { taxonomies.first { $0.name == name } }

    /// The post type a stored post belongs to, falling back to `post`.
    public func type(of post: Post) -> PostType { postType(post.type) ?? PostTypes.post }

    public var restPostTypes: [PostType] { postTypes.filter(\.showInREST) }

    /// Whether the caller may edit posts, or posts of some type shown in REST: what the
    /// editor's own routes (themes, patterns, block types, menus) ask of a reader.
    func mayEditSomeType(_ r: RESTRequest) -> Bool {
        r.can("edit_posts") || postTypes.contains { $0.showInREST && r.can($0.capabilities.editPosts) }
    }

    /// Adds or replaces a post type (`register_post_type`); its taxonomies learn of it.
    public mutating func register(_ type: PostType) {
        postTypes.removeAll { $0.name == type.name }
        postTypes.append(type.withTaxonomyFields(self))
        for t in type.taxonomies {
            if let i = taxonomies.firstIndex(where: { $0.name == t }), !taxonomies[i].types.contains(type.name) {
                taxonomies[i].types.append(type.name)
            }
        }
    }

    /// Adds or replaces a taxonomy (`register_taxonomy`); the post types it names gain it.
    public mutating func register(_ taxonomy: TaxonomyInfo) {
        taxonomies.removeAll { $0.name == taxonomy.name }
        taxonomies.append(taxonomy)
        // Types that name it, or that it names, gain its fields.
        for i in postTypes.indices where taxonomy.types.contains(postTypes[i].name) || postTypes[i].taxonomies.contains(taxonomy.name) {
            if !postTypes[i].taxonomies.contains(taxonomy.name) { postTypes[i].taxonomies.append(taxonomy.name) }
            postTypes[i] = postTypes[i].withTaxonomyFields(self)
        }
    }
}

import QuireStore
