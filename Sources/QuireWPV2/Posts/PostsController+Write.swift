import Foundation
import QuireREST
import QuireStore

extension PostsController {
    func createPermission(_ r: RESTRequest) async throws -> Permission {
        if r["id"] != nil {
            return .error(RESTError("rest_post_exists", "Cannot create existing post.", status: 400))
        }
        if !r.can(type.capabilities.createPosts) {
            return .error(RESTError("rest_cannot_create", "Sorry, you are not allowed to create posts as this user.",
                                    status: r.authorizationStatus))
        }
        return try await fieldsPermission(r, verb: "create")
    }

    func updatePermission(_ r: RESTRequest) async throws -> Permission {
        guard let post = try await requestedPost(r) else { return .error(notFound()) }
        if !can(r, .editPost, try await capabilitySubject(post)) {
            return .error(RESTError("rest_cannot_edit", "Sorry, you are not allowed to edit this post.", status: r.authorizationStatus))
        }
        return try await fieldsPermission(r, verb: "update")
    }

    /// What a create or update may set only with more rights than writing the post: another
    /// author, stickiness, terms.
    func fieldsPermission(_ r: RESTRequest, verb: String) async throws -> Permission {
        if let author = r["author"]?.intValue, author != 0, author != r.user?.id, !r.can(type.capabilities.editOthersPosts) {
            return .error(RESTError("rest_cannot_edit_others", "Sorry, you are not allowed to \(verb) posts as this user.",
                                    status: r.authorizationStatus))
        }
        if r["sticky"]?.boolValue == true, !r.can(type.capabilities.editOthersPosts), !r.can(type.capabilities.publishPosts) {
            return .error(RESTError("rest_cannot_assign_sticky", "Sorry, you are not allowed to make posts sticky.", status: r.authorizationStatus))
        }
        if !(try await mayAssignTerms(r)) { return .error(cannotAssignTerms(r)) }
        return .allowed
    }

    /// Whether the caller may give the post every existing term the request names, each by
    /// its taxonomy's `assign_terms` (`check_assign_terms_permission`); terms that do not exist
    /// are refused later, as invalid.
    func mayAssignTerms(_ r: RESTRequest) async throws -> Bool {
        for name in type.taxonomies {
            guard let info = types.taxonomy(name), info.showInREST, let value = r[info.restBase], !value.isNull else { continue }
            let ids = (value.arrayValue ?? [value]).map(PHPScalar.toInt).filter { $0 > 0 }
            guard !ids.isEmpty, !r.can(info.capabilities.assignTerms) else { continue }
            let found = try await store.terms(ids: ids)
            if found.contains(where: { $0.taxonomy == name }) { return false }
        }
        return true
    }

    func cannotAssignTerms(_ r: RESTRequest) -> RESTError {
        RESTError("rest_cannot_assign_term", "Sorry, you are not allowed to assign the provided terms.", status: r.authorizationStatus)
    }

    func deletePermission(_ r: RESTRequest) async throws -> Permission {
        guard let post = try await requestedPost(r) else { return .error(notFound()) }
        if !can(r, .deletePost, try await capabilitySubject(post)) {
            return .error(RESTError("rest_cannot_delete", "Sorry, you are not allowed to delete this post.",
                                    status: r.authorizationStatus))
        }
        return .allowed
    }

    /// `title`, `content` and `excerpt` come as a string or as `{raw}`.
    static func rawText(_ v: JSON?) -> String? {
        switch v {
        case .string(let s)?: return s
        case .object(let o)?: return o["raw"].map(PHPScalar.toString)
        case nil, .null?: return nil
        case let other?: return PHPScalar.toString(other)
        }
    }

