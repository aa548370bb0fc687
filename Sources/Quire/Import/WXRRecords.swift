/// One thing a WordPress export file describes, in the order the file gives it.
public enum WXRRecord: Sendable {
    /// `<wp:wxr_version>`, `<wp:base_site_url>` or `<wp:base_blog_url>` of the channel.
    case channel(name: String, value: String)
    case author(WXRAuthor)
    case term(WXRTerm)
    case item(WXRItem)
}

/// `<wp:author>`.
public struct WXRAuthor: Sendable, Equatable {
    public var id = 0
    public var login = "", email = "", displayName = "", firstName = "", lastName = ""
}

/// `<wp:category>`, `<wp:tag>` or `<wp:term>`: its parent is named by slug.
public struct WXRTerm: Sendable, Equatable {
    public var id = 0
    public var taxonomy = "", slug = "", name = "", parentSlug = "", description = ""
    public var meta: [(key: String, value: String)] = []

    public static func == (a: WXRTerm, b: WXRTerm) -> Bool {
        (a.id, a.taxonomy, a.slug, a.name, a.parentSlug, a.description) == (b.id, b.taxonomy, b.slug, b.name, b.parentSlug, b.description)
            && a.meta.map(\.key) == b.meta.map(\.key) && a.meta.map(\.value) == b.meta.map(\.value)
    }
}

/// `<wp:comment>` of an item.
public struct WXRComment: Sendable {
    public var id = 0, parent = 0, userID = 0
    public var author = "", authorEmail = "", authorURL = "", authorIP = ""
    public var date = "", dateGMT = "", content = "", approved = "1", type = ""
    public var meta: [(key: String, value: String)] = []
}

/// `<item>`: a post of any type, with its terms, meta and comments.
public struct WXRItem: Sendable {
    public var id = 0, parent = 0, menuOrder = 0
    public var title = "", guid = "", creator = "", content = "", excerpt = ""
    public var date = "", dateGMT = "", modified = "", modifiedGMT = ""
    public var commentStatus = "", pingStatus = "", slug = "", status = "", type = "post", password = ""
    public var sticky = false
    public var attachmentURL = ""
    /// `<category domain="…" nicename="…">name</category>`: (taxonomy, slug, name).
    public var terms: [(taxonomy: String, slug: String, name: String)] = []
    public var meta: [(key: String, value: String)] = []
    public var comments: [WXRComment] = []
}

/// A record filled from its child elements: each element's text sets one field, named in the
/// record's tables.
protocol WXRFields {
    /// The elements whose text a field keeps as it is.
    static var texts: [String: WritableKeyPath<Self, String> & Sendable] { get }
    /// The elements whose text a field keeps as a number (0 when it is none).
    static var numbers: [String: WritableKeyPath<Self, Int> & Sendable] { get }
}

extension WXRFields {
    /// Sets the field `element` names, if any.
    mutating func set(_ element: String, text: String, number: Int) {
        if let field = Self.texts[element] { self[keyPath: field] = text }
        else if let field = Self.numbers[element] { self[keyPath: field] = number }
    }
}

extension WXRAuthor: WXRFields {
    static let texts: [String: WritableKeyPath<Self, String> & Sendable] = [
        "wp:author_login": \.login, "wp:author_email": \.email, "wp:author_display_name": \.displayName,
        "wp:author_first_name": \.firstName, "wp:author_last_name": \.lastName,
    ]
    static let numbers: [String: WritableKeyPath<Self, Int> & Sendable] = ["wp:author_id": \.id]
}

extension WXRTerm: WXRFields {
    static let texts: [String: WritableKeyPath<Self, String> & Sendable] = [
        "wp:category_nicename": \.slug, "wp:tag_slug": \.slug, "wp:term_slug": \.slug,
        "wp:cat_name": \.name, "wp:tag_name": \.name, "wp:term_name": \.name,
        "wp:category_parent": \.parentSlug, "wp:term_parent": \.parentSlug,
        "wp:category_description": \.description, "wp:tag_description": \.description, "wp:term_description": \.description,
        "wp:term_taxonomy": \.taxonomy,
    ]
    static let numbers: [String: WritableKeyPath<Self, Int> & Sendable] = ["wp:term_id": \.id]
}

extension WXRComment: WXRFields {
    static let texts: [String: WritableKeyPath<Self, String> & Sendable] = [
        "wp:comment_author": \.author, "wp:comment_author_email": \.authorEmail, "wp:comment_author_url": \.authorURL,
        "wp:comment_author_IP": \.authorIP, "wp:comment_date": \.date, "wp:comment_date_gmt": \.dateGMT,
        "wp:comment_content": \.content, "wp:comment_approved": \.approved, "wp:comment_type": \.type,
    ]
    static let numbers: [String: WritableKeyPath<Self, Int> & Sendable] = [
        "wp:comment_id": \.id, "wp:comment_parent": \.parent, "wp:comment_user_id": \.userID,
    ]
}

extension WXRItem: WXRFields {
    static let texts: [String: WritableKeyPath<Self, String> & Sendable] = [
        "title": \.title, "guid": \.guid, "dc:creator": \.creator, "content:encoded": \.content, "excerpt:encoded": \.excerpt,
        "wp:post_date": \.date, "wp:post_date_gmt": \.dateGMT, "wp:post_modified": \.modified,
        "wp:post_modified_gmt": \.modifiedGMT, "wp:comment_status": \.commentStatus, "wp:ping_status": \.pingStatus,
        "wp:post_name": \.slug, "wp:status": \.status, "wp:post_type": \.type, "wp:post_password": \.password,
        "wp:attachment_url": \.attachmentURL,
    ]
    static let numbers: [String: WritableKeyPath<Self, Int> & Sendable] = [
        "wp:post_id": \.id, "wp:post_parent": \.parent, "wp:menu_order": \.menuOrder,
    ]
}
