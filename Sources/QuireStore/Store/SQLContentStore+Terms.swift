import SQLKit

extension SQLContentStore {
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
        return try await provider.read { db in
            try await db.raw("SELECT \(Self.termColumns) FROM terms WHERE " + .inList("id", ids)).all().map(Self.term)
        }
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
