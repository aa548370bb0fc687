/// Collection pagination as WordPress's controllers do it: `X-WP-Total`, `X-WP-TotalPages`,
/// and `Link` rel="prev"/"next" keeping the request's query.
public enum Pagination {
    /// How many items come before `page`, plus any `offset`: never negative, and saturating
    /// instead of overflowing, so any page number a request can hold is a page past the end.
    ///
    ///     Pagination.skip(page: 3, perPage: 10)                 // 20
    ///     Pagination.skip(page: Int.max, perPage: 100)          // Int.max
    ///     Pagination.skip(page: 1, perPage: 10, offset: -1)     // 0
    public static func skip(page: Int, perPage: Int, offset: Int = 0) -> Int {
        let (before, overflow) = max(page - 1, 0).multipliedReportingOverflow(by: max(perPage, 0))
        if overflow { return Int.max }
        let (sum, over) = before.addingReportingOverflow(max(offset, 0))
        return over ? Int.max : sum
    }

    /// The page count, or the "page number larger than the number of pages" error.
    public static func totalPages(total: Int, perPage: Int, page: Int) throws(RESTError) -> Int {
        let pages = perPage > 0 ? (total + perPage - 1) / perPage : 0
        if page > pages && total > 0 { throw RESTError.invalidPageNumber() }
        return pages
    }

    public static func addHeaders(to response: inout RESTResponse, request: RESTRequest, collectionRoute: String,
                                  total: Int, perPage: Int, page: Int) {
        let pages = perPage > 0 ? (total + perPage - 1) / perPage : 0
        response.header("X-WP-Total", String(total))
        response.header("X-WP-TotalPages", String(pages))
        let base = request.server.site.restURL(collectionRoute)
        func link(_ n: Int) -> String {
            var q = request.query
            q["page"] = .int(n)
            return base + "?" + FormDecoder.buildQuery(q)
        }
        var links: [String] = []
        if page > 1 { links.append("<\(link(min(page - 1, max(pages, 1))))>; rel=\"prev\"") }
        if pages > page { links.append("<\(link(page + 1))>; rel=\"next\"") }
        if !links.isEmpty { response.header("Link", links.joined(separator: ", ")) }
    }
}
