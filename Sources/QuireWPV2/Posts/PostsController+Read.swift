import QuireREST
import QuireStore

extension PostsController {
    var presenter: PostPresenter {
        PostPresenter(type: type, types: types, contextPlan: contextPlan, fieldNames: fieldNames, linkTexts: linkTexts,
                      shownFields: shownFields)
    }

    func listPermission(_ r: RESTRequest) async throws -> Permission {
        if r.context == "edit" && !r.can(type.capabilities.editPosts) {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit posts in this post type.",
                                    status: r.authorizationStatus))
        }
        return .allowed
    }

    func readPermission(_ r: RESTRequest) async throws -> Permission {
        guard let post = try await requestedPost(r) else { return .error(notFound()) }
        if r.context == "edit", !can(r, .editPost, try await capabilitySubject(post)) {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit this post.",
                                    status: r.authorizationStatus))
        }
        // Any password given must be the post's, whoever asks (a post without one has none to match).
        if let given = r["password"]?.stringValue, !given.isEmpty, !ConstantTime.equal(given, post.password) {
            return .error(RESTError("rest_post_incorrect_password", "Incorrect post password.", status: 403))
        }
        return .from(canRead(r, post))
    }

    /// Terms, meta and revision counts for a page of posts, in a constant number of queries;
    /// `editing` (the edit context) adds each post's generated slug, one query a post.
    func related(for posts: [Post], editing: Bool) async throws -> [Int: PostPresenter.Related] {
        let ids = posts.map(\.id)
        let terms = try await store.termIDs(postIDs: ids, taxonomies: type.taxonomies)
        let meta = try await store.postMeta(postIDs: ids)
        let revisions = type.supports.contains("revisions") ? try await store.revisionStats(postIDs: ids) : [:]
        let ancestors = type.hierarchical ? try await ancestorSlugs(for: posts) : [:]
        var out: [Int: PostPresenter.Related] = [:]
        for post in posts {
            let id = post.id
            var generatedSlug: String?
            if editing {
                var sample = post
                sample.slug = Slug.sanitizeTitle(post.title)
                generatedSlug = try await uniqueSlug(sample, stored: post.slug)
            }
            out[id] = PostPresenter.Related(terms: terms[id] ?? [:], meta: meta[id] ?? [:],
                                            revisions: revisions[id]?.count ?? 0, lastRevision: revisions[id]?.latest,
                                            ancestors: ancestors[id] ?? [], generatedSlug: generatedSlug)
        }
        return out
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        guard let post = try await requestedPost(r) else { throw notFound() }
        let rel = try await related(for: [post], editing: r.context == "edit")[post.id] ?? .init()
        var response = await answer(post, r, related: rel, canEdit: can(r, .editPost, try await capabilitySubject(post)))
        if type.isViewable {
            response.header("Link", "<\(presenter.permalink(post, home: r.server.site.home, ancestors: rel.ancestors))>; rel=\"alternate\"; type=text/html")
        }
        return response
    }

    /// One post as the answer to a request: written straight as JSON text when nothing reads it
    /// before the client, otherwise presented and extended.
    func answer(_ post: Post, _ r: RESTRequest, related: PostPresenter.Related, canEdit: Bool) async -> RESTResponse {
        let presenter = self.presenter
        guard presenter.writesBytes(for: r) else { return await extend(presenter.present(post, r, related: related, canEdit: canEdit), post, r) }
        var sink = JSONByteSink()
        presenter.write(post, r, related: related, canEdit: canEdit, into: &sink)
        return RESTResponse(encoded: sink.bytes)
    }

    /// Orderings that need another parameter (`get_items`).
    static func checkOrdering(_ r: RESTRequest) throws {
        if r["orderby"]?.stringValue == "include" && r.ints("include").isEmpty {
            throw RESTError("rest_orderby_include_missing_include", "You need to define an include parameter to order by include.", status: 400)
        }
        if r["orderby"]?.stringValue == "relevance" && (r["search"]?.stringValue ?? "").isEmpty {
            throw RESTError("rest_no_search_term_defined", "You need to define a search term to order by relevance.", status: 400)
        }
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        try Self.checkOrdering(r)
        let page = CollectionPage(r)
        var q = try await query(r)
        for hook in types.extensions.query[type.name] ?? [] { await hook(&q, r) }
        q.limit = page.perPage
        q.offset = page.skip
        var (posts, total) = try await store.posts(q)
        if posts.isEmpty { total = try await Self.totalOfEmptyPage(q, page: page.number, offset: page.offset, in: store) }
        try page.check(total: total)
        let rel = try await related(for: posts, editing: r.context == "edit")
        // In the edit context a list holds only what the caller may edit (`check_update_permission`).
        let listed = posts.filter { r.context == "edit" ? can(r, .editPost, $0) : canRead(r, $0) }
        let presenter = self.presenter
        var response: RESTResponse
        if presenter.writesBytes(for: r) {
            var sink = JSONByteSink(capacity: 2048 * max(listed.count, 1))
            sink.beginArray()
            for post in listed { presenter.write(post, r, related: rel[post.id] ?? .init(), canEdit: can(r, .editPost, post), into: &sink) }
            sink.endArray()
            response = RESTResponse(encoded: sink.bytes)
        } else {
            var items: [JSON] = []
            for post in listed {
                let prepared = presenter.present(post, r, related: rel[post.id] ?? .init(), canEdit: can(r, .editPost, post))
                items.append(await extend(prepared, post, r).dataWithLinks)
            }
            response = RESTResponse(.array(items))
        }
        page.addHeaders(to: &response, total: total, request: r, route: collectionRoute)
        return response
    }

    /// The total a list reports when its page came back empty: `WP_Query` counts nothing then,
    /// so the controller asks again from the first page (keeping any offset) and reports the
    /// full count only if that finds something.
    static func totalOfEmptyPage(_ q: PostQuery, page: Int, offset: Int, in store: any ContentStore) async throws -> Int {
        guard page > 1 else { return 0 }
        var first = q
        first.offset = Pagination.skip(page: 1, perPage: q.limit, offset: offset)
        let again = try await store.posts(first)
        return again.posts.isEmpty ? 0 : again.total
    }

    /// The request's filters as a store query (`prepare_items_query`).
    func query(_ r: RESTRequest) async throws -> PostQuery {
        var q = PostQuery()
        q.types = [type.name]
        var statuses = (r["status"]?.arrayValue?.compactMap(\.stringValue) ?? ["publish"]).filter { !$0.isEmpty }.map { PostStatus($0) }
        if statuses.isEmpty {
            // No status at all is `WP_Query`'s default: published posts, and private ones the user may read.
            statuses = [.publish]
            if let user = r.user {
                if r.can(type.capabilities.readPrivatePosts) { statuses.append(.private) } else { q.authorOnlyStatuses = .init(author: user.id, statuses: [.private]) }
            }
        }
        if statuses.contains(PostStatus("any")) { statuses = PostStatus.all.filter { $0 != .trash && $0 != .autoDraft } }
        q.statuses = statuses
        q.applyItemFilters(r)
        if let s = r["sticky"]?.boolValue { q.sticky = s }
        if let m = r["menu_order"]?.intValue { q.menuOrder = m == Int.min ? Int.max : abs(m) }   // `absint`, as WP_Query reads it
        q.orderBy = r["orderby"]?.stringValue ?? (type.hierarchical ? "date" : "date")
        q.ascending = r["order"]?.stringValue == "asc"
        q.taxRelation = r["tax_relation"]?.stringValue ?? "AND"
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy) else { continue }
            for (key, exclude) in [(info.restBase, false), (info.restBase + "_exclude", true)] {
                guard let value = r[key] else { continue }
                var terms: [Int] = []
                var op = exclude ? "NOT IN" : "IN"
                var children = false
                if case .object(let o) = value {
                    terms = o["terms"]?.arrayValue?.compactMap(\.intValue) ?? []
                    children = o["include_children"]?.boolValue ?? false
                    if !exclude, o["operator"]?.stringValue == "AND" { op = "AND" }
                } else {
                    terms = value.arrayValue?.compactMap(\.intValue) ?? []
                }
                guard !terms.isEmpty else { continue }
                if children && info.hierarchical { terms = try await withDescendants(terms, taxonomy: taxonomy) }
                if exclude {
                    q.taxQuery.append(.init(taxonomy: taxonomy, terms: terms, op: op))
                } else {
                    q.taxQuery.append(.init(taxonomy: taxonomy, terms: terms, op: op))
                }
            }
        }
        // Posts the caller may not read are counted, then left out of the page, as WordPress does.
        return q
    }

    /// The slugs of each post's ancestors, outermost first (`PageAncestry`).
    func ancestorSlugs(for posts: [Post]) async throws -> [Int: [String]] {
        try await PageAncestry.slugs(for: posts, in: store)
    }

    func withDescendants(_ ids: [Int], taxonomy: String) async throws -> [Int] {
        let all = try await store.terms(taxonomy: taxonomy)
        var result = Set(ids)
        var frontier = ids
        while !frontier.isEmpty {
            let children = all.filter { frontier.contains($0.parent) && !result.contains($0.id) }.map(\.id)
            result.formUnion(children)
            frontier = children
        }
        return ids + result.subtracting(ids).sorted()
    }
}
