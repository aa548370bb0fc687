import Foundation
import QuireREST
import QuireStore

extension MediaController {
    /// The uploaded bytes and file name: a multipart `file` part, or the raw body with
    /// `Content-Disposition` and `Content-Type`.
    func upload(_ r: RESTRequest) throws -> (data: [UInt8], filename: String, declaredType: String?) {
        if let file = r.files.first(where: { $0.field == "file" }) {
            guard !file.data.isEmpty else { throw RESTError("rest_upload_no_data", "No data supplied.", status: 400) }
            return (file.data, file.filename, file.contentType)
        }
        guard !r.rawBody.isEmpty, !(r.contentType ?? "").hasPrefix("multipart/") else {
            throw RESTError("rest_upload_no_data", "No data supplied.", status: 400)
        }
        guard let ct = r.headers["Content-Type"], !ct.isEmpty else {
            throw RESTError("rest_upload_no_content_type", "No Content-Type supplied.", status: 400)
        }
        guard let disposition = r.headers["Content-Disposition"] else {
            throw RESTError("rest_upload_no_content_disposition", "No Content-Disposition supplied.", status: 400)
        }
        guard let name = MultipartDecoderPublic.parameter("filename", in: "x; " + disposition), !name.isEmpty else {
            throw RESTError("rest_upload_invalid_disposition", "Invalid Content-Disposition supplied. Content-Disposition needs to be formatted as `attachment; filename=\"image.png\"` or similar.", status: 400)
        }
        return (r.rawBody, name, ct)
    }

    func create(_ r: RESTRequest) async throws -> RESTResponse {
        let (data, filename, _) = try upload(r)
        if data.count > library.maxUploadSize {
            throw RESTError("rest_upload_file_too_big", "This file is too big. Files must be less than \(library.maxUploadSize / 1024) KB in size.", status: 400)
        }
        let ext = (filename as NSString).pathExtension.lowercased()
        guard let mime = ImageInfo.acceptedType(of: data, ext: ext) else {
            throw RESTError("rest_upload_sideload_error", "Sorry, you are not allowed to upload this file type.", status: 500)
        }
        let yearMonth = (try await store.option("uploads_use_yearmonth_folders")?.intValue ?? 1) == 1
        let relative: String
        var createdSizes: [String] = []
        do { relative = try library.store(data, filename: filename, yearMonth: yearMonth) } catch {
            throw RESTError("rest_upload_unknown_error", "The uploaded file could not be moved.", status: 500)
        }
        do {
            let base = ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
            let now = WPDate.format(Date())
            let options = try await store.allOptions().compactMapValues { $0.intValue }
            let made = AttachmentMetadata.make(relative: relative, data: data, mime: mime, library: library, options: options)
            createdSizes = made.madeFiles
            // A photo's own title and caption are used when the request gives none.
            var title = base, caption = ""
            if let t = made.imageMeta["title"]?.stringValue?.trimmingCharacters(in: .whitespaces), !t.isEmpty,
               Double(Slug.sanitizeTitle(t)) == nil {
                title = t
            }
            if let c = made.imageMeta["caption"]?.stringValue?.trimmingCharacters(in: .whitespaces), !c.isEmpty { caption = c }
            var post = Post(author: r.user?.id ?? 0, date: now, dateGMT: now, title: title, excerpt: caption, status: .inherit,
                            commentStatus: "open", pingStatus: "closed", slug: Slug.sanitizeTitle(title), modified: now,
                            modifiedGMT: now, guid: r.server.site.url + "/wp-content/uploads/" + relative, type: "attachment",
                            mimeType: mime)
            var meta = try apply(r, to: &post)
            meta.append(("_wp_attached_file", .string(made.attachedFile)))
            meta.append(("_wp_attachment_metadata", made.metadata))
            if let parent = r["post"]?.intValue, parent > 0 {
                guard let found = try await store.post(id: parent) else { throw RESTError("rest_invalid_param", "Invalid parent ID.", status: 400) }
                if found.type == "revision" || found.type == "attachment" {
                    throw RESTError("rest_invalid_param", "Invalid parent type.", status: 400)
                }
            }
            post.slug = try await uniqueSlug(post.slug)
            for hook in types.extensions.beforeInsert[post.type] ?? [] { try await hook(&post, r) }
            let created = try await store.insertPost(post, terms: [:], meta: meta)
            for hook in types.extensions.afterInsert[created.type] ?? [] { await hook(created, r, true) }
            let edit = r.editing
            var response = try await present(created, edit)
            response.status = 201
            response.header("Location", r.server.site.restURL("\(Self.route)/\(created.id)"))
            return response
        } catch {
            library.remove(relative, sizes: createdSizes)
            throw error
        }
    }

