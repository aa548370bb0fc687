import QuireStore

/// The parents above hierarchical posts, whose slugs make a page's address (`about/team/`).
enum PageAncestry {
    /// The slugs of each post's ancestors, outermost first, one query per level (32 at most).
    ///
    ///     try await PageAncestry.slugs(for: [team], in: store)   // [team.id: ["about"]]
    static func slugs(for posts: [Post], in store: any ContentStore) async throws -> [Int: [String]] {
        var known: [Int: Post] = [:]
        var frontier = Set(posts.map(\.parent).filter { $0 > 0 })
        var depth = 0
        while !frontier.isEmpty && depth < 32 {
            let found = try await store.posts(ids: Array(frontier))
            for p in found { known[p.id] = p }
            frontier = Set(found.map(\.parent).filter { $0 > 0 && known[$0] == nil })
            depth += 1
        }
        var out: [Int: [String]] = [:]
        for post in posts {
            out[post.id] = Ancestry.slugs(above: post.parent, of: post.id, in: known, limit: 32, slug: \.slug, parent: \.parent)
        }
        return out
    }
}
