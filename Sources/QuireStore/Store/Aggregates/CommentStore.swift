import QuireValues

/// Comments on posts.
public protocol CommentStore: Sendable {
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

/// What a list of comments asks for.
public struct CommentQuery: Sendable {
    /// Stored `approved` values to include ("1", "0", "spam", "trash").
    public var approved: [String] = ["1"]
    public var types: [String]? = ["comment"]
    public var posts: [Int] = []
    public var include: [Int] = [], exclude: [Int] = []
    public var parents: [Int] = [], parentExclude: [Int] = []
    public var authors: [Int] = [], authorExclude: [Int] = []
    public var authorEmail: String? = nil
    public var search: String? = nil
    public var after: String? = nil, before: String? = nil
    /// Only comments on posts with these statuses (what the asker may read).
    public var postStatuses: [PostStatus]? = nil
    public var orderBy = "date_gmt", ascending = false
    /// The page: how many at most, after how many.
    public var limit = 10, offset = 0

    public init() {}
}