    /// The slug, or `slug-N` with the first N from 2 that no other post of any type uses (feed
    /// names and `embed` always get a number).
    func uniqueSlug(_ slug: String, excluding id: Int = 0) async throws -> String {
        guard !slug.isEmpty else { return slug }
        let reserved = PostSlugRules.isReserved(slug, type: Self.type, changed: true, permalinkStructure: nil)
        return try await store.uniqueSlug(slug, types: nil, excluding: id, parent: nil, baseTaken: reserved)
    }


    /// Title, caption, description, alt text, parent post and dates from the request.
    func apply(_ r: RESTRequest, to post: inout Post) throws -> [(String, JSON?)] {
        let unfiltered = r.can(.unfilteredHTML)
        func text(_ key: String) -> String? { PostsController.rawText(r[key]).map { unfiltered ? $0 : KSES.filter($0) } }
        if let t = text("title") { post.title = t }
        if let c = text("caption") { post.excerpt = c }
        if let d = text("description") { post.content = d }
        if let p = r["post"]?.intValue { post.parent = p }
        if let s = r["slug"]?.stringValue { post.slug = Slug.sanitizeTitle(s) }
        if let v = r["comment_status"]?.stringValue { post.commentStatus = v }
        if let v = r["ping_status"]?.stringValue { post.pingStatus = v }
        if let v = r["status"]?.stringValue, v == "private" || v == "inherit" { post.status = PostStatus(v) }
        if let v = r["author"]?.intValue { post.author = v }
        if let t = WPDate.stored(fromREST: r["date"]?.stringValue ?? r["date_gmt"]?.stringValue) {
            post.date = t
            post.dateGMT = t
        }
        var meta: [(String, JSON?)] = []
        if let alt = r["alt_text"]?.stringValue { meta.append(("_wp_attachment_image_alt", .string(TextSanitizer.textField(.string(alt))))) }
        return meta
    }

    func update(_ r: RESTRequest) async throws -> RESTResponse {
        guard var post = try await attachment(r) else { throw notFound() }
        let meta = try apply(r, to: &post)
        post.modified = WPDate.format(Date())
        post.modifiedGMT = post.modified
        post.slug = try await uniqueSlug(post.slug, excluding: post.id)
        for hook in types.extensions.beforeInsert[post.type] ?? [] { try await hook(&post, r) }
        let updated = try await store.updatePost(post, terms: [:], meta: meta)
        for hook in types.extensions.afterInsert[updated.type] ?? [] { await hook(updated, r, false) }
        let edit = r.editing
        return try await present(updated, edit)
    }

    func delete(_ r: RESTRequest) async throws -> RESTResponse {
        guard let post = try await attachment(r) else { throw notFound() }
        guard r["force"]?.boolValue == true else {
            throw RESTError("rest_trash_not_supported", "The post does not support trashing. Set 'force=true' to delete.", status: 501)
        }
        let edit = r.editing
        let previous = try await present(post, edit)
        let meta = try await store.postMeta(postIDs: [post.id])[post.id] ?? [:]
        let file = meta["_wp_attached_file"]?.stringValue
        var sizes = meta["_wp_attachment_metadata"]?["sizes"]?.objectValue?.values.compactMap { $0["file"]?.stringValue } ?? []
        // The original a `-scaled` copy was made from goes too.
        if let original = meta["_wp_attachment_metadata"]?["original_image"]?.stringValue { sizes.append(original) }
        try await store.deletePost(id: post.id)
        if let file { library.remove(file, sizes: sizes) }
        return RESTResponse(["deleted": true, "previous": previous.data])
    }

