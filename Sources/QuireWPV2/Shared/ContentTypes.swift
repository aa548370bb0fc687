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
        r.can(.editPosts) || postTypes.contains { $0.showInREST && r.can($0.capabilities.editPosts) }
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

    /// WordPress's own post types, in the order it registers them (`create_initial_post_types`),
    /// which is before any plugin's.
    static let coreOrder = ["post", "page", "attachment", "revision", "nav_menu_item", "wp_block", "wp_template",
                            "wp_template_part", "wp_global_styles", "wp_navigation"]

    /// WordPress's own taxonomies, in the order it registers them (`create_initial_taxonomies`).
    static let coreTaxonomyOrder = ["category", "post_tag", "nav_menu", "link_category", "post_format", "wp_theme",
                                    "wp_template_part_area"]

    /// Lists WordPress's own post types and taxonomies first, as WordPress has them, then
    /// plugins' in the order they were registered: the order of `/wp/v2/types`,
    /// `/wp/v2/taxonomies`, the index and every list of types.
    mutating func putCoreTypesFirst() {
        postTypes = Self.coreFirst(postTypes, order: Self.coreOrder, name: \.name)
        taxonomies = Self.coreFirst(taxonomies, order: Self.coreTaxonomyOrder, name: \.name)
    }

    private static func coreFirst<T>(_ list: [T], order: [String], name: (T) -> String) -> [T] {
        let ranked = list.enumerated().map { (rank: order.firstIndex(of: name($0.element)) ?? order.count, offset: $0.offset, item: $0.element) }
        return ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.item)
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