    /// Applies the request's fields to a post (`prepare_item_for_database`), checking what the
    /// user may set.
    func apply(_ r: RESTRequest, to post: inout Post, creating: Bool) async throws -> (terms: [String: [Int]], meta: [(String, JSON?)]) {
        let caps = type.capabilities
        let unfiltered = r.can(.unfilteredHTML)
        if let t = Self.rawText(r["title"]) { post.title = unfiltered ? t : KSES.filter(t) }
        if let c = Self.rawText(r["content"]) { post.content = unfiltered ? c : KSES.filter(c) }
        if let e = Self.rawText(r["excerpt"]) { post.excerpt = unfiltered ? e : KSES.filter(e) }
        if let status = r["status"]?.stringValue.map({ PostStatus($0) }) {
            switch status {
            case .private:
                if !r.can(caps.publishPosts) {
                    throw RESTError("rest_cannot_publish", "Sorry, you are not allowed to create private posts in this post type.",
                                    status: r.authorizationStatus)
                }
            case .publish, .future:
                if !r.can(caps.publishPosts) {
                    throw RESTError("rest_cannot_publish", "Sorry, you are not allowed to publish posts in this post type.",
                                    status: r.authorizationStatus)
                }
            default: break
            }
            post.status = status
        }
        if let author = r["author"]?.intValue {
            if author != r.user?.id, try await store.user(id: author) == nil {
                throw RESTError("rest_invalid_author", "Invalid author ID.", status: 400)
            }
            post.author = author
        }
        if let pw = r["password"]?.stringValue {
            if !pw.isEmpty && post.sticky && r["sticky"]?.boolValue != false {
                throw RESTError("rest_invalid_field", "A post can not be sticky and have a password.", status: 400)
            }
            post.password = pw
        }
        if let sticky = r["sticky"]?.boolValue {
            if sticky && !post.password.isEmpty {
                throw RESTError("rest_invalid_field", "A post can not be sticky and have a password.", status: 400)
            }
            post.sticky = sticky
        }
        if let v = r["comment_status"]?.stringValue { post.commentStatus = v }
        if let v = r["ping_status"]?.stringValue { post.pingStatus = v }
        if let v = r["format"]?.stringValue { post.format = v }
        if let v = r["template"]?.stringValue {
            post.template = v
        }
        if let v = r["parent"]?.intValue {
            if v != 0 {
                guard let parent = try await store.post(id: v), parent.type == type.name else {
                    throw RESTError("rest_post_invalid_id", "Invalid post parent ID.", status: 400)
                }
            }
            post.parent = v
        }
        if let v = r["menu_order"]?.intValue { post.menuOrder = v }
        // A post that would have no title, content or excerpt is refused (`wp_insert_post`).
        if type.name != "attachment", type.supports.contains("editor"), type.supports.contains("title"), type.supports.contains("excerpt"),
           post.title.isEmpty, post.content.isEmpty, post.excerpt.isEmpty {
            throw RESTError("empty_content", "Content, title, and excerpt are empty.", status: 400)
        }
        // A null date asks for the default again: now, or floating for a draft.
        if !creating, r.isSentAsNull("date") || r.isSentAsNull("date_gmt") {
            post.date = WPDate.zero
            post.dateGMT = WPDate.zero
        }
        try applyDates(r, to: &post, creating: creating)
        if let slug = r["slug"]?.stringValue { post.slug = slug }
        // Contributors do not choose the slug of a post waiting for review.
        if post.status == .pending && !r.can(caps.publishPosts) { post.slug = "" }
        if post.slug.isEmpty && ![.draft, .pending, .autoDraft].contains(post.status) {
            post.slug = Slug.sanitizeTitle(post.title)
            if post.slug.isEmpty && post.id > 0 { post.slug = String(post.id) }
        }
        var terms: [String: [Int]] = [:]
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy), let ids = r[info.restBase]?.arrayValue?.compactMap(\.intValue) else { continue }
            // Ids that are not terms of this taxonomy are skipped (`wp_set_object_terms`).
            let found = Set(try await store.terms(ids: ids).filter { $0.taxonomy == taxonomy }.map(\.id))
            var kept: [Int] = []
            for id in ids where found.contains(id) && !kept.contains(id) { kept.append(id) }
            terms[taxonomy] = kept
        }
        if creating && type.taxonomies.contains("category") && terms["category"] == nil {
            let def = try await store.option("default_category")?.intValue ?? 1
            if try await store.term(id: def) != nil { terms["category"] = [def] }
        }
        var meta: [(String, JSON?)] = try metaChanges(r)
        // An id that is not an attachment is ignored, as WordPress ignores `set_post_thumbnail` failing.
        if let media = r["featured_media"]?.intValue {
            if media == 0 {
                meta.append(("_thumbnail_id", nil))
            } else if let attachment = try await store.post(id: media), attachment.type == "attachment" {
                meta.append(("_thumbnail_id", .int(media)))
            }
        }
        return (terms, meta)
    }

    /// `date` and `date_gmt` (site time is UTC unless a timezone is set), and `future` scheduling.
    /// A new post's `modified` is its date, as WordPress stores it; an edit's is now.
    func applyDates(_ r: RESTRequest, to post: inout Post, creating: Bool) throws {
        let now = Date()
        if let d = r["date"]?.stringValue ?? r["date_gmt"]?.stringValue {
            guard let text = WPDate.stored(fromREST: d) else { throw RESTError("rest_invalid_date", "Invalid date.", status: 400) }
            post.date = text
            post.dateGMT = text
        } else if post.date == WPDate.zero {
            post.date = WPDate.format(now)
            if ![.draft, .pending, .autoDraft].contains(post.status) || r["date_gmt"] != nil { post.dateGMT = post.date }
        }
        if post.dateGMT == WPDate.zero && ![.draft, .pending, .autoDraft].contains(post.status) { post.dateGMT = post.date }
        if let when = WPDate.parse(post.dateGMT == WPDate.zero ? post.date : post.dateGMT) {
            if post.status == .publish && when > now { post.status = .future }
            else if post.status == .future && when <= now { post.status = .publish }
        }
        if creating {
            post.modified = post.date
            post.modifiedGMT = post.dateGMT == WPDate.zero ? post.date : post.dateGMT
        } else {
            post.modified = WPDate.format(now)
            post.modifiedGMT = post.modified
        }
    }

    /// `get_default_comment_status`: pages and types without the feature start closed.
    func defaultStatus(supports feature: String, option: String) async throws -> String {
        guard type.name != "page", type.supports.contains(feature) else { return "closed" }
        return try await store.option(option)?.stringValue ?? "open"
    }

    /// `wp_unique_post_slug`: a taken or reserved slug gets -2, -3, … (the next free number,
    /// found in one query). `stored`: the slug the post holds now, if it exists.
    func uniqueSlug(_ post: Post, stored: String?) async throws -> String {
        guard !post.slug.isEmpty else { return post.slug }
        let scope = PostSlugRules.scope(for: type, parent: post.parent)
        let reserved = PostSlugRules.isReserved(post.slug, type: type, changed: stored != post.slug,
                                                permalinkStructure: try await store.option("permalink_structure")?.stringValue)
        return try await store.uniqueSlug(post.slug, types: scope.types, excluding: post.id, parent: scope.parent, baseTaken: reserved)
    }

    func create(_ r: RESTRequest) async throws -> RESTResponse {
        var post = Post(author: r.user?.id ?? 0, status: .draft, type: type.name)
        post.commentStatus = try await defaultStatus(supports: "comments", option: "default_comment_status")
        post.pingStatus = try await defaultStatus(supports: "trackbacks", option: "default_ping_status")
        let (terms, meta) = try await apply(r, to: &post, creating: true)
        post.slug = try await uniqueSlug(post, stored: nil)
        for hook in types.extensions.beforeInsert[type.name] ?? [] { try await hook(&post, r) }
        var created = try await store.insertPost(post, terms: terms, meta: meta)
        let home = r.server.site.home
        let ancestors = type.hierarchical ? try await ancestorSlugs(for: [created])[created.id] ?? [] : []
        created.guid = presenter.permalink(created, home: home, ancestors: ancestors)
        created = try await store.updatePost(created, terms: [:], meta: [])
        try await updateFields(created, r)
        for hook in types.extensions.afterInsert[type.name] ?? [] { await hook(created, r, true) }
        var response = try await item(forWrite: created, r)
        response.status = 201
        response.header("Location", r.server.site.restURL("\(type.route)/\(created.id)"))
        return response
    }

    func update(_ r: RESTRequest) async throws -> RESTResponse {
        guard var post = try await requestedPost(r) else { throw notFound() }
        let storedSlug = post.slug
        let wasTrashed = post.status == .trash
        var (terms, meta) = try await apply(r, to: &post, creating: false)
        // Leaving the trash gives back the slug the post had (`_wp_desired_post_slug`).
        if wasTrashed && post.status != .trash, r["slug"] == nil,
           let desired = try await store.postMeta(postIDs: [post.id])[post.id]?["_wp_desired_post_slug"]?.stringValue {
            post.slug = desired
            meta += [("_wp_desired_post_slug", nil), ("_wp_trash_meta_status", nil), ("_wp_trash_meta_time", nil)]
        }
        post.slug = try await uniqueSlug(post, stored: storedSlug)
        for hook in types.extensions.beforeInsert[type.name] ?? [] { try await hook(&post, r) }
        let updated = try await store.updatePost(post, terms: terms, meta: meta)
        try await updateFields(updated, r)
        for hook in types.extensions.afterInsert[type.name] ?? [] { await hook(updated, r, false) }
        if type.supports.contains("revisions") {
            try await Revisions.saveIfChanged(updated, author: r.user?.id ?? updated.author, store: store)
        }
        return try await item(forWrite: updated, r)
    }

    func item(forWrite post: Post, _ r: RESTRequest) async throws -> RESTResponse {
        var req = r
        req.set("context", "edit")
        let rel = try await related(for: [post], editing: true)[post.id] ?? .init()
        return await answer(post, req, related: rel, canEdit: true)
    }

    func delete(_ r: RESTRequest) async throws -> RESTResponse {
        guard var post = try await requestedPost(r) else { throw notFound() }
        let force = r["force"]?.boolValue ?? false
        let edit = r.editing
        let rel = try await related(for: [post], editing: true)[post.id] ?? .init()
        if force {
            let previous = presenter.present(post, edit, related: rel, canEdit: true)
            try await store.deletePost(id: post.id)
            return RESTResponse(["deleted": true, "previous": previous.data])
        }
        if post.status == .trash {
            throw RESTError("rest_already_trashed", "The post has already been deleted.", status: 410)
        }
        let previousStatus = post.status
        post.status = .trash
        // Trashing frees the slug (`wp_add_trashed_suffix_to_post_name_for_post`) and unsticks the post.
        if !post.slug.hasSuffix("__trashed") { post.slug += "__trashed" }
        post.sticky = false
        post.modified = WPDate.format(Date())
        post.modifiedGMT = post.modified
        // Trashing is an update: a post without revisions gets its first one (`wp_save_post_revision`).
        if type.supports.contains("revisions") {
            try await Revisions.saveIfChanged(post, author: r.user?.id ?? post.author, store: store)
        }
        var trashed = try await store.updatePost(post, terms: [:], meta: [
            ("_wp_desired_post_slug", .string(String(post.slug.dropLast("__trashed".count)))),
            ("_wp_trash_meta_status", .string(previousStatus.rawValue)),
            ("_wp_trash_meta_time", .int(Int(Date().timeIntervalSince1970))),
        ])
        trashed = try await store.post(id: trashed.id) ?? trashed
        let after = try await related(for: [trashed], editing: true)[trashed.id] ?? .init()
        return await answer(trashed, edit, related: after, canEdit: true)
    }
}
