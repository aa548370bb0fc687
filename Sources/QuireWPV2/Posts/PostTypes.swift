import QuireREST
import QuireStore

/// A post type as the REST API serves it: where it lives, what it supports, who may do what.
///
///     PostType.custom(name: "book", label: "Books", singularLabel: "Book", restBase: "books",
///                     supports: ["title", "editor", "revisions"], taxonomies: ["genre"])
public struct PostType: Sendable {
    public var name: String
    public var label: String
    public var singularLabel: String
    public var icon: String? = "dashicons-admin-post"
    public var restBase: String
    public var restNamespace: String = WPV2.namespace
    public var hierarchical: Bool
    public var supports: Set<String>
    public var taxonomies: [String]
    public var capabilities: PostTypeCapabilities
    public var showInREST = true
    /// Public types are searched and linked in menus (`public`, `show_in_nav_menus`).
    public var isPublic = true
    /// Whether its posts have pages of their own (`is_post_type_viewable`).
    public var isViewable = true
    /// Which REST controller serves it (`rest_controller_class`).
    public var controller: Controller = .posts
    /// Whether WordPress's admin shows screens for it (`show_ui`).
    public var showUI = true
    /// What `/wp/v2/types` says it is for.
    public var description = ""
    /// The labels it names itself, by key; the others are WordPress's defaults for posts.
    public var ownLabels: [String: String] = [:]
    /// Its item schema, built from what it is and supports (`PostSchemas`).
    public var schema: JSONObject = [:]

    /// The REST controllers a post type may be served by.
    public enum Controller: Sendable {
        /// `WP_REST_Posts_Controller`.
        case posts
        /// `WP_REST_Blocks_Controller`: reusable blocks, read only by those who may read them
        /// (`read_post`, which is `edit_posts`), with their raw title and content in every
        /// context and nothing rendered.
        case blocks
        /// `WP_REST_Templates_Controller`: the theme's templates and parts (`TemplatesController`).
        case templates
        /// `WP_REST_Menu_Items_Controller`: classic menus' items (`MenuItemsController`).
        case menuItems
    }
    /// The filters its collection takes.
    public var collectionArguments: JSONObject = [:]

    public var route: String { "/\(restNamespace)/\(restBase)" }

    /// A post type of a plugin's (`register_post_type` with `show_in_rest`): its schema and
    /// filters follow from what it is and supports, as WordPress derives them, and are built
    /// again with its taxonomies' fields when it is registered.
    public static func custom(name: String, label: String, singularLabel: String, restBase: String? = nil,
                              restNamespace: String = WPV2.namespace, hierarchical: Bool = false,
                              supports: Set<String> = ["title", "editor"], taxonomies: [String] = [],
                              capabilities: PostTypeCapabilities = .post, icon: String? = nil) -> PostType {
        var type = PostType(name: name, label: label, singularLabel: singularLabel, icon: icon, restBase: restBase ?? name,
                            hierarchical: hierarchical, supports: supports, taxonomies: [], capabilities: capabilities,
                            schema: [:], collectionArguments: [:])
        type.restNamespace = restNamespace
        type.taxonomies = taxonomies
        type.schema = PostSchemas.item(type, taxonomies: [])
        type.collectionArguments = PostSchemas.collection(type, taxonomies: [])
        return type
    }

    /// The type with its schema and filters built, with the fields of those of `taxonomies` it has.
    func builtWith(_ taxonomies: [TaxonomyInfo]) -> PostType {
        var copy = self
        let own = taxonomies.filter { self.taxonomies.contains($0.name) }
        copy.schema = PostSchemas.item(self, taxonomies: own)
        copy.collectionArguments = PostSchemas.collection(self, taxonomies: own)
        return copy
    }

    /// The schema and filters built with a field per taxonomy (`<rest_base>`, `<rest_base>_exclude`).
    func withTaxonomyFields(_ types: ContentTypes) -> PostType {
        let infos = taxonomies.compactMap { types.taxonomy($0) }
        var copy = self
        switch controller {
        case .posts, .blocks:
            copy = builtWith(infos)
        case .menuItems:
            copy.addMenuField(infos)
        case .templates:
            break
        }
        return copy
    }

