import Foundation
import QuireAuth
import QuireREST
import QuireStore

extension CommentsController {
    func list(_ r: RESTRequest) async throws -> RESTResponse {
        var q = CommentQuery()
        let status = r["status"]?.stringValue ?? "approve"
        switch status {
        case "", "all", "any": q.approved = ["0", "1"]
        default: q.approved = [Self.approvedValue(status) ?? status]
        }
        let type = r["type"]?.stringValue ?? "comment"
        q.types = type.isEmpty || type == "all" || type == "any" ? nil : [type]
        q.posts = r.ints("post")
        q.include = r.ints("include")
        q.exclude = r.ints("exclude")
        q.parents = r.ints("parent")
        q.parentExclude = r.ints("parent_exclude")
        q.authors = r.ints("author")
        q.authorExclude = r.ints("author_exclude")
        q.authorEmail = r["author_email"]?.stringValue
        q.search = r["search"]?.stringValue
        func date(_ k: String) -> String? { WPDate.stored(fromREST: r[k]?.stringValue) }
        q.after = date("after")
        q.before = date("before")
        q.orderBy = r["orderby"]?.stringValue ?? "date_gmt"
        q.ascending = r["order"]?.stringValue == "asc"
        if !r.can(.editPosts) { q.postStatuses = [.publish] }
        let page = CollectionPage(r)
        q.limit = page.perPage
        q.offset = page.skip
        // Ordering by `include` without ids finds nothing in WordPress (its query orders by an empty list).
        if q.orderBy == "include" && q.include.isEmpty { q.include = [0] }
        let (comments, total) = try await store.comments(q)
        // Terms, comments and users answer a page past the end with an empty list, as WordPress does.
        let context = try await context(for: comments)
        var items: [JSON] = []
        for c in comments {
            guard try await canRead(r, c, post: context.posts[c.postID]) else { continue }
            items.append(try await extended(prepare(c, r, context), id: c.id, r).dataWithLinks)
        }
        return try collection(items, total: total, page: page, r, pastEnd: nil)
    }

    struct Context: Sendable {
        var posts: [Int: Post] = [:]
        var withChildren: Set<Int> = []
    }

    /// The posts and reply flags a page of comments needs, in two queries.
    func context(for comments: [Comment]) async throws -> Context {
        let posts = try await store.posts(ids: Array(Set(comments.map(\.postID))))
        return Context(posts: Dictionary(uniqueKeysWithValues: posts.map { ($0.id, $0) }),
                       withChildren: try await store.commentsWithChildren(comments.map(\.id)))
    }

    func read(_ r: RESTRequest) async throws -> RESTResponse {
        guard let c = try await requestedComment(r) else { throw notFound() }
        return try await extended(prepare(c, r, try await context(for: [c])), id: c.id, r)
    }

    func apply(_ r: RESTRequest, to c: inout Comment, creating: Bool) async throws {
        defer {
            // Saving a comment marks its links and records who sent it (`prepare_item_for_database`).
            c.content = CommentRenderer.markLinks(c.content)
            if let ip = r["author_ip"]?.stringValue, r.can(.moderateComments) { c.authorIP = ip } else { c.authorIP = r.remoteAddress ?? "127.0.0.1" }
            if let agent = r["author_user_agent"]?.stringValue { c.agent = agent } else if let ua = r.headers["User-Agent"] { c.agent = ua }
        }
        if let content = r["content"] {
            let raw: String
            switch content {
            case .object(let o): raw = o["raw"].map(PHPScalar.toString) ?? ""
            default: raw = PHPScalar.toString(content)
            }
            c.content = r.can(.unfilteredHTML) ? raw : KSES.filter(raw)
        }
        if let v = r["author_name"]?.stringValue { c.author = v }
        if let v = r["author_email"]?.stringValue { c.authorEmail = v }
        if let v = r["author_url"]?.stringValue { c.authorURL = v }
        // WordPress stores the parent it is given, without looking it up.
        if let v = r["parent"]?.intValue {
            c.parent = v
        }
        if let v = r["author"]?.intValue, v != c.userID || v == 0 {
            guard let user = try await store.user(id: v) else {
                throw RESTError("rest_comment_author_invalid", "Invalid comment author ID.", status: 400)
            }
            c.userID = user.id
            c.author = user.displayName
            c.authorEmail = user.email
            c.authorURL = user.url
        }
        if let text = WPDate.stored(fromREST: r["date"]?.stringValue ?? r["date_gmt"]?.stringValue) {
            c.date = text
            c.dateGMT = text
        }
        // A status WordPress does not know (or an empty one) changes nothing, as there.
        if let status = r["status"]?.stringValue, let value = Self.approvedValue(status) {
            c.approved = value
        }
    }

