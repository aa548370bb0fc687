import QuireValues

/// Terms of every taxonomy, how posts are filed under them, and the meta of terms, users and comments.
public protocol TermStore: Sendable {
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
}

/// What a list of terms asks for.
public struct TermQuery: Sendable {
    public var taxonomy: String
    public var include: [Int] = [], exclude: [Int] = []
    public var slugs: [String] = []
    public var search: String? = nil
    public var parent: Int? = nil
    public var post: Int? = nil
    public var hideEmpty = false
    public var orderBy = "name", ascending = true
    /// The page: how many at most, after how many.
    public var limit = 10, offset = 0

    public init(taxonomy: String) { self.taxonomy = taxonomy }
}


/// Which objects a meta value belongs to.
public enum MetaKind: String, Sendable {
    case term, user, comment

    var table: String { "\(rawValue)meta" }
    var column: String { "\(rawValue)_id" }
}