    /// A menu item is in one menu: its field is that menu's id, before the item's meta.
    private mutating func addMenuField(_ taxonomies: [TaxonomyInfo]) {
        var props = schema["properties"]?.objectValue ?? JSONObject()
        var collection = collectionArguments
        for info in taxonomies where info.controller == .menus {
            let field = Schema("The terms assigned to the object in the \(info.name) taxonomy.", .integer).context(.view, .edit).json
            var reordered: [(String, JSON)] = []
            for (key, value) in props where key != info.restBase {
                if key == "meta" { reordered.append((info.restBase, field)) }
                reordered.append((key, value))
            }
            props = JSONObject(reordered)
            if collection["tax_relation"] == nil { collection["tax_relation"] = PostSchemas.Filters.taxRelation.1.json }
            collection[info.restBase] = PostSchemas.termLimit("Limit result set to items with specific terms assigned in the \(info.restBase) taxonomy.",
                                                              hierarchical: info.hierarchical, including: true).json
            collection["\(info.restBase)_exclude"] = PostSchemas.termLimit("Limit result set to items except those with specific terms assigned in the \(info.restBase) taxonomy.",
                                                                            hierarchical: info.hierarchical, including: false).json
        }
        // The controller's own `menu_order` filter follows the taxonomies' in WordPress.
        if let menuOrder = collection["menu_order"] {
            collection.removeValue(forKey: "menu_order")
            collection["menu_order"] = menuOrder
        }
        schema["properties"] = .object(props)
        collectionArguments = collection
    }
}

/// A taxonomy as the REST API serves it.
///
///     var shelf = PostTypes.customTaxonomy(name: "shelf", label: "Shelves", singularLabel: "Shelf", restBase: "shelves",
///                                          hierarchical: false, types: ["post"])
///     shelf.capabilities = TaxonomyCapabilities(manageTerms: .manageOptions, editTerms: .manageOptions,
///                                               deleteTerms: .manageOptions, assignTerms: .editPosts)
public struct TaxonomyInfo: Sendable {
    public var name: String
    public var restBase: String
    public var hierarchical: Bool
    public var label = ""
    public var singularLabel = ""
    public var types: [String] = ["post"]
    public var restNamespace = WPV2.namespace
    /// The term link's path segment: `/category/<slug>/`.
    public var permalinkBase = ""
    public var showInREST = true
    /// Public taxonomies are searched, queried and offered in menus.
    public var isPublic = true
    /// Whether WordPress's admin shows screens for it (`show_ui`).
    public var showUI = true
    /// Whether the admin's lists of its types' posts have a column of its terms (`show_admin_column`).
    public var showAdminColumn = false
    /// The labels it names itself, by key, over WordPress's defaults.
    public var ownLabels: [String: String] = [:]
    /// The REST routes of its object types served by no controller here, by type name.
    public var objectRoutes: [String: String] = [:]
    /// Which REST controller serves its terms (`rest_controller_class`).
    public var controller: Controller = .terms

    /// The REST controllers a taxonomy may be served by.
    public enum Controller: Sendable {
        /// `WP_REST_Terms_Controller`.
        case terms
        /// `WP_REST_Menus_Controller`: classic menus, with their locations and `auto_add`.
        case menus
    }

    public var route: String { "/\(restNamespace)/\(restBase)" }
    /// Its terms' schema, built from the taxonomy (`TermSchemas`).
    public var schema: JSONObject { TermSchemas.item(self) }
    /// The filters its terms' collection takes.
    public var collectionArguments: JSONObject { TermSchemas.collection(self) }
    /// What managing, editing, deleting and assigning its terms asks for.
    public var capabilities = TaxonomyCapabilities.standard
    /// Whether the tag cloud widget may show it (`show_tagcloud`, which follows `show_ui`).
    public var showCloud = true
}

/// A taxonomy's capabilities (`$taxonomy->cap`), as meta capabilities `map_meta_cap` resolves.
public struct TaxonomyCapabilities: Sendable, Equatable {
    public var manageTerms, editTerms, deleteTerms, assignTerms: Capability

