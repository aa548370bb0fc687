/// The page of a collection a request asks for (`page`, `per_page`, `offset`), and the way
/// WordPress answers it: the page past the last refused or empty, `X-WP-Total`,
/// `X-WP-TotalPages` and the `prev`/`next` links.
///
///     let page = CollectionPage(r)                       // page 2, 10 a page → skip 10
///     query.limit = page.perPage
///     query.offset = page.skip
///     let (rows, total) = try await store.users(query)
///     return try page.response(rows.map(\.json), total: total, request: r, route: "/wp/v2/users")
public struct CollectionPage: Sendable {
    /// The page number asked for (1 when absent).
    public var number: Int
    /// How many items a page holds.
    public var perPage: Int
    /// The `offset` asked for (0 when absent); it replaces the page when not zero.
    public var offset: Int
    /// How many items come before the page.
    public var skip: Int { Pagination.skip(page: number, perPage: perPage, offset: offset) }
    /// The page the skipped items end on, as the terms and users controllers report it.
    public var pageOfOffset: Int { Pagination.pageOfOffset(skip, perPage: perPage) }

    /// The page `request` asks for, `perPage` items a page unless it says.
    public init(_ request: RESTRequest, perPage: Int = 10) {
        self.init(number: request["page"]?.intValue ?? 1, perPage: request["per_page"]?.intValue ?? perPage,
                  offset: request["offset"]?.intValue ?? 0)
    }

    public init(number: Int, perPage: Int, offset: Int = 0) {
        self.number = number
        self.perPage = perPage
        self.offset = offset
    }

    /// Refuses a page past the last of `total` items (`rest_post_invalid_page_number`, or the
    /// error given); an empty collection has one page.
    public func check(total: Int, error: RESTError = .invalidPageNumber()) throws(RESTError) {
        _ = try Pagination.totalPages(total: total, perPage: perPage, page: number, error: error)
    }

    /// Adds the total, the page count and the links to neighbouring pages of the collection at
    /// `route`. `reportedPage` is the page the links count from (the number asked for unless
    /// given); `clampPrevious` keeps the previous page within the last.
    public func addHeaders(to response: inout RESTResponse, total: Int, request: RESTRequest, route: String,
                           reportedPage: Int? = nil, clampPrevious: Bool = true) {
        Pagination.addHeaders(to: &response, request: request, collectionRoute: route, total: total, perPage: perPage,
                              page: reportedPage ?? number, clampPrevious: clampPrevious)
    }

    /// The whole answer: the page's items and its headers. A page past the last is refused
    /// with `pastEnd`, or answered with its (empty) items when `pastEnd` is nil.
    public func response(_ items: [JSON], total: Int, request: RESTRequest, route: String,
                         pastEnd: RESTError? = .invalidPageNumber(), reportedPage: Int? = nil) throws -> RESTResponse {
        if let pastEnd { try check(total: total, error: pastEnd) }
        var response = RESTResponse(.array(items))
        addHeaders(to: &response, total: total, request: request, route: route, reportedPage: reportedPage)
        return response
    }
}
