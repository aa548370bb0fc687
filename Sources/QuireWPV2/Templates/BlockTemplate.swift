import QuireREST
import QuireStore

/// What a template route serves: whole-page templates (`wp_template`) or the parts they
/// include (`wp_template_part`).
public enum TemplateKind: String, Sendable, CaseIterable {
    case template = "wp_template"
    case part = "wp_template_part"

    /// The post type its edits are stored as.
    public var postType: String { rawValue }
    public var restBase: String { self == .template ? "templates" : "template-parts" }
    /// The theme's folders for this kind: the current name, and the one themes used before 5.9.
    var folders: (current: String, former: String) {
        self == .template ? ("templates", "block-templates") : ("parts", "block-template-parts")
    }
}

/// A template or template part, from the active theme's file or from its stored edit
/// (`WP_Block_Template`). Its id is `<theme>//<slug>`.
///
///     let home = BlockTemplate(kind: .template, theme: "twentytwentythree", slug: "home")
///     home.id   // "twentytwentythree//home"
public struct BlockTemplate: Sendable, Equatable {
    public var kind: TemplateKind
    public var theme: String
    public var slug: String
    /// `theme` for a theme's file, `custom` for a stored one.
    public var source = "theme"
    /// Where a stored edit came from (`theme` when it began as the theme's file).
    public var origin: String?
    public var content = ""
    public var title = ""
    public var description = ""
    public var status = PostStatus.publish
    /// The stored post's id; 0 for a theme's file.
    public var wpID = 0
    public var hasThemeFile = false
    /// A template outside WordPress's hierarchy (`blank`), as opposed to `single`, `404`….
    public var isCustom = true
    public var author = 0
    /// The area a template part fills (`header`, `footer`, `uncategorized`).
    public var area: String?
    /// The post types a custom template is offered to (the theme's `customTemplates`).
    public var postTypes: [String]?

    public var id: String { "\(theme)//\(slug)" }

    public init(kind: TemplateKind, theme: String, slug: String) {
        self.kind = kind
        self.theme = theme
        self.slug = slug
    }

    /// `<theme>//<slug>` split in two; nil without the double slash.
    static func split(_ id: String) -> (theme: String, slug: String)? {
        guard let range = id.range(of: "//") else { return nil }
        return (String(id[..<range.lowerBound]), String(id[range.upperBound...]))
    }
}

/// The template part areas (`get_allowed_block_template_part_areas`).
public enum TemplatePartArea {
    public static let uncategorized = "uncategorized"
    public static let all: [(area: String, label: String, description: String, icon: String)] = [
        (uncategorized, "General", "General templates often perform a specific role like displaying post content, and are not tied to any particular area.", "layout"),
        ("header", "Header", "The Header template defines a page area that typically contains a title, logo, and main navigation.", "header"),
        ("footer", "Footer", "The Footer template defines a page area that typically contains site credits, social links, or any other combination of blocks.", "footer"),
    ]

    /// `_filter_block_template_part_area`: an unknown area is `uncategorized`.
    public static func filtered(_ area: String) -> String {
        all.contains { $0.area == area } ? area : uncategorized
    }
}

/// The templates of WordPress's hierarchy, with the titles and descriptions it gives them
/// (`get_default_block_template_types`).
enum DefaultTemplateTypes {
    static let all: [String: (title: String, description: String)] = [
        "index": ("Index", "Displays posts."),
        "home": ("Home", "Displays posts on the homepage, or on the Posts page if a static homepage is set."),
        "front-page": ("Front Page", "Displays the homepage."),
        "singular": ("Singular", "Displays a single post or page."),
        "single": ("Single", "The default template for displaying any single post or attachment."),
        "page": ("Page", "Displays a single page."),
        "archive": ("Archive", "Displays post categories, tags, and other archives."),
        "author": ("Author", "Displays latest posts written by a single author."),
        "category": ("Category", "Displays latest posts from a single post category."),
        "taxonomy": ("Taxonomy", "Displays latest posts from a single post taxonomy."),
        "date": ("Date", "Displays posts from a specific date."),
        "tag": ("Tag", "Displays latest posts with a single post tag."),
        "attachment": ("Media", "Displays individual media items or attachments."),
        "search": ("Search", "Displays search results."),
        "privacy-policy": ("Privacy Policy", "Displays the privacy policy page."),
        "404": ("404", "Displays when no content is found."),
    ]
}

extension TemplateKind {
    /// The post type its stored edits have, as `/wp/v2/types` describes it.
    public var type: PostType {
        let (plural, singular) = self == .template ? ("Templates", "Template") : ("Template Parts", "Template Part")
        var t = PostType.custom(name: postType, label: plural, singularLabel: singular, restBase: restBase,
                                supports: ["title", "slug", "excerpt", "editor", "revisions", "author"],
                                capabilities: .themeOptions(singular: self == .template ? "template" : "post"))
        t.icon = nil
        t.isPublic = false
        t.isViewable = false
        t.controller = .templates
        t.showUI = false
        t.description = self == .template ? "Templates to include in your theme." : "Template parts to include in your templates."
        t.schema = TemplateSchema.schema(self)
        let lower = singular.lowercased(), lowerPlural = plural.lowercased()
        t.ownLabels = [
            "name": plural, "singular_name": singular, "add_new_item": "Add New \(singular)", "edit_item": "Edit \(singular)",
            "new_item": "New \(singular)", "view_item": "View \(singular)", "search_items": "Search \(plural)",
            "not_found": "No \(lowerPlural) found.", "not_found_in_trash": "No \(lowerPlural) found in Trash.",
            "parent_item_colon": "Parent \(singular):", "all_items": plural, "archives": "\(singular.prefix(1))\(lower.dropFirst()) archives",
            "insert_into_item": "Insert into \(lower)", "uploaded_to_this_item": "Uploaded to this \(lower)",
            "filter_items_list": "Filter \(lowerPlural) list", "items_list_navigation": "\(singular.prefix(1))\(lowerPlural.dropFirst()) list navigation",
            "items_list": "\(singular.prefix(1))\(lowerPlural.dropFirst()) list", "menu_name": plural, "name_admin_bar": singular,
        ]
        return t
    }
}
