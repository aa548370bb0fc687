import QuireValues

/// Everything the site keeps, in the data model's terms: no SQL crosses this line.
/// Every method that writes runs in one transaction: it happens whole or not at all.
public protocol ContentStore: Sendable {
    /// Runs `body` as one transaction: every store call inside it commits with it, or, when
    /// `body` throws, none of them does. A transaction begun inside one joins it.
    ///
    /// ```swift
    /// try await store.transaction {
    ///     var post = try await store.insertPost(draft, terms: [:], meta: [])
    ///     post.guid = "https://example.org/?p=\(post.id)"
    ///     _ = try await store.updatePost(post, terms: [:], meta: [])
    /// }
    /// ```
    func transaction<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T

    /// Runs `body` with every read inside it seeing the store as it was when it began, at the
    /// cost of one read transaction: how a request that only reads is answered.
    ///
    /// ```swift
    /// let (post, author) = try await store.snapshot {
    ///     let post = try await store.post(id: 5)
    ///     return (post, try await store.user(id: post?.author ?? 0))
    /// }
    /// ```
    func snapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T

    // Content version
    /// The version every write bumps, and when the next scheduled post is due (GMT).
    func contentState() async throws -> (version: Int, nextScheduled: String?)
    /// Publishes scheduled posts whose time has come; returns how many.
    func publishDuePosts(now: String) async throws -> Int

    // Options
    func option(_ name: String) async throws -> JSON?
    func allOptions() async throws -> [String: JSON]
    func setOptions(_ values: [(String, JSON)]) async throws
    /// Stores `value` under `name` unless the option already exists (which then stays as it is).
    func addOptionIfAbsent(_ name: String, _ value: JSON) async throws

    // Users
    func user(id: Int) async throws -> User?
    func user(login: String) async throws -> User?
    func user(email: String) async throws -> User?
    func user(slug: String) async throws -> User?
    func users(_ query: UserQuery) async throws -> (users: [User], total: Int)
    func users(ids: [Int]) async throws -> [User]
    func insertUser(_ user: User) async throws -> User
    func updateUser(_ user: User) async throws
    /// Deletes a user; their posts go to `reassignTo`, or are deleted with them when nil.
    func deleteUser(id: Int, reassignTo: Int?) async throws
    func userMeta(userID: Int) async throws -> [String: JSON]
    func setUserMeta(userID: Int, _ values: [(String, JSON?)]) async throws

    // Application passwords
    func applicationPasswords(userID: Int) async throws -> [ApplicationPassword]
    func insertApplicationPassword(_ password: ApplicationPassword) async throws
    func updateApplicationPassword(_ password: ApplicationPassword) async throws
    func deleteApplicationPassword(uuid: String) async throws -> Bool
    func deleteApplicationPasswords(userID: Int) async throws -> Int

    // Posts
    func post(id: Int) async throws -> Post?
    func posts(ids: [Int]) async throws -> [Post]
    func posts(_ query: PostQuery) async throws -> (posts: [Post], total: Int)
    /// Inserts a post with its terms (taxonomy → term ids) and meta; counts kept right.
    func insertPost(_ post: Post, terms: [String: [Int]], meta: [(String, JSON?)]) async throws -> Post
    /// Many posts in one transaction, for bulk loading: term counts are brought up to date
    /// once, at the end. All are written or none.
    func insertPosts(_ posts: [(post: Post, terms: [String: [Int]])]) async throws -> [Post]
    /// Updates a post; `terms` and `meta` replace only the taxonomies and keys they name.
    func updatePost(_ post: Post, terms: [String: [Int]], meta: [(String, JSON?)]) async throws -> Post
    func deletePost(id: Int) async throws
    func postMeta(postIDs: [Int]) async throws -> [Int: [String: JSON]]
    /// How many revisions each post has, and the newest one's id.
    func revisionStats(postIDs: [Int]) async throws -> [Int: (count: Int, latest: Int)]
    /// The dates (`Y-m-d H:i:s`, site time) of every published post of a type, newest first:
    /// what archives by year, month, week or day are counted from.
    func publishedDates(type: String) async throws -> [String]
    /// `slug`, or `slug-N` with the first N from 2 that no other post of `types` (of every
    /// type when nil) under `parent` (any parent when nil) uses. With `baseTaken`, `slug`
    /// itself is not given even when free (a word WordPress keeps, such as `feed`).
    func uniqueSlug(_ slug: String, types: [String]?, excluding id: Int, parent: Int?, baseTaken: Bool) async throws -> String

    // Terms
    func term(id: Int) async throws -> Term?
    func terms(taxonomy: String) async throws -> [Term]
    func terms(ids: [Int]) async throws -> [Term]
    func insertTerm(_ term: Term) async throws -> Term
    func terms(_ query: TermQuery) async throws -> (terms: [Term], total: Int)
    func updateTerm(_ term: Term) async throws
    /// Deletes a term: its children move up to its parent; posts left without a category get `fallbackCategory`.
    func deleteTerm(id: Int, fallbackCategory: Int?) async throws
    /// Whether another term of `taxonomy` (of any taxonomy when nil) has the slug.
    func termSlugExists(_ slug: String, taxonomy: String?, excluding id: Int) async throws -> Bool
    /// `slug` when no other term of any taxonomy has it; otherwise `slug-N` with the first N
    /// from 2 that no term has (`wp_unique_term_slug`'s last step).
    func numberedTermSlug(_ slug: String, excluding id: Int) async throws -> String
    /// term ids per post, for the taxonomies asked.
    func termIDs(postIDs: [Int], taxonomies: [String]) async throws -> [Int: [String: [Int]]]