    public init(manageTerms: Capability, editTerms: Capability, deleteTerms: Capability, assignTerms: Capability) {
        (self.manageTerms, self.editTerms, self.deleteTerms, self.assignTerms) = (manageTerms, editTerms, deleteTerms, assignTerms)
    }

    /// What `register_taxonomy` gives a taxonomy that names none.
    public static let standard = TaxonomyCapabilities(manageTerms: .manageCategories, editTerms: .manageCategories,
                                                      deleteTerms: .manageCategories, assignTerms: .editPosts)
    public static let category = TaxonomyCapabilities(manageTerms: .manageCategories, editTerms: .editCategories,
                                                      deleteTerms: .deleteCategories, assignTerms: .assignCategories)
    public static let postTag = TaxonomyCapabilities(manageTerms: .managePostTags, editTerms: .editPostTags,
                                                     deleteTerms: .deletePostTags, assignTerms: .assignPostTags)

    public var json: JSON {
        ["manage_terms": .string(manageTerms.rawValue), "edit_terms": .string(editTerms.rawValue),
         "delete_terms": .string(deleteTerms.rawValue), "assign_terms": .string(assignTerms.rawValue)]
    }
}

/// WordPress's own post types and taxonomies, and the makers of plugins' taxonomies.
///
///     PostTypes.customTaxonomy(name: "genre", label: "Genres", singularLabel: "Genre", restBase: "genres",
///                              hierarchical: true, types: ["book"])
public enum PostTypes {
    public static let post = PostType(
        name: "post", label: "Posts", singularLabel: "Post", restBase: "posts", hierarchical: false,
        supports: ["title", "editor", "author", "thumbnail", "excerpt", "trackbacks", "custom-fields", "comments",
                   "revisions", "post-formats"],
        taxonomies: ["category", "post_tag"], capabilities: .post).builtWith(PostTypes.taxonomies)

    public static let page = PostType(
        name: "page", label: "Pages", singularLabel: "Page", icon: "dashicons-admin-page", restBase: "pages", hierarchical: true,
        supports: ["title", "editor", "author", "thumbnail", "page-attributes", "custom-fields", "comments", "revisions"],
        taxonomies: [], capabilities: .page).builtWith(PostTypes.taxonomies)

    public static let builtIn = [post, page]

    /// Reusable blocks (`wp_block`), which the block editor saves and inserts.
    public static let reusableBlock: PostType = {
        var type = PostType.custom(name: "wp_block", label: "Reusable blocks", singularLabel: "Reusable block", restBase: "blocks",
                                   supports: ["title", "editor", "revisions"], capabilities: .block)
        type.icon = nil
        type.isPublic = false
        type.isViewable = false
        type.controller = .blocks
        return type.builtWith([])
    }()

    public static let taxonomies = [
        TaxonomyInfo(name: "category", restBase: "categories", hierarchical: true, label: "Categories",
                     singularLabel: "Category", permalinkBase: "category", showAdminColumn: true, capabilities: .category),
        TaxonomyInfo(name: "post_tag", restBase: "tags", hierarchical: false, label: "Tags", singularLabel: "Tag",
                     permalinkBase: "tag", showAdminColumn: true, capabilities: .postTag),
    ]

    /// A taxonomy of a plugin's (`register_taxonomy` with `show_in_rest`).
    public static func customTaxonomy(name: String, label: String, singularLabel: String, restBase: String? = nil,
                                      hierarchical: Bool = false, types: [String]) -> TaxonomyInfo {
        TaxonomyInfo(name: name, restBase: restBase ?? name, hierarchical: hierarchical, label: label,
                     singularLabel: singularLabel, types: types, permalinkBase: name)
    }
}

extension PostStatus {
    /// The statuses of personal data requests, which a collection may be asked for.
    static let requests = [PostStatus("request-pending"), PostStatus("request-confirmed"), PostStatus("request-failed"),
                           PostStatus("request-completed")]
}

/// The post formats a post may have (`get_post_format_slugs`).
enum PostFormats {
    static let all = ["standard", "aside", "chat", "gallery", "link", "image", "quote", "status", "video", "audio"]
}
