import QuireREST
import QuireStore

/// A post type as the REST API serves it: where it lives, what it supports, who may do what.
public struct PostType: Sendable {
    public var name: String
    public var label: String
    public var singularLabel: String
    public var icon = "dashicons-admin-post"
    public var restBase: String
    public var restNamespace: String = WPV2.namespace
    public var hierarchical: Bool
    public var supports: Set<String>
    public var taxonomies: [String]
    public var capabilities: PostTypeCapabilities
    public var showInREST = true
    public var schema: JSONObject
    public var collectionArguments: JSONObject

    public var route: String { "/\(restNamespace)/\(restBase)" }
}

/// A taxonomy as the REST API serves it.
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

    public var route: String { "/\(restNamespace)/\(restBase)" }
    public var schema: JSONObject { hierarchical ? TermSchemas.category : TermSchemas.tag }
    public var collectionArguments: JSONObject { hierarchical ? TermSchemas.categoryCollection : TermSchemas.tagCollection }
    /// Creating terms needs `manage_categories`; assigning them `edit_posts`.
    public var manageCapability: String { "manage_categories" }
}

public enum PostTypes {
    public static let post = PostType(
        name: "post", label: "Posts", singularLabel: "Post", restBase: "posts", hierarchical: false,
        supports: ["title", "editor", "author", "thumbnail", "excerpt", "trackbacks", "custom-fields", "comments",
                   "revisions", "post-formats"],
        taxonomies: ["category", "post_tag"], capabilities: .post, schema: PostSchemas.post,
        collectionArguments: PostSchemas.postCollection)

    public static let page = PostType(
        name: "page", label: "Pages", singularLabel: "Page", icon: "dashicons-admin-page", restBase: "pages", hierarchical: true,
        supports: ["title", "editor", "author", "thumbnail", "page-attributes", "custom-fields", "comments", "revisions"],
        taxonomies: [], capabilities: .page, schema: PostSchemas.page, collectionArguments: PostSchemas.pageCollection)

    public static let builtIn = [post, page]

    public static let taxonomies = [
        TaxonomyInfo(name: "category", restBase: "categories", hierarchical: true, label: "Categories",
                     singularLabel: "Category", permalinkBase: "category"),
        TaxonomyInfo(name: "post_tag", restBase: "tags", hierarchical: false, label: "Tags", singularLabel: "Tag",
                     permalinkBase: "tag"),
    ]

    public static func taxonomy(_ name: String) -> TaxonomyInfo? { taxonomies.first { $0.name == name } }
}

/// Post statuses and who sees them.
enum PostStatuses {
    static let settable = ["publish", "future", "draft", "pending", "private"]
    static let all = ["publish", "future", "draft", "pending", "private", "trash", "auto-draft", "inherit"]
}
