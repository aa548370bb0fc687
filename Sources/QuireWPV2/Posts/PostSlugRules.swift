import QuireStore

/// Which posts a new slug must differ from, and which slugs WordPress never gives as they are
/// (`wp_unique_post_slug`): feed names and `embed` for every type; for hierarchical types a
/// number or `page` and a number (it would read as a page of a listing); for posts, a number
/// the permalink structure would read as a year, month or day.
///
/// ```swift
/// PostSlugRules.isReserved("feed", type: post, changed: true, permalinkStructure: "/%postname%/")   // true
/// PostSlugRules.isReserved("2024", type: post, changed: true, permalinkStructure: "/%postname%/")   // true
/// PostSlugRules.isReserved("page3", type: page, changed: true, permalinkStructure: "/%postname%/")  // true
/// ```
enum PostSlugRules {
    static let feeds: Set<String> = ["feed", "rdf", "rss", "rss2", "atom"]

    /// The types whose posts a slug of `type` must differ from: every type for attachments,
    /// the type and attachments under the same parent for hierarchical types, the type alone
    /// otherwise.
    static func scope(for type: PostType, parent: Int) -> (types: [String]?, parent: Int?) {
        if type.name == "attachment" { return (nil, nil) }
        if type.hierarchical { return ([type.name, "attachment"], parent) }
        return ([type.name], nil)
    }

    /// Whether `slug` may not be given as it is. `changed`: the post does not hold this slug
    /// already (the date-archive rule spares a slug a post keeps).
    static func isReserved(_ slug: String, type: PostType, changed: Bool, permalinkStructure: String?) -> Bool {
        if feeds.contains(slug) || slug == "embed" { return true }
        if type.name == "attachment" { return false }
        if type.hierarchical { return isPageNumber(slug) }
        guard type.name == "post", changed, isDigits(slug), slug.contains(where: { $0 != "0" }) else { return false }
        return readsAsDateArchive(slug, permalinkStructure: permalinkStructure ?? "")
    }

    /// `^(page)?\d+$`, the pagination base being `page`.
    private static func isPageNumber(_ slug: String) -> Bool {
        let digits = slug.hasPrefix("page") ? String(slug.dropFirst(4)) : slug
        return isDigits(digits)
    }

    private static func isDigits(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A number where the structure puts the post's name: first (a year), after the year and
    /// below 13 (a month), or after the month and below 32 (a day).
    private static func readsAsDateArchive(_ slug: String, permalinkStructure: String) -> Bool {
        let parts = permalinkStructure.split(separator: "/").map(String.init)
        guard let at = parts.firstIndex(of: "%postname%") else { return false }
        if at == 0 { return true }
        let n = Int(slug) ?? Int.max
        switch parts[at - 1] {
        case "%year%": return n < 13
        case "%monthnum%": return n < 32
        default: return false
        }
    }
}
