import Foundation
import QuireValues
import SQLKit
import Synchronization

/// Writing posts: each insert, update and deletion is one transaction with its terms, meta and counts.
extension SQLContentStore {
    public func insertPost(_ p: Post, terms: [String: [Int]], meta: [(String, JSON?)]) async throws -> Post {
        let encodedMeta = meta.map { ($0.0, $0.1.map(Self.encode)) }
        let id = try await provider.write { db in
            let id = try await Self.insertPostRow(p, in: db)
            try await Self.setTerms(postID: id, terms, in: db)
            try await Self.setMeta(postID: id, encodedMeta, in: db)
            return id
        }
        var created = p
        created.id = id
        return created
    }

    public func insertPosts(_ items: [(post: Post, terms: [String: [Int]])]) async throws -> [Post] {
        try await provider.write { db in
            var created: [Post] = []
            for (p, terms) in items {
                var post = p
                post.id = try await Self.insertPostRow(p, in: db)
                for ids in terms.values {
                    for (i, termID) in ids.enumerated() {
                        _ = try await db.raw("""
                            INSERT INTO term_relationships (object_id, term_id, term_order) VALUES (\(bind: post.id), \(bind: termID), \(bind: i))
                            ON CONFLICT (object_id, term_id) DO NOTHING
                            """).all()
                    }
                }
                created.append(post)
            }
            return created
        }
    }

    /// Inserts the row; with `id`, under that id (which must be free), as WordPress's `import_id`.
    static func insertPostRow(_ p: Post, id: Int? = nil, in db: any SQLDatabase) async throws -> Int {
        let idColumn: SQLQueryString = id == nil ? "" : "id, "
        let idValue: SQLQueryString = id.map { "\(bind: $0), " } ?? ""
        let columns: SQLQueryString = """
            author, date, date_gmt, content, title, excerpt, status, comment_status, ping_status,
            password, slug, modified, modified_gmt, parent, guid, menu_order, type, mime_type, comment_count,
            format, sticky, template
            """
        let values: SQLQueryString = """
            \(bind: p.author), \(bind: p.date), \(bind: p.dateGMT), \(bind: p.content), \(bind: p.title),
            \(bind: p.excerpt), \(bind: p.status.rawValue), \(bind: p.commentStatus), \(bind: p.pingStatus),
            \(bind: p.password), \(bind: p.slug), \(bind: p.modified), \(bind: p.modifiedGMT), \(bind: p.parent),
            \(bind: p.guid), \(bind: p.menuOrder), \(bind: p.type), \(bind: p.mimeType), \(bind: p.commentCount),
            \(bind: p.format), \(bind: p.sticky ? 1 : 0), \(bind: p.template)
            """
        let insert: SQLQueryString = "INSERT INTO posts (" + idColumn + columns + ") VALUES (" + idValue + values + ") RETURNING id"
        let inserted = try await db.raw(insert).first()!.int("id")
        if id != nil { try await IdentityColumns.advance("posts", in: db) }
        return inserted
    }

    public func updatePost(_ p: Post, terms: [String: [Int]], meta: [(String, JSON?)]) async throws -> Post {
        let encodedMeta = meta.map { ($0.0, $0.1.map(Self.encode)) }
        try await provider.write { db in
            _ = try await db.raw("""
                UPDATE posts SET author = \(bind: p.author), date = \(bind: p.date), date_gmt = \(bind: p.dateGMT),
                    content = \(bind: p.content), title = \(bind: p.title), excerpt = \(bind: p.excerpt),
                    status = \(bind: p.status.rawValue), comment_status = \(bind: p.commentStatus),
                    ping_status = \(bind: p.pingStatus), password = \(bind: p.password), slug = \(bind: p.slug),
                    modified = \(bind: p.modified), modified_gmt = \(bind: p.modifiedGMT), parent = \(bind: p.parent),
                    guid = \(bind: p.guid), menu_order = \(bind: p.menuOrder), type = \(bind: p.type),
                    mime_type = \(bind: p.mimeType), comment_count = \(bind: p.commentCount), format = \(bind: p.format),
                    sticky = \(bind: p.sticky ? 1 : 0), template = \(bind: p.template)
                WHERE id = \(bind: p.id)
                """).all()
            try await Self.setTerms(postID: p.id, terms, in: db)
            try await Self.setMeta(postID: p.id, encodedMeta, in: db)
        }
        return p
    }

    public func deletePost(id: Int) async throws {
        try await provider.write { db in try await Self.deletePost(id: id, in: db) }
    }

    static func deletePost(id: Int, in db: any SQLDatabase) async throws {
        let children = try await db.raw("SELECT id FROM posts WHERE parent = \(bind: id) AND type IN ('revision')").all().map { try $0.int("id") }
        for child in children { _ = try await db.raw("DELETE FROM posts WHERE id = \(bind: child)").all() }
        _ = try await db.raw("DELETE FROM comments WHERE post_id = \(bind: id)").all()
        _ = try await db.raw("DELETE FROM posts WHERE id = \(bind: id)").all()
    }

    static func setTerms(postID: Int, _ terms: [String: [Int]], in db: any SQLDatabase) async throws {
        guard !terms.isEmpty else { return }
        for (taxonomy, ids) in terms {
            let old = try await db.raw("""
                SELECT tr.term_id FROM term_relationships tr JOIN terms t ON t.id = tr.term_id
                WHERE tr.object_id = \(bind: postID) AND t.taxonomy = \(bind: taxonomy)
                """).all().map { try $0.int("term_id") }
            if !old.isEmpty {
                _ = try await db.raw("DELETE FROM term_relationships WHERE object_id = \(bind: postID) AND " + .inList("term_id", old)).all()
            }
            for (i, termID) in ids.enumerated() {
                _ = try await db.raw("""
                    INSERT INTO term_relationships (object_id, term_id, term_order) VALUES (\(bind: postID), \(bind: termID), \(bind: i))
                    ON CONFLICT (object_id, term_id) DO NOTHING
                    """).all()
            }
        }
    }

    static func setMeta(postID: Int, _ meta: [(String, String?)], in db: any SQLDatabase) async throws {
        for (key, value) in meta {
            _ = try await db.raw("DELETE FROM postmeta WHERE post_id = \(bind: postID) AND meta_key = \(bind: key)").all()
            if let value {
                _ = try await db.raw("INSERT INTO postmeta (post_id, meta_key, meta_value) VALUES (\(bind: postID), \(bind: key), \(bind: value))").all()
            }
        }
    }
}
