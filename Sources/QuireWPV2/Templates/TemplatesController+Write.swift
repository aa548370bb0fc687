import Foundation
import QuireREST
import QuireStore

extension TemplatesController {
    /// What a write asks to store (`prepare_item_for_database`): over a theme's file, a new
    /// post copying the file's content, title and description unless the request gives its own;
    /// over a stored edit, only what the request gives. Either way the post is published.
    struct Changes {
        var content: String?
        var title: String?
        var description: String?
        var area: String?
        var author: Int?
    }

    func changes(_ r: RESTRequest, over existing: BlockTemplate?) async throws -> Changes {
        var c = Changes()
        let fromFile = existing.map { $0.source != "custom" } ?? false
        switch r["content"] {
        case .string(let s)?: c.content = s
        case .object(let o)? where o["raw"].map({ !$0.isNull }) ?? false: c.content = PHPScalar.toString(o["raw"]!)
        case .some, nil: if fromFile { c.content = existing?.content }
        }
        switch r["title"] {
        case .string(let s)?: c.title = s
        case .object(let o)? where o["raw"].map({ !$0.isEmptyLike }) ?? false: c.title = PHPScalar.toString(o["raw"]!)
        case .some: break
        case nil: if fromFile { c.title = existing?.title }
        }
        if let d = r["description"], !d.isNull { c.description = PHPScalar.toString(d) } else if fromFile { c.description = existing?.description }
        if kind == .part {
            if let a = r["area"], !a.isNull {
                c.area = TemplatePartArea.filtered(PHPScalar.toString(a))
            } else if fromFile, let area = existing?.area, !area.isEmpty {
                c.area = TemplatePartArea.filtered(area)
            } else if existing?.area?.isEmpty ?? true {
                c.area = TemplatePartArea.uncategorized
            }
        }
        if let a = r["author"], !a.isEmptyLike {
            let author = PHPScalar.toInt(a)
            if author != r.user?.id, try await store.user(id: author) == nil {
                throw RESTError("rest_invalid_author", "Invalid author ID.", status: 400)
            }
            c.author = author
        }
        return c
    }

    /// Term ids for the post's theme and, for a part, its area (each term made when missing).
    func terms(theme: String, area: String?) async throws -> [String: [Int]] {
        var terms: [String: [Int]] = [:]
        if let t = try await library.term(TemplateLibrary.themeTaxonomy, named: theme, create: true) { terms[TemplateLibrary.themeTaxonomy] = [t.id] }
        if let area, let t = try await library.term(TemplateLibrary.areaTaxonomy, named: area, create: true) { terms[TemplateLibrary.areaTaxonomy] = [t.id] }
        return terms
    }

    /// A new stored template: published, by the caller unless `author` names someone else.
    func insert(slug: String, theme: String, _ c: Changes, origin: String?, _ r: RESTRequest) async throws -> Post {
        // `wp_insert_post` refuses a post of a type with a title, an editor and an excerpt when all three are empty.
        if (c.content ?? "").isEmpty && (c.title ?? "").isEmpty && (c.description ?? "").isEmpty {
            throw RESTError("empty_content", "Content, title, and excerpt are empty.", status: 400)
        }
        let now = WPDate.format(Date())
        var post = Post(author: c.author ?? r.user?.id ?? 0, date: now, dateGMT: now, content: c.content ?? "", title: c.title ?? "",
                        excerpt: c.description ?? "", status: .publish, slug: "", modified: now, modifiedGMT: now)
        post.type = kind.postType
        post.commentStatus = "closed"
        post.pingStatus = "closed"
        post.slug = try await store.uniqueSlug(Slug.sanitizeTitle(slug), types: [kind.postType], excluding: 0, parent: nil, baseTaken: false)
        var meta: [(String, JSON?)] = []
        if let origin { meta.append(("origin", .string(origin))) }
        if kind == .template, let suggestion = r["is_wp_suggestion"] { meta.append(("is_wp_suggestion", suggestion)) }
        return try await store.insertPost(post, terms: try await terms(theme: theme, area: c.area), meta: meta)
    }

