import QuireValues

/// Posts of every type with their meta, revisions and slugs.
public protocol PostStore: Sendable {
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
}

/// What a list of posts asks for (the parts of `WP_Query` the REST API uses).
///
///     var q = PostQuery()
///     q.types = ["book"]
///     q.statuses = [.publish, .private]
///     q.limit = 10
///     let page = try await store.posts(q)            // page.posts, page.total
public struct PostQuery: Hashable, Sendable {
    public var types: [String] = ["post"]
    public var statuses: [PostStatus] = [.publish]
    /// Statuses visible only to the given author (their own private posts), on top of `statuses`.
    public var authorOnlyStatuses: AuthorStatuses? = nil
    public var include: [Int] = [], exclude: [Int] = []
    public var authors: [Int] = [], authorExclude: [Int] = []
    public var parents: [Int] = [], parentExclude: [Int] = []
    public var slugs: [String] = []
    public var search: String? = nil
    /// A search leaves out password-protected posts (WordPress does for visitors).
    public var searchSkipsProtected = false
    /// A search also matches an attachment's file name (`wp_allow_query_attachment_by_filename`).
    public var searchesAttachedFiles = false
    public var after: String? = nil, before: String? = nil
    public var modifiedAfter: String? = nil, modifiedBefore: String? = nil
    public var sticky: Bool? = nil
    public var menuOrder: Int? = nil
    /// Attachments of these MIME types: `image/png` exactly, or `image` for every image.
    public var mimeTypes: [String] = []
    /// Taxonomy filters, combined by `taxRelation`.
    public var taxQuery: [TaxFilter] = []
    public var taxRelation = "AND"
    public var orderBy = "date", ascending = false
    /// The page: how many at most, after how many.
    public var limit = 10, offset = 0

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
        public var statuses: [PostStatus]
        public init(author: Int, statuses: [PostStatus]) {
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


extension PostStore {
    /// `slug`, or `slug-N` with the first N from 2 that no other post of the type uses.
    public func uniqueSlug(_ slug: String, type: String, excluding id: Int, parent: Int?) async throws -> String {
        try await uniqueSlug(slug, types: [type], excluding: id, parent: parent, baseTaken: false)
    }
}
