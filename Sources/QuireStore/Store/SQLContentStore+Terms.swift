import Synchronization
import QuireValues
import SQLKit

extension SQLContentStore {
    public func objectMeta(_ kind: MetaKind, ids: [Int]) async throws -> [Int: [String: JSON]] {
        guard !ids.isEmpty else { return [:] }
        return try await provider.read { db in
            var out: [Int: [String: JSON]] = [:]
            let rows = try await db.raw("SELECT \(unsafeRaw: kind.column) AS owner, meta_key, meta_value FROM \(unsafeRaw: kind.table) WHERE "
                + .inList(kind.column, ids) + " ORDER BY id").all()
            for row in rows { out[try row.int("owner"), default: [:]][try row.string("meta_key")] = Self.decode(try row.string("meta_value")) }
            return out
        }
    }

    public func setObjectMeta(_ kind: MetaKind, id: Int, _ values: [(String, JSON?)]) async throws {
        let encoded = values.map { ($0.0, $0.1.map(Self.encode)) }
        try await provider.write { db in
            for (key, value) in encoded {
                _ = try await db.raw("DELETE FROM \(unsafeRaw: kind.table) WHERE \(unsafeRaw: kind.column) = \(bind: id) AND meta_key = \(bind: key)").all()
                if let value {
                    _ = try await db.raw("INSERT INTO \(unsafeRaw: kind.table) (\(unsafeRaw: kind.column), meta_key, meta_value) VALUES (\(bind: id), \(bind: key), \(bind: value))").all()
                }
            }
        }
    }

    static func term(_ r: any SQLRow) throws -> Term {
        Term(id: try r.int("id"), taxonomy: try r.string("taxonomy"), name: try r.string("name"), slug: try r.string("slug"),
             description: try r.string("description"), parent: try r.int("parent"), count: try r.int("count"),
             termGroup: try r.int("term_group"))
    }

    static let termColumns: SQLQueryString = "id, taxonomy, name, slug, description, parent, count, term_group"

    public func term(id: Int) async throws -> Term? {
        try await provider.read { db in
            try await db.raw("SELECT \(Self.termColumns) FROM terms WHERE id = \(bind: id)").first().map(Self.term)
        }
    }

    public func terms(taxonomy: String) async throws -> [Term] {
        try await provider.read { db in
            try await db.raw("SELECT \(Self.termColumns) FROM terms WHERE taxonomy = \(bind: taxonomy) ORDER BY name, id").all().map(Self.term)
        }
    }

    public func terms(ids: [Int]) async throws -> [Term] {
        guard !ids.isEmpty else { return [] }
        return try await rows(of: "terms", columns: Self.termColumns, where: .inList("id", ids), Self.term)
    }

    public func insertTerm(_ t: Term) async throws -> Term {
        let id = try await provider.write { db in
            try await db.raw("""
                INSERT INTO terms (taxonomy, name, slug, description, parent, count, term_group)
                VALUES (\(bind: t.taxonomy), \(bind: t.name), \(bind: t.slug), \(bind: t.description), \(bind: t.parent),
                    \(bind: t.count), \(bind: t.termGroup))
                RETURNING id
                """).first()!.int("id")
        }
        var created = t
        created.id = id
        return created
    }

    public func terms(_ q: TermQuery) async throws -> (terms: [Term], total: Int) {
        var c: [SQLQueryString] = ["taxonomy = \(bind: q.taxonomy)"]
        c.restrict("id", to: q.include, excluding: q.exclude)
        if !q.slugs.isEmpty { c.append(.inList("slug", q.slugs)) }
        if let s = q.search, !s.isEmpty { c.append(SQLLike.anyColumn(["name", "slug"], contains: s)) }
        if let p = q.parent { c.append("parent = \(bind: p)") }
        if let post = q.post { c.append("id IN (SELECT term_id FROM term_relationships WHERE object_id = \(bind: post))") }
        if q.hideEmpty { c.append("count > 0") }
        let whereClause = c.joined(separator: " AND ")
        let dir = q.ascending ? "ASC" : "DESC"
        var order: SQLQueryString
        switch q.orderBy {
        case "include" where !q.include.isEmpty:
            order = "CASE id"
            for (i, id) in q.include.enumerated() { order += " WHEN \(bind: id) THEN \(unsafeRaw: String(i))" }
            order += " END ASC"
        case "include_slugs" where !q.slugs.isEmpty:
            order = "CASE slug"
            for (i, slug) in q.slugs.enumerated() { order += " WHEN \(bind: slug) THEN \(unsafeRaw: String(i))" }
            order += " END ASC"
        case "id": order = "id \(unsafeRaw: dir)"
        case "slug", "include_slugs": order = "lower(slug) \(unsafeRaw: dir), id ASC"
        case "term_group": order = "term_group \(unsafeRaw: dir), id ASC"
        case "description": order = "lower(description) \(unsafeRaw: dir), id ASC"
        case "count": order = "count \(unsafeRaw: dir), id ASC"
        default: order = "lower(name) \(unsafeRaw: dir), id ASC"
        }
        return try await page(of: "terms", columns: Self.termColumns, where: whereClause, order: order,
                              limit: q.limit, offset: q.offset, Self.term)
    }

