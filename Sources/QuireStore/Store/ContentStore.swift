import QuireValues

/// Everything the site keeps, in the data model's terms: no SQL crosses this line. One
/// protocol per aggregate (options, users, posts, terms, comments, in `Aggregates/`), with
/// what spans them here: transactions, snapshots and the content version. Every method that
/// writes runs in one transaction: it happens whole or not at all.
public protocol ContentStore: OptionStore, UserStore, PostStore, TermStore, CommentStore {
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
}
