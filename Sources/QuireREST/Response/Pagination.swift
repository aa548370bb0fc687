/// Collection pagination as WordPress's controllers do it: `X-WP-Total`, `X-WP-TotalPages`,
/// and `Link` rel="prev"/"next" keeping the request's query.
public enum Pagination {
    /// How many items a page skips, as WordPress's queries count them: a non-zero `offset`
    /// replaces the page (its absolute value, as `absint` makes it); otherwise the pages before
    /// `page`. Never negative, and saturating instead of overflowing, so any page number a
    /// request can hold is simply a page past the end.
    ///
    ///     Pagination.skip(page: 3, perPage: 10)                 // 20
    ///     Pagination.skip(page: 3, perPage: 10, offset: 4)      // 4
    ///     Pagination.skip(page: 1, perPage: 10, offset: -1)     // 1
    ///     Pagination.skip(page: Int.max, perPage: 100)          // Int.max
    public static func skip(page: Int, perPage: Int, offset: Int = 0) -> Int {
        if offset != 0 { return offset == Int.min ? Int.max : abs(offset) }
        let (before, overflow) = max(page - 1, 0).multipliedReportingOverflow(by: max(perPage, 0))
        return overflow ? Int.max : before
    }

    /// The page an offset falls in, as the terms and users controllers report it
    /// (`ceil(offset / per_page + 1)`).
    public static func pageOfOffset(_ offset: Int, perPage: Int) -> Int {
        guard perPage > 0, offset > 0 else { return 1 }
        if offset == Int.max { return Int.max }
        return offset / perPage + (offset % perPage == 0 ? 1 : 2)
    }

    /// `add_query_arg` writes a parameter with an empty value as its bare name (`search&page=2`).
    static func withoutEmptyValues(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("=") ? $0.dropLast() : $0 }.joined(separator: "&")
    }

    /// The page count of `total` items.
    public static func pageCount(total: Int, perPage: Int) -> Int {
        perPage > 0 ? total / perPage + (total % perPage == 0 ? 0 : 1) : 0
    }

    /// The page count, or the "page number larger than the number of pages" error.
    public static func totalPages(total: Int, perPage: Int, page: Int,
                                  error: RESTError = .invalidPageNumber()) throws(RESTError) -> Int {
        let pages = pageCount(total: total, perPage: perPage)
        if page > pages && total > 0 { throw error }
        return pages
    }

    /// `clampPrevious`: the previous page is never past the last (the search controller does not clamp).
    public static func addHeaders(to response: inout RESTResponse, request: RESTRequest, collectionRoute: String,
                                  total: Int, perPage: Int, page: Int, clampPrevious: Bool = true) {
        let pages = pageCount(total: total, perPage: perPage)
        response.header("X-WP-Total", String(total))
        response.header("X-WP-TotalPages", String(pages))
        let base = request.server.site.restURL(collectionRoute)
        func link(_ n: Int) -> String {
            var q = request.query
            q["page"] = .int(n)
            return base + "?" + Self.withoutEmptyValues(FormDecoder.buildQuery(q))
        }
        var links: [String] = []
        if page > 1 { links.append("<\(link(clampPrevious ? min(page - 1, pages) : page - 1))>; rel=\"prev\"") }
        if pages > page { links.append("<\(link(page + 1))>; rel=\"next\"") }
        if !links.isEmpty { response.header("Link", links.joined(separator: ", ")) }
    }
}
