import QuireStore

/// Where terms' pages are: each term's slug after its ancestors', below its taxonomy's base
/// (`/category/news/releases/`), found in one query per level.
///
///     let paths = try await TermPaths.load(for: [releases], in: store)   // [releases.id: "news/releases"]
enum TermPaths {
    static func load(for terms: [Term], in store: any ContentStore) async throws -> [Int: String] {
        var known: [Int: Term] = [:]
        for t in terms { known[t.id] = t }
        var frontier = Set(terms.map(\.parent).filter { $0 > 0 && known[$0] == nil })
        while !frontier.isEmpty && known.count < 10_000 {
            let found = try await store.terms(ids: Array(frontier))
            for t in found { known[t.id] = t }
            frontier = Set(found.map(\.parent).filter { $0 > 0 && known[$0] == nil })
        }
        var out: [Int: String] = [:]
        for term in terms {
            var path = [term.slug], parent = term.parent
            while parent > 0, let up = known[parent], path.count < 100 { path.insert(up.slug, at: 0); parent = up.parent }
            out[term.id] = path.joined(separator: "/")
        }
        return out
    }

    /// A term's page (`get_term_link`).
    static func link(_ term: Term, path: String?, taxonomy: TaxonomyInfo, home: String) -> String {
        "\(home)/\(taxonomy.permalinkBase)/\(path ?? term.slug)/"
    }
}
