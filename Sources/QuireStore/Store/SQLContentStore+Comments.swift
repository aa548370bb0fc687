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