    public func updateTerm(_ t: Term) async throws {
        try await write("""
            UPDATE terms SET name = \(bind: t.name), slug = \(bind: t.slug), description = \(bind: t.description),
                parent = \(bind: t.parent), term_group = \(bind: t.termGroup)
            WHERE id = \(bind: t.id)
            """)
    }

    public func deleteTerm(id: Int, fallbackCategory: Int?) async throws {
        try await provider.write { db in
            guard let term = try await db.raw("SELECT \(Self.termColumns) FROM terms WHERE id = \(bind: id)").first().map(Self.term) else { return }
            let posts = try await db.raw("SELECT object_id FROM term_relationships WHERE term_id = \(bind: id)").all().map { try $0.int("object_id") }
            _ = try await db.raw("UPDATE terms SET parent = \(bind: term.parent) WHERE parent = \(bind: id) AND taxonomy = \(bind: term.taxonomy)").all()
            _ = try await db.raw("DELETE FROM terms WHERE id = \(bind: id)").all()
            // Posts left without a category get the default one, when it is a category that
            // exists (WordPress skips a default category that names no term).
            var fallback: Int? = nil
            if term.taxonomy == "category", let f = fallbackCategory, f != id,
               try await db.raw("SELECT id FROM terms WHERE id = \(bind: f) AND taxonomy = 'category'").first() != nil {
                fallback = f
            }
            if let fallback {
                for post in posts {
                    let left = try await db.raw("""
                        SELECT COUNT(*) AS n FROM term_relationships tr JOIN terms t ON t.id = tr.term_id
                        WHERE tr.object_id = \(bind: post) AND t.taxonomy = 'category'
                        """).first()?.int("n") ?? 0
                    if left == 0 {
                        _ = try await db.raw("INSERT INTO term_relationships (object_id, term_id) VALUES (\(bind: post), \(bind: fallback)) ON CONFLICT (object_id, term_id) DO NOTHING").all()
                    }
                }
            }
        }
    }

    public func termSlugExists(_ slug: String, taxonomy: String?, excluding id: Int) async throws -> Bool {
        try await provider.read { db in
            var q: SQLQueryString = "SELECT id FROM terms WHERE slug = \(bind: slug) AND id <> \(bind: id)"
            if let taxonomy { q += " AND taxonomy = \(bind: taxonomy)" }
            return try await db.raw(q + " LIMIT 1").first() != nil
        }
    }

    public func numberedTermSlug(_ slug: String, excluding id: Int) async throws -> String {
        try await provider.read { db in
            // The slug and every "slug-…" lie in one range of the slug index ("." follows "-").
            // Only the slug itself spares the term asking; its numbers count whoever holds them.
            let taken = Mutex(SlugNumbers(base: slug))
            try await db.raw("SELECT id, slug FROM terms WHERE slug >= \(bind: slug) AND slug < \(bind: slug + ".")").run { row in
                guard let other = try? row.string("slug"), let holder = try? row.int("id") else { return }
                if other == slug && holder == id { return }
                taken.withLock { $0.note(other) }
            }
            return taken.withLock { $0.firstFree }
        }
    }

    public func termIDs(postIDs: [Int], taxonomies: [String]) async throws -> [Int: [String: [Int]]] {
        guard !postIDs.isEmpty, !taxonomies.isEmpty else { return [:] }
        return try await provider.read { db in
            var out: [Int: [String: [Int]]] = [:]
            let rows = try await db.raw("""
                SELECT tr.object_id, tr.term_id, t.taxonomy FROM term_relationships tr JOIN terms t ON t.id = tr.term_id
                WHERE 
                """ + .inList("tr.object_id", postIDs) + " AND " + .inList("t.taxonomy", taxonomies)
                + " ORDER BY tr.object_id, t.name, tr.term_id").all()
            for r in rows {
                out[try r.int("object_id"), default: [:]][try r.string("taxonomy"), default: []].append(try r.int("term_id"))
            }
            return out
        }
    }
}