    func create(_ r: RESTRequest) async throws -> RESTResponse {
        let c = try await changes(r, over: nil)
        let theme = r["theme"].map(PHPScalar.toString) ?? library.files.stylesheet
        let post = try await insert(slug: PHPScalar.toString(r["slug"] ?? ""), theme: theme, c, origin: nil, r)
        guard let listed = try await library.list(kind, wpID: post.id).first,
              let created = try await library.template(listed.id, kind) else {
            throw RESTError("rest_template_insert_error", "No templates exist with that id.", status: 400)
        }
        var response = prepare(created, r)
        response.status = 201
        response.header("Location", r.server.site.restURL("\(route)/\(created.id)"))
        return response
    }

    func update(_ r: RESTRequest) async throws -> RESTResponse {
        let id = r["id"]?.stringValue ?? ""
        guard let existing = try await library.template(id, kind) else { throw Self.notFound }
        // `source=theme` drops the stored edit: the theme's file is back.
        if r["source"]?.stringValue == "theme" {
            if existing.wpID != 0 { try await store.deletePost(id: existing.wpID) }
            guard let file = try await library.template(id, kind) else { throw Self.notFound }
            return prepare(file, r, context: "edit")
        }
        let c = try await changes(r, over: existing)
        if existing.source == "custom", var post = try await store.post(id: existing.wpID) {
            if let content = c.content { post.content = content }
            if let title = c.title { post.title = title }
            if let description = c.description { post.excerpt = description }
            if let author = c.author { post.author = author }
            post.status = .publish
            post.modified = WPDate.format(Date())
            post.modifiedGMT = post.modified
            var terms: [String: [Int]] = [:]
            if let area = c.area, let t = try await library.term(TemplateLibrary.areaTaxonomy, named: area, create: true) {
                terms[TemplateLibrary.areaTaxonomy] = [t.id]
            }
            _ = try await store.updatePost(post, terms: terms, meta: [])
        } else {
            _ = try await insert(slug: existing.slug, theme: existing.theme, c, origin: existing.source, r)
        }
        guard let saved = try await library.template(id, kind) else { throw Self.notFound }
        return prepare(saved, r, context: "edit")
    }

    func delete(_ r: RESTRequest) async throws -> RESTResponse {
        let id = r["id"]?.stringValue ?? ""
        guard var existing = try await library.template(id, kind) else { throw Self.notFound }
        guard existing.source == "custom" else {
            throw RESTError("rest_invalid_template", "Templates based on theme files can't be removed.", status: 400)
        }
        if r["force"].map(PHPScalar.toBool) ?? false {
            let previous = prepare(existing, r, context: "edit").data
            try await store.deletePost(id: existing.wpID)
            return RESTResponse(["deleted": true, "previous": previous])
        }
        if existing.status == .trash {
            throw RESTError("rest_template_already_trashed", "The template has already been deleted.", status: 410)
        }
        guard var post = try await store.post(id: existing.wpID) else { throw Self.notFound }
        let previousStatus = post.status
        post.status = .trash
        // Trashing frees the slug, as for every post (`wp_add_trashed_suffix_to_post_name_for_post`).
        if !post.slug.hasSuffix("__trashed") { post.slug += "__trashed" }
        post.modified = WPDate.format(Date())
        post.modifiedGMT = post.modified
        _ = try await store.updatePost(post, terms: [:], meta: [
            ("_wp_desired_post_slug", .string(existing.slug)),
            ("_wp_trash_meta_status", .string(previousStatus.rawValue)),
            ("_wp_trash_meta_time", .int(Int(Date().timeIntervalSince1970))),
        ])
        existing.status = .trash
        return prepare(existing, r, context: "edit")
    }
}
