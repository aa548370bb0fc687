import QuireValues
import SQLKit

/// What an import of another site's content needs beyond the everyday writes: rows made under
/// the ids they had (when those are free), the lookups that tell an object already imported,
/// and comment counts brought up to date once at the end instead of after every row (term
/// counts the database's triggers keep as relationships are written).
///
/// ```swift
/// try await store.provider.write { _ in
///     let post = try await store.importPost(post, preferredID: 42, terms: ["category": [3]], meta: [])
///     try await store.recountComments()
/// }
/// ```
extension SQLContentStore {
    /// Inserts a post under `preferredID` when no post has that id (as WordPress's `import_id`),
    /// under a new id otherwise, with its terms and meta. Comment counts are left to `recountComments`.
    public func importPost(_ p: Post, preferredID: Int, terms: [String: [Int]], meta: [(String, JSON)]) async throws -> Post {
        let encodedMeta = meta.map { ($0.0, Self.encode($0.1)) }
        let id = try await provider.write { db in
            var keep: Int?
            if preferredID > 0,
               try await db.raw("SELECT id FROM posts WHERE id = \(bind: preferredID)").first() == nil {
                keep = preferredID
            }
            let id = try await Self.insertPostRow(p, id: keep, in: db)
            for ids in terms.values {
                for (i, termID) in ids.enumerated() {
                    _ = try await db.raw("""
                        INSERT INTO term_relationships (object_id, term_id, term_order) VALUES (\(bind: id), \(bind: termID), \(bind: i))
                        ON CONFLICT (object_id, term_id) DO NOTHING
                        """).all()
                }
            }
            for (key, value) in encodedMeta {
                _ = try await db.raw("INSERT INTO postmeta (post_id, meta_key, meta_value) VALUES (\(bind: id), \(bind: key), \(bind: value))").all()
            }
            return id
        }
        var created = p
        created.id = id
        return created
    }

    /// Sets an imported post's parent (once the parent, later in the file, has its id).
    public func setPostParent(id: Int, parent: Int) async throws {
        try await write("UPDATE posts SET parent = \(bind: parent) WHERE id = \(bind: id)")
    }

    /// Sets (or, with nil, removes) meta values of a post.
    public func setPostMeta(id: Int, _ values: [(String, JSON?)]) async throws {
        let encoded = values.map { ($0.0, $0.1.map(Self.encode)) }
        try await provider.write { db in try await Self.setMeta(postID: id, encoded, in: db) }
    }

    /// The post of this type with this GUID, if any.
    public func postID(guid: String, type: String) async throws -> Int? {
        guard !guid.isEmpty else { return nil }
        return try await provider.read { db in
            try await db.raw("SELECT id FROM posts WHERE guid = \(bind: guid) AND type = \(bind: type) ORDER BY id LIMIT 1").first()?.int("id")
        }
    }

    /// The post of this type with this slug and local date, if any.
    public func postID(slug: String, type: String, date: String) async throws -> Int? {
        guard !slug.isEmpty else { return nil }
        return try await provider.read { db in
            try await db.raw("""
                SELECT id FROM posts WHERE slug = \(bind: slug) AND type = \(bind: type) AND date = \(bind: date) ORDER BY id LIMIT 1
                """).first()?.int("id")
        }
    }

    /// The term of this taxonomy with this slug, if any.
    public func termID(slug: String, taxonomy: String) async throws -> Int? {
        try await provider.read { db in
            try await db.raw("SELECT id FROM terms WHERE taxonomy = \(bind: taxonomy) AND slug = \(bind: slug)").first()?.int("id")
        }
    }

    /// The comment on this post by this author at this time, if any (WordPress's `comment_exists`).
    public func commentID(postID: Int, author: String, date: String) async throws -> Int? {
        try await provider.read { db in
            try await db.raw("""
                SELECT id FROM comments WHERE post_id = \(bind: postID) AND author = \(bind: author) AND date = \(bind: date) ORDER BY id LIMIT 1
                """).first()?.int("id")
        }
    }

    /// Replaces a text in every post's content (an address that moved).
    public func replaceInContent(_ old: String, with new: String) async throws {
        guard !old.isEmpty else { return }
        try await write("UPDATE posts SET content = REPLACE(content, \(bind: old), \(bind: new)) WHERE content LIKE \(bind: "%" + SQLLike.escape(old) + "%") ESCAPE '\\'")
    }

    /// Brings every post's comment count up to date.
    public func recountComments() async throws {
        try await write("""
            UPDATE posts SET comment_count = (SELECT COUNT(*) FROM comments WHERE post_id = posts.id AND approved = '1')
            WHERE id IN (SELECT DISTINCT post_id FROM comments)
            """)
    }
}