    func item(_ r: RESTRequest) async throws -> RESTResponse {
        guard let post = try await attachment(r) else { throw notFound() }
        var response = try await present(post, r)
        response.header("Link", "<\(try await attachmentLinks(post, home: r.server.site.home).link)>; rel=\"alternate\"; type=text/html")
        return response
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        try PostsController.checkOrdering(r)
        var q = PostQuery()
        q.types = ["attachment"]
        q.statuses = (r["status"]?.arrayValue?.compactMap(\.stringValue) ?? []).filter { !$0.isEmpty }.map { PostStatus($0) }
        if q.statuses.isEmpty { q.statuses = [.inherit] }
        q.applyItemFilters(r)
        q.orderBy = r["orderby"]?.stringValue ?? "date"
        q.ascending = r["order"]?.stringValue == "asc"
        let perPage = r["per_page"]?.intValue ?? 10, page = r["page"]?.intValue ?? 1
        q.limit = 10_000
        var posts = try await store.posts(q).posts
        if let mediaType = r["media_type"]?.stringValue {
            posts = posts.filter { $0.mimeType.hasPrefix(mediaType == "file" ? "application" : mediaType + "/") }
        }
        // A MIME type whose first part is no media kind WordPress knows is ignored; "image" alone matches every image.
        if let mime = r["mime_type"]?.stringValue, let kind = mime.split(separator: "/").first,
           ["image", "video", "text", "application", "audio"].contains(String(kind)) {
            posts = posts.filter { mime.contains("/") ? $0.mimeType == mime : $0.mimeType.hasPrefix(mime + "/") }
        }
        var visible: [Post] = []
        // In the edit context a list holds only what the caller may edit; the total still counts every match.
        var matching: [Post] = []
        for p in posts where try await canRead(r, p) { matching.append(p) }
        visible = matching
        let requestedOffset = r["offset"]?.intValue ?? 0
        let pageItems = visible.dropFirst(Pagination.skip(page: page, perPage: perPage, offset: requestedOffset)).prefix(perPage)
        // As for posts: an empty page counts nothing, unless the first page (with the offset) has items.
        var total = visible.count
        if pageItems.isEmpty {
            total = page > 1 && !visible.dropFirst(Pagination.skip(page: 1, perPage: perPage, offset: requestedOffset)).isEmpty ? visible.count : 0
        }
        _ = try Pagination.totalPages(total: total, perPage: perPage, page: page)
        var items: [JSON] = []
        for p in pageItems where r.context != "edit" || can(r, .editPost, p) { items.append(try await present(p, r).dataWithLinks) }
        var response = RESTResponse(.array(items))
        Pagination.addHeaders(to: &response, request: r, collectionRoute: Self.route, total: total, perPage: perPage, page: page)
        return response
    }

    // MARK: Response

