import SQLKit

extension SQLContentStore {
    static func comment(_ r: any SQLRow) throws -> Comment {
        Comment(id: try r.int("id"), postID: try r.int("post_id"), author: try r.string("author"),
                authorEmail: try r.string("author_email"), authorURL: try r.string("author_url"),
                authorIP: try r.string("author_ip"), date: try r.string("date"), dateGMT: try r.string("date_gmt"),
                content: try r.string("content"), karma: try r.int("karma"), approved: try r.string("approved"),
                agent: try r.string("agent"), type: try r.string("type"), parent: try r.int("parent"),
                userID: try r.int("user_id"))
    }

    public func comment(id: Int) async throws -> Comment? {
        try await provider.read { db in
            try await db.raw("""
                SELECT id, post_id, author, author_email, author_url, author_ip, date, date_gmt, content, karma, approved,
                    agent, type, parent, user_id FROM comments WHERE id = \(bind: id)
                """).first().map(Self.comment)
        }
    }

    static let commentColumns: SQLQueryString = """
        id, post_id, author, author_email, author_url, author_ip, date, date_gmt, content, karma, approved, agent, type,
        parent, user_id
        """

    public func comments(_ q: CommentQuery) async throws -> (comments: [Comment], total: Int) {
        var c: [SQLQueryString] = [.inList("approved", q.approved)]
        if let types = q.types { c.append(.inList("type", types)) }
        if !q.posts.isEmpty { c.append(.inList("post_id", q.posts)) }
        c.restrict("id", to: q.include, excluding: q.exclude)
        c.restrict("parent", to: q.parents, excluding: q.parentExclude)
        c.restrict("user_id", to: q.authors, excluding: q.authorExclude)
        if let e = q.authorEmail { c.append("author_email = \(bind: e)") }
        if let s = q.search, !s.isEmpty {
            c.append(SQLLike.anyColumn(["author", "author_email", "author_url", "author_ip", "content"], contains: s))
        }
        if let v = q.after { c.append("date > \(bind: v)") }
        if let v = q.before { c.append("date < \(bind: v)") }
        // A correlated lookup by primary key: an `IN (SELECT …)` would collect every post of those statuses first.
        if let statuses = q.postStatuses {
            c.append("EXISTS (SELECT 1 FROM posts WHERE posts.id = comments.post_id AND " + .inList("posts.status", statuses.map(\.rawValue)) + ")")
        }
        let whereClause = c.joined(separator: " AND ")
        let dir = q.ascending ? "ASC" : "DESC"
        let column: String
        switch q.orderBy {
        case "include" where !q.include.isEmpty:
            column = "CASE id " + q.include.enumerated().map { "WHEN \($0.element) THEN \($0.offset)" }.joined(separator: " ") + " END"
        case "id", "include": column = "id"
        case "date": column = "date"
        case "parent": column = "parent"
        case "post": column = "post_id"
        case "type": column = "type"
        default: column = "date_gmt"
        }
        // The order of `include` is the list's own, whatever the direction (`FIELD(comment_ID, …)`).
        let order: SQLQueryString = column == "id" ? "id \(unsafeRaw: dir)"
            : column.hasPrefix("CASE") ? "\(unsafeRaw: column) ASC" : "\(unsafeRaw: column) \(unsafeRaw: dir), id \(unsafeRaw: dir)"
        return try await page(of: "comments", columns: Self.commentColumns, where: whereClause, order: order,
                              limit: q.limit, offset: q.offset, Self.comment)
    }

    public func updateComment(_ c: Comment) async throws {
        try await provider.write { db in
            _ = try await db.raw("""
                UPDATE comments SET post_id = \(bind: c.postID), author = \(bind: c.author), author_email = \(bind: c.authorEmail),
                    author_url = \(bind: c.authorURL), author_ip = \(bind: c.authorIP), date = \(bind: c.date),
                    date_gmt = \(bind: c.dateGMT), content = \(bind: c.content), approved = \(bind: c.approved),
                    agent = \(bind: c.agent), type = \(bind: c.type), parent = \(bind: c.parent), user_id = \(bind: c.userID)
                WHERE id = \(bind: c.id)
                """).all()
            try await Self.recountComments(postID: c.postID, in: db)
        }
    }

    public func deleteComment(id: Int) async throws {
        try await provider.write { db in
            guard let c = try await db.raw("SELECT \(Self.commentColumns) FROM comments WHERE id = \(bind: id)").first().map(Self.comment) else { return }
            _ = try await db.raw("UPDATE comments SET parent = \(bind: c.parent) WHERE parent = \(bind: id)").all()
            _ = try await db.raw("DELETE FROM comments WHERE id = \(bind: id)").all()
            try await Self.recountComments(postID: c.postID, in: db)
        }
    }

    public func commentsWithChildren(_ ids: [Int]) async throws -> Set<Int> {
        guard !ids.isEmpty else { return [] }
        return try await provider.read { db in
            Set(try await db.raw("SELECT DISTINCT parent FROM comments WHERE " + .inList("parent", ids)).all().map { try $0.int("parent") })
        }
    }

    public func latestCommentDate(userID: Int?, ip: String, email: String, since: String) async throws -> String? {
        try await provider.read { db in
            let who: SQLQueryString = userID.map { "user_id = \(bind: $0)" } ?? "author_ip = \(bind: ip)"
            let rows = try await db.raw("SELECT date_gmt FROM comments WHERE date_gmt >= \(bind: since) AND (" + who
                + " OR author_email = \(bind: email)) ORDER BY date_gmt DESC LIMIT 1").all()
            return try rows.first.map { try $0.string("date_gmt") }
        }
    }

    public func insertComment(_ c: Comment) async throws -> Comment {
        let id = try await provider.write { db in
            let id = try await db.raw("""
                INSERT INTO comments (post_id, author, author_email, author_url, author_ip, date, date_gmt, content, karma,
                    approved, agent, type, parent, user_id)
                VALUES (\(bind: c.postID), \(bind: c.author), \(bind: c.authorEmail), \(bind: c.authorURL),
                    \(bind: c.authorIP), \(bind: c.date), \(bind: c.dateGMT), \(bind: c.content), \(bind: c.karma),
                    \(bind: c.approved), \(bind: c.agent), \(bind: c.type), \(bind: c.parent), \(bind: c.userID))
                RETURNING id
                """).first()!.int("id")
            try await Self.recountComments(postID: c.postID, in: db)
            return id
        }
        var created = c
        created.id = id
        return created
    }

    /// A post's `comment_count` is its approved comments.
    static func recountComments(postID: Int, in db: any SQLDatabase) async throws {
        _ = try await db.raw("""
            UPDATE posts SET comment_count = (SELECT COUNT(*) FROM comments WHERE post_id = \(bind: postID) AND approved = '1')
            WHERE id = \(bind: postID)
            """).all()
    }
}
