import QuireREST
import QuireStore

extension RESTRequest {
    /// A list parameter's integers (`include`, `author`, …); empty when absent.
    func ints(_ key: String) -> [Int] { self[key]?.arrayValue?.compactMap(\.intValue) ?? [] }

    /// A list parameter's strings (`slug`, `roles`, …); empty when absent.
    func strings(_ key: String) -> [String] { self[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
}

extension PostQuery {
    /// The filters posts and media lists share: ids, authors, parents, slugs, search and dates.
    mutating func applyItemFilters(_ r: RESTRequest) {
        include = r.ints("include")
        exclude = r.ints("exclude")
        authors = r.ints("author")
        authorExclude = r.ints("author_exclude")
        parents = r.ints("parent")
        parentExclude = r.ints("parent_exclude")
        slugs = r.strings("slug")
        if let s = r["search"]?.stringValue, !s.isEmpty { search = s }
        searchSkipsProtected = r.user == nil
        func date(_ k: String) -> String? { WPDate.stored(fromREST: r[k]?.stringValue) }
        after = date("after")
        before = date("before")
        modifiedAfter = date("modified_after")
        modifiedBefore = date("modified_before")
    }
}