    func present(_ p: Post, _ r: RESTRequest) async throws -> RESTResponse {
        let site = r.server.site
        let meta = try await store.postMeta(postIDs: [p.id])[p.id] ?? [:]
        let file = meta["_wp_attached_file"]?.stringValue ?? ""
        let source = file.isEmpty ? p.guid : "\(site.url)/wp-content/uploads/\(file)"
        var details = meta["_wp_attachment_metadata"]?.objectValue ?? JSONObject()
        let isImage = p.mimeType.hasPrefix("image/")
        if isImage {
            var sizes = details["sizes"]?.objectValue ?? JSONObject()
            for (name, value) in sizes {
                guard var size = value.objectValue, let f = size["file"]?.stringValue else { continue }
                let dir = (file as NSString).deletingLastPathComponent
                size["source_url"] = .string("\(site.url)/wp-content/uploads/" + (dir.isEmpty ? f : "\(dir)/\(f)"))
                sizes[name] = .object(size)
            }
            var full = JSONObject()
            full["file"] = .string((file as NSString).lastPathComponent)
            full["width"] = details["width"] ?? 0
            full["height"] = details["height"] ?? 0
            full["mime_type"] = .string(p.mimeType)
            full["source_url"] = .string(source)
            // WordPress lists the original as "full" only beside intermediate sizes.
            if !sizes.isEmpty { sizes["full"] = .object(full) } else { sizes.isPHPObject = true }
            details["sizes"] = .object(sizes)
            details["file"] = .string(file)
        }
        // Every attachment lists its sizes, an empty object when it has none.
        if details["sizes"]?.objectValue == nil { details["sizes"] = .object(.phpObject) }
        let (parentLink, permalinkTemplate) = try await attachmentLinks(p, home: site.home)
        let alt = meta["_wp_attachment_image_alt"]?.stringValue ?? ""
        var o = JSONObject()
        o.appendUnique("id", .int(p.id))
        o.appendUnique("date", WPDate.rest(p.date).map(JSON.string) ?? .null)
        o.appendUnique("date_gmt", WPDate.rest(p.dateGMT).map(JSON.string) ?? .null)
        o.appendUnique("guid", ["rendered": .string(p.guid), "raw": .string(p.guid)])
        o.appendUnique("modified", WPDate.rest(p.modified).map(JSON.string) ?? .null)
        o.appendUnique("modified_gmt", WPDate.rest(p.modifiedGMT).map(JSON.string) ?? .null)
        o.appendUnique("slug", .string(p.slug))
        o.appendUnique("status", .string(p.status.rawValue))
        o.appendUnique("type", "attachment")
        o.appendUnique("link", .string(parentLink))
        o.appendUnique("title", ["raw": .string(p.title), "rendered": .string(ContentRenderer.title(p.title))])
        o.appendUnique("author", .int(p.author))
        o.appendUnique("comment_status", .string(p.commentStatus))
        o.appendUnique("ping_status", .string(p.pingStatus))
        o.appendUnique("template", .string(p.template))
        o.appendUnique("meta", .array([]))
        let describedAs = description(p, source: source, details: details, alt: alt)
        o.appendUnique("description", ["raw": .string(p.content), "rendered": .string(describedAs)])
        // Without a caption, WordPress shows the excerpt made from the description as rendered
        // (a file's link text is its title; an image leaves nothing).
        o.appendUnique("caption", ["raw": .string(p.excerpt), "rendered": .string(ContentRenderer.excerpt(raw: p.excerpt, content: describedAs))])
        o.appendUnique("alt_text", .string(alt))
        o.appendUnique("media_type", .string(isImage ? "image" : "file"))
        o.appendUnique("mime_type", .string(p.mimeType))
        o.appendUnique("media_details", details.isEmpty ? .object(JSONObject()) : .object(details))
        o.appendUnique("post", p.parent > 0 ? .int(p.parent) : .null)
        o.appendUnique("source_url", .string(source))
        if r.context == "edit" {
            o.appendUnique("permalink_template", .string(permalinkTemplate))
            // `get_sample_permalink`: the slug the title would get, made unique.
            o.appendUnique("generated_slug", .string(try await uniqueSlug(Slug.sanitizeTitle(p.title), excluding: p.id)))
            o.appendUnique("missing_image_sizes", .array([]))
        }
        var response = RESTResponse(r.shaped(o, by: MediaSchemas.mediaPlan))
        guard r.wantsLinks else { return response }
        response.addLink("self", site.restURL("\(Self.route)/\(p.id)"))
        response.addLink("collection", site.restURL(Self.route))
        response.addLink("about", site.restURL("/wp/v2/types/attachment"))
        if p.author > 0 { response.addLink("author", site.restURL("/wp/v2/users/\(p.author)"), attributes: RESTLink.embeddable) }
        response.addLink("replies", site.restURL("/wp/v2/comments?post=\(p.id)"), attributes: RESTLink.embeddable)
        if r.context == "edit" {
            let href = site.restURL("\(Self.route)/\(p.id)")
            if r.can(.unfilteredHTML) { response.addLink("https://api.w.org/action-unfiltered-html", href) }
            if r.can(PostTypeCapabilities.attachment.editOthersPosts) { response.addLink("https://api.w.org/action-assign-author", href) }
        }
        return response
    }