    // Meta of terms, users and comments (posts have `postMeta`)
    func objectMeta(_ kind: MetaKind, ids: [Int]) async throws -> [Int: [String: JSON]]
    func setObjectMeta(_ kind: MetaKind, id: Int, _ values: [(String, JSON?)]) async throws

    // Comments
    func comment(id: Int) async throws -> Comment?
    func insertComment(_ comment: Comment) async throws -> Comment
    func comments(_ query: CommentQuery) async throws -> (comments: [Comment], total: Int)
    func updateComment(_ comment: Comment) async throws
    func deleteComment(id: Int) async throws
    /// Which of the given comments have replies.
    func commentsWithChildren(_ ids: [Int]) async throws -> Set<Int>
    /// The GMT date of the newest comment since `since` by this commenter: their user id (or,
    /// for a visitor, their address) or their email (`wp_check_comment_flood`'s look-up).
    func latestCommentDate(userID: Int?, ip: String, email: String, since: String) async throws -> String?
}

/// Which objects a meta value belongs to.
public enum MetaKind: String, Sendable {
    case term, user, comment

    var table: String { "\(rawValue)meta" }
    var column: String { "\(rawValue)_id" }
}

/// What a list of users asks for.
public struct UserQuery: Sendable {
    public var include: [Int] = []
    public var exclude: [Int] = []
    public var search: String? = nil
    /// Whether a search also looks at emails and addresses (for those who may list users).
    public var searchPrivateColumns = true
    public var roles: [String] = []
    /// Only users holding one of these roles (from a capability filter); nil for no filter.
    public var capabilityRoles: [String]? = nil
    /// Only users with published posts of these types (anonymous listings).
    public var hasPublishedPosts: [String]? = nil
    public var orderBy = "name"
    public var ascending = true
    public var limit = 10
    public var offset = 0
    public var slugs: [String] = []

    public init() {}
}

/// What a list of comments asks for.
public struct CommentQuery: Sendable {
    /// Stored `approved` values to include ("1", "0", "spam", "trash").
    public var approved: [String] = ["1"]
    public var types: [String]? = ["comment"]
    public var posts: [Int] = []
    public var include: [Int] = []
    public var exclude: [Int] = []
    public var parents: [Int] = []
    public var parentExclude: [Int] = []
    public var authors: [Int] = []
    public var authorExclude: [Int] = []
    public var authorEmail: String? = nil
    public var search: String? = nil
    public var after: String? = nil
    public var before: String? = nil
    /// Only comments on posts with these statuses (what the asker may read).
    public var postStatuses: [String]? = nil
    public var orderBy = "date_gmt"
    public var ascending = false
    public var limit = 10
    public var offset = 0

    public init() {}
}

/// What a list of terms asks for.
public struct TermQuery: Sendable {
    public var taxonomy: String
    public var include: [Int] = []
    public var exclude: [Int] = []
    public var slugs: [String] = []
    public var search: String? = nil
    public var parent: Int? = nil
    public var post: Int? = nil
    public var hideEmpty = false
    public var orderBy = "name"
    public var ascending = true
    public var limit = 10
    public var offset = 0

    public init(taxonomy: String) { self.taxonomy = taxonomy }
}

/// What a list of posts asks for (the parts of `WP_Query` the REST API uses).
public struct PostQuery: Hashable, Sendable {
    public var types: [String] = ["post"]
    public var statuses: [String] = ["publish"]
    /// Statuses visible only to the given author (their own private posts), on top of `statuses`.
    public var authorOnlyStatuses: AuthorStatuses? = nil
    public var include: [Int] = []
    public var exclude: [Int] = []
    public var authors: [Int] = []
    public var authorExclude: [Int] = []
    public var parents: [Int] = []
    public var parentExclude: [Int] = []
    public var slugs: [String] = []
    public var search: String? = nil
    /// A search leaves out password-protected posts (WordPress does for visitors).
    public var searchSkipsProtected = false
    /// A search also matches an attachment's file name (`wp_allow_query_attachment_by_filename`).
    public var searchesAttachedFiles = false
    public var after: String? = nil
    public var before: String? = nil
    public var modifiedAfter: String? = nil
    public var modifiedBefore: String? = nil
    public var sticky: Bool? = nil
    public var menuOrder: Int? = nil
    /// Attachments of these MIME types: `image/png` exactly, or `image` for every image.
    public var mimeTypes: [String] = []
    /// Taxonomy filters, combined by `taxRelation`.
    public var taxQuery: [TaxFilter] = []
    public var taxRelation = "AND"
    public var orderBy = "date"
    public var ascending = false
    public var limit = 10
    public var offset = 0

    public init() {}

    /// The same filters, without order or page: what decides the total.
    var filters: PostQuery {
        var f = self
        f.orderBy = "date"
        f.ascending = false
        f.limit = 0
        f.offset = 0
        return f
    }

    /// Statuses one author may see of their own posts.
    public struct AuthorStatuses: Hashable, Sendable {
        public var author: Int
        public var statuses: [String]
        public init(author: Int, statuses: [String]) {
            self.author = author
            self.statuses = statuses
        }
    }

    public struct TaxFilter: Hashable, Sendable {
        public var taxonomy: String
        public var terms: [Int]
        /// "IN", "NOT IN" or "AND".
        public var op: String
        public init(taxonomy: String, terms: [Int], op: String) {
            self.taxonomy = taxonomy
            self.terms = terms
            self.op = op
        }
    }
}

extension ContentStore {
    /// `slug`, or `slug-N` with the first N from 2 that no other post of the type uses.
    public func uniqueSlug(_ slug: String, type: String, excluding id: Int, parent: Int?) async throws -> String {
        try await uniqueSlug(slug, types: [type], excluding: id, parent: parent, baseTaken: false)
    }
}
