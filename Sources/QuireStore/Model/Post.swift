/// A post of any type (post, page, attachment, revision, custom): the columns of `wp_posts`,
/// with format and stickiness kept on the row.
public struct Post: Sendable, Equatable {
    public var id: Int
    public var author: Int
    /// Site-local `Y-m-d H:i:s`.
    public var date: String
    public var dateGMT: String
    public var content: String
    public var title: String
    public var excerpt: String
    public var status: PostStatus
    public var commentStatus: String
    public var pingStatus: String
    public var password: String
    public var slug: String
    public var modified: String
    public var modifiedGMT: String
    public var parent: Int
    public var guid: String
    public var menuOrder: Int
    public var type: String
    public var mimeType: String
    public var commentCount: Int
    public var format: String
    public var sticky: Bool
    public var template: String

    public init(id: Int = 0, author: Int = 0, date: String = WPDate.zero, dateGMT: String = WPDate.zero,
                content: String = "", title: String = "", excerpt: String = "", status: PostStatus = .draft,
                commentStatus: String = "open", pingStatus: String = "open", password: String = "", slug: String = "",
                modified: String = WPDate.zero, modifiedGMT: String = WPDate.zero, parent: Int = 0, guid: String = "",
                menuOrder: Int = 0, type: String = "post", mimeType: String = "", commentCount: Int = 0,
                format: String = "standard", sticky: Bool = false, template: String = "") {
        self.id = id
        self.author = author
        self.date = date
        self.dateGMT = dateGMT
        self.content = content
        self.title = title
        self.excerpt = excerpt
        self.status = status
        self.commentStatus = commentStatus
        self.pingStatus = pingStatus
        self.password = password
        self.slug = slug
        self.modified = modified
        self.modifiedGMT = modifiedGMT
        self.parent = parent
        self.guid = guid
        self.menuOrder = menuOrder
        self.type = type
        self.mimeType = mimeType
        self.commentCount = commentCount
        self.format = format
        self.sticky = sticky
        self.template = template
    }
}

/// A term of a taxonomy (category, post_tag, custom), with its count of published objects.
public struct Term: Sendable, Equatable {
    public var id: Int
    public var taxonomy: String
    public var name: String
    public var slug: String
    public var description: String
    public var parent: Int
    public var count: Int
    public var termGroup: Int

    public init(id: Int = 0, taxonomy: String, name: String, slug: String, description: String = "", parent: Int = 0,
                count: Int = 0, termGroup: Int = 0) {
        self.id = id
        self.taxonomy = taxonomy
        self.name = name
        self.slug = slug
        self.description = description
        self.parent = parent
        self.count = count
        self.termGroup = termGroup
    }
}

/// A comment, threaded by `parent`, with `approved` as WordPress keeps it: "1", "0", "spam", "trash".
public struct Comment: Sendable, Equatable {
    public var id: Int
    public var postID: Int
    public var author: String
    public var authorEmail: String
    public var authorURL: String
    public var authorIP: String
    public var date: String
    public var dateGMT: String
    public var content: String
    public var karma: Int
    public var approved: String
    public var agent: String
    public var type: String
    public var parent: Int
    public var userID: Int

    public init(id: Int = 0, postID: Int, author: String = "", authorEmail: String = "", authorURL: String = "",
                authorIP: String = "", date: String, dateGMT: String, content: String, karma: Int = 0,
                approved: String = "1", agent: String = "", type: String = "comment", parent: Int = 0, userID: Int = 0) {
        self.id = id
        self.postID = postID
        self.author = author
        self.authorEmail = authorEmail
        self.authorURL = authorURL
        self.authorIP = authorIP
        self.date = date
        self.dateGMT = dateGMT
        self.content = content
        self.karma = karma
        self.approved = approved
        self.agent = agent
        self.type = type
        self.parent = parent
        self.userID = userID
    }
}

/// An application password as stored: the hash, never the password.
public struct ApplicationPassword: Sendable, Equatable {
    public var uuid: String
    public var userID: Int
    public var appID: String
    public var name: String
    public var passwordHash: String
    /// Unix timestamps, as WordPress keeps them.
    public var created: Int
    public var lastUsed: Int?
    public var lastIP: String?
    /// A short tag of the password (`ApplicationPasswords.lookupTag`) that picks the one stored
    /// password worth a bcrypt; none on passwords made before tags were kept.
    public var lookup: String?

    public init(uuid: String, userID: Int, appID: String = "", name: String, passwordHash: String, created: Int,
                lastUsed: Int? = nil, lastIP: String? = nil, lookup: String? = nil) {
        self.lookup = lookup
        self.uuid = uuid
        self.userID = userID
        self.appID = appID
        self.name = name
        self.passwordHash = passwordHash
        self.created = created
        self.lastUsed = lastUsed
        self.lastIP = lastIP
    }
}