    func create(_ r: RESTRequest) async throws -> RESTResponse {
        let now = WPDate.format(Date())
        var c = Comment(postID: r["post"]?.intValue ?? 0, date: now, dateGMT: now, content: "")
        try await apply(r, to: &c, creating: true)
        // A signed-in user who names no author comments as themselves.
        if c.userID == 0 && c.author.isEmpty && c.authorEmail.isEmpty && c.authorURL.isEmpty,
           let user = r.user, let u = try await store.user(id: user.id) {
            c.userID = u.id
            c.author = u.displayName
            c.authorEmail = u.email
            c.authorURL = u.url
        }
        if c.content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw RESTError("rest_comment_content_invalid", "Invalid comment content.", status: 400)
        }
        if c.userID == 0, try await store.option("require_name_email")?.intValue == 1, c.author.isEmpty || c.authorEmail.isEmpty {
            throw RESTError("rest_comment_author_data_required", "Creating a comment requires valid author name and email values.", status: 400)
        }
        if !c.authorEmail.isEmpty && !SchemaFormatsPublic.isEmail(c.authorEmail) {
            throw RESTError("rest_invalid_param", "Invalid parameter(s): author_email", status: 400, extra: [
                "params": ["author_email": "Invalid email address."],
                "details": ["author_email": ["code": "rest_invalid_email", "message": "Invalid email address.", "data": .null]],
            ])
        }
        var dup = CommentQuery()
        dup.approved = ["0", "1", "spam"]
        dup.types = nil
        dup.posts = [c.postID]
        dup.limit = 1000
        if try await store.comments(dup).comments.contains(where: {
            $0.content == c.content && ($0.authorEmail == c.authorEmail || ($0.userID != 0 && $0.userID == c.userID)) && $0.author == c.author
        }) {
            throw RESTError("comment_duplicate", "Duplicate comment detected; it looks as though you&#8217;ve already said that!", status: 409)
        }
        try await checkFlood(c, r)
        if r["status"] == nil {
            c.approved = try await initialApproval(c, r)
        }
        _ = try types.extensions.metaChanges(r, meta: extensionPoint.meta)
        let created = try await store.insertComment(c)
        try await saveExtensions(id: created.id, r)
        // The new comment is shown in the edit context to moderators only.
        var edit = r
        edit.set("context", r.can(.moderateComments) ? "edit" : "view")
        var response = try await extended(prepare(created, edit, try await context(for: [created])), id: created.id, edit)
        response.status = 201
        response.header("Location", r.server.site.restURL("\(Self.route)/\(created.id)"))
        return response
    }

    /// A commenter who is not a moderator waits 15 seconds between comments (`wp_check_comment_flood`).
    func checkFlood(_ c: Comment, _ r: RESTRequest) async throws {
        if r.can(.manageOptions) || r.can(.moderateComments) { return }
        let now = Date()
        guard let last = try await store.latestCommentDate(userID: r.user?.id, ip: c.authorIP, email: c.authorEmail,
                                                           since: WPDate.format(now.addingTimeInterval(-3600))),
              let lastDate = WPDate.parse(last) else { return }
        if now.timeIntervalSince(lastDate) < 15 {
            throw RESTError("comment_flood", "You are posting comments too quickly. Slow down.", status: 400)
        }
    }

    /// Held or approved, by the site's discussion settings (`wp_allow_comment`): the comment's
    /// own user approves it when they moderate comments or wrote the post.
    func initialApproval(_ c: Comment, _ r: RESTRequest) async throws -> String {
        if c.userID != 0, let user = try await store.user(id: c.userID) {
            if SiteUser(user).can(.moderateComments) { return "1" }
            if let post = try await store.post(id: c.postID), post.author == c.userID { return "1" }
        }
        if try await store.option("comment_moderation")?.intValue == 1 { return "0" }
        if try await store.option("comment_previously_approved")?.intValue == 1 {
            var q = CommentQuery()
            q.authorEmail = c.authorEmail
            q.limit = 1
            let previous = try await store.comments(q).total
            return previous > 0 && !c.authorEmail.isEmpty ? "1" : "0"
        }
        return "1"
    }

    func update(_ r: RESTRequest) async throws -> RESTResponse {
        guard var c = try await requestedComment(r) else { throw notFound() }
        // Whoever may edit a comment may change its status (`edit_comment`), as in WordPress.
        if let post = r["post"]?.intValue, post != c.postID {
            guard try await store.post(id: post) != nil else {
                throw RESTError("rest_comment_invalid_post_id", "Invalid post ID.", status: 403)
            }
            c.postID = post
        }
        try await apply(r, to: &c, creating: false)
        _ = try types.extensions.metaChanges(r, meta: extensionPoint.meta)
        try await store.updateComment(c)
        try await saveExtensions(id: c.id, r)
        let edit = r.editing
        return try await extended(prepare(c, edit, try await context(for: [c])), id: c.id, edit)
    }

    func delete(_ r: RESTRequest) async throws -> RESTResponse {
        guard var c = try await requestedComment(r) else { throw notFound() }
        let edit = r.editing
        let ctx = try await context(for: [c])
        if r["force"]?.boolValue == true {
            let previous = prepare(c, edit, ctx)
            try await store.deleteComment(id: c.id)
            return RESTResponse(["deleted": true, "previous": previous.data])
        }
        if c.approved == "trash" {
            throw RESTError("rest_already_trashed", "The comment has already been trashed.", status: 410)
        }
        c.approved = "trash"
        try await store.updateComment(c)
        return prepare(c, edit, ctx)
    }

    // MARK: Response

    func prepare(_ c: Comment, _ r: RESTRequest, _ ctx: Context) -> RESTResponse {
        let site = r.server.site
        let post = ctx.posts[c.postID]
        let postLink = post.map { PostPresenter(type: types.type(of: $0), types: types).permalink($0, home: site.home) }
            ?? "\(site.home)/?p=\(c.postID)"
        var o = JSONObject()
        o.appendUnique("id", .int(c.id))
        o.appendUnique("post", .int(c.postID))
        o.appendUnique("parent", .int(c.parent))
        o.appendUnique("author", .int(c.userID))
        o.appendUnique("author_name", .string(c.author))
        o.appendUnique("author_email", .string(c.authorEmail))
        o.appendUnique("author_url", .string(c.authorURL))
        o.appendUnique("author_ip", .string(c.authorIP))
        o.appendUnique("author_user_agent", .string(c.agent))
        o.appendUnique("date", WPDate.rest(c.date).map(JSON.string) ?? .null)
        o.appendUnique("date_gmt", WPDate.rest(c.dateGMT).map(JSON.string) ?? .null)
        o.appendUnique("content", ["rendered": .string(CommentRenderer.render(c.content)), "raw": .string(c.content)])
        o.appendUnique("link", .string("\(postLink)#comment-\(c.id)"))
        o.appendUnique("status", .string(Self.statusName(c.approved)))
        o.appendUnique("type", .string(c.type))
        o.appendUnique("author_avatar_urls", UsersController.avatarURLs(email: c.authorEmail))
        o.appendUnique("meta", .array([]))
        var response = RESTResponse(r.shaped(o, by: CommentSchemas.commentPlan))
        guard r.wantsLinks else { return response }
        response.addLink("self", site.restURL("\(Self.route)/\(c.id)"))
        response.addLink("collection", site.restURL(Self.route))
        if c.userID != 0 {
            response.addLink("author", site.restURL("/wp/v2/users/\(c.userID)"), attributes: RESTLink.embeddable)
        }
        if let post {
            let type = types.type(of: post)
            response.addLink("up", site.restURL("\(type.route)/\(post.id)"), attributes: ["embeddable": true, "post_type": .string(post.type)])
        }
        if c.parent != 0 {
            response.addLink("in-reply-to", site.restURL("\(Self.route)/\(c.parent)"), attributes: RESTLink.embeddable)
        }
        if ctx.withChildren.contains(c.id) {
            response.addLink("children", site.restURL("\(Self.route)?parent=\(c.id)"), attributes: RESTLink.embeddable)
        }
        return response
    }
}

/// Comment text as WordPress shows it: typographic quotes, links marked `nofollow ugc`,
/// paragraphs and line breaks.
enum CommentRenderer {
    static func render(_ text: String) -> String {
        ContentRenderer.autop(ContentRenderer.texturize(markLinks(text)))
    }

    /// `wp_rel_ugc`: links in comments carry `rel="nofollow ugc"`.
    static func markLinks(_ text: String) -> String {
        guard text.contains("<a "), let re = try? NSRegularExpression(pattern: "<a (?![^>]*\\brel=)([^>]*?)>", options: [.caseInsensitive]) else { return text }
        return re.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "<a $1 rel=\"nofollow ugc\">")
    }
}
