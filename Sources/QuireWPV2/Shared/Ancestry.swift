/// Walks up a hierarchy of posts or terms whose ancestors are already loaded.
enum Ancestry {
    /// The slugs above an object, outermost first: `parent` is followed through `known` until
    /// the top, a missing ancestor, a loop back to one already seen, or `limit` levels.
    ///
    ///     Ancestry.slugs(above: team.parent, of: team.id, in: pages, limit: 32, slug: \.slug, parent: \.parent)   // ["about"]
    static func slugs<T>(above start: Int, of id: Int, in known: [Int: T], limit: Int,
                         slug: (T) -> String, parent: (T) -> Int) -> [String] {
        var chain: [String] = []
        var next = start
        var seen: Set<Int> = [id]
        while next > 0, !seen.contains(next), let up = known[next], chain.count < limit {
            seen.insert(next)
            chain.insert(slug(up), at: 0)
            next = parent(up)
        }
        return chain
    }
}
