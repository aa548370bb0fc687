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
    public var login = ""
    public var email = ""
    public var displayName = ""
    public var firstName = ""
    public var lastName = ""
}

/// `<wp:category>`, `<wp:tag>` or `<wp:term>`: its parent is named by slug.
public struct WXRTerm: Sendable, Equatable {
    public var id = 0
    public var taxonomy = ""
    public var slug = ""
    public var name = ""
    public var parentSlug = ""
    public var description = ""
    public var meta: [(key: String, value: String)] = []

    public static func == (a: WXRTerm, b: WXRTerm) -> Bool {
        (a.id, a.taxonomy, a.slug, a.name, a.parentSlug, a.description) == (b.id, b.taxonomy, b.slug, b.name, b.parentSlug, b.description)
            && a.meta.map(\.key) == b.meta.map(\.key) && a.meta.map(\.value) == b.meta.map(\.value)
    }
}

/// `<wp:comment>` of an item.
public struct WXRComment: Sendable {
    public var id = 0
    public var author = ""
    public var authorEmail = ""
    public var authorURL = ""
    public var authorIP = ""
    public var date = ""
    public var dateGMT = ""
    public var content = ""
    public var approved = "1"
    public var type = ""
    public var parent = 0
    public var userID = 0
    public var meta: [(key: String, value: String)] = []
}

/// `<item>`: a post of any type, with its terms, meta and comments.
public struct WXRItem: Sendable {
    public var title = ""
    public var guid = ""
    public var creator = ""
    public var content = ""
    public var excerpt = ""
    public var id = 0
    public var date = ""
    public var dateGMT = ""
    public var modified = ""
    public var modifiedGMT = ""
    public var commentStatus = ""
    public var pingStatus = ""
    public var slug = ""
    public var status = ""
    public var parent = 0
    public var menuOrder = 0
    public var type = "post"
    public var password = ""
    public var sticky = false
    public var attachmentURL = ""
    /// `<category domain="…" nicename="…">name</category>`: (taxonomy, slug, name).
    public var terms: [(taxonomy: String, slug: String, name: String)] = []
    public var meta: [(key: String, value: String)] = []
    public var comments: [WXRComment] = []
}