    /// The attachment page's address and its template (`get_attachment_link`): under the post it
    /// belongs to when that post has a pretty address, else at the site's root by slug; the
    /// template of an unattached file is its `?attachment_id=` address.
    func attachmentLinks(_ p: Post, home: String) async throws -> (link: String, template: String) {
        try await Self.attachmentLinks(p, home: home, store: store, types: types)
    }

    static func attachmentLinks(_ p: Post, home: String, store: any ContentStore, types: ContentTypes) async throws -> (link: String, template: String) {
        let fallback = "\(home)/?attachment_id=\(p.id)"
        if p.parent > 0, p.parent != p.id, let parent = try await store.post(id: p.parent) {
            let presenter = PostPresenter(type: types.type(of: parent), types: types)
            let ancestors = try await PageAncestry.slugs(for: [parent], in: store)[parent.id] ?? []
            let parentLink = presenter.permalink(parent, home: home, ancestors: ancestors)
            guard !parentLink.contains("?") else { return (fallback, fallback) }
            let name = Int(p.slug) != nil ? "attachment/\(p.slug)" : p.slug
            return (parentLink + "\(name)/", parentLink + "%postname%/")
        }
        return (p.slug.isEmpty ? fallback : "\(home)/\(p.slug)/", fallback)
    }

    /// The rendered description: a link to the file with the image at its medium size (and a
    /// `srcset` of the sizes sharing its proportions), then the description text.
    func description(_ p: Post, source: String, details: JSONObject, alt: String) -> String {
        var out = ""
        if p.mimeType.hasPrefix("image/"), let w = details["width"]?.intValue, let h = details["height"]?.intValue {
            let sizes = details["sizes"]?.objectValue ?? JSONObject()
            var shown = (source, w, h)
            if let medium = sizes["medium"], let mw = medium["width"]?.intValue, let mh = medium["height"]?.intValue,
               let url = medium["source_url"]?.stringValue {
                shown = (url, mw, mh)
            }
            var candidates: [(String, Int)] = []
            for (name, size) in sizes where name != "full" {
                guard let sw = size["width"]?.intValue, let sh = size["height"]?.intValue, let url = size["source_url"]?.stringValue,
                      abs(Double(sw) / Double(sh) - Double(w) / Double(h)) < 0.01 else { continue }
                candidates.append((url, sw))
            }
            candidates.append((source, w))
            candidates.sort { $0.1 < $1.1 }
            var img = "<img width=\"\(shown.1)\" height=\"\(shown.2)\" src=\"\(shown.0)\" class=\"attachment-medium size-medium\" alt=\"\(alt)\" decoding=\"async\" loading=\"lazy\""
            if candidates.count > 1 {
                img += " srcset=\"" + candidates.map { "\($0.0) \($0.1)w" }.joined(separator: ", ") + "\""
                img += " sizes=\"(max-width: \(shown.1)px) 100vw, \(shown.1)px\""
            }
            out = "<p class=\"attachment\"><a href='\(source)'>" + img + " /></a></p>\n"
        } else {
            out = "<p class=\"attachment\"><a href='\(source)'>\(p.title)</a></p>\n"
        }
        if !p.content.isEmpty { out += ContentRenderer.autop(ContentRenderer.texturize(p.content)) }
        return out
    }
}
