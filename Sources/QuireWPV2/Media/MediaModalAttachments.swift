import Foundation
import QuireAuth
import QuireREST
import QuireStore

/// The media library dialog's attachments (`wp_ajax_query_attachments`): a page of the site's
/// media, each shaped as `wp_prepare_attachment_for_js` shapes it for the dialog (its sizes,
/// author, parent, dates in milliseconds, and the nonces its user may act with).
///
///     let modal = MediaModalAttachments(store: store, types: types)
///     let page = try await modal.query(["posts_per_page": "80", "post_mime_type": "image"], user: user, site: site) { nonces.make($0) }
///     page.items.first?["sizes"]?["thumbnail"]?["url"]   // ".../oracle-test-150x150.png"
public struct MediaModalAttachments: Sendable {
    let store: any ContentStore
    let types: ContentTypes

    public init(store: any ContentStore, types: ContentTypes) {
        self.store = store
        self.types = types
    }

    /// One page of the dialog's query, newest first unless asked otherwise, with the total.
    public func query(_ query: JSONObject, user: SiteUser, site: SiteInfo,
                      nonce: (String) -> String) async throws -> (items: [JSON], total: Int, pages: Int) {
        func text(_ key: String) -> String? { query[key].map(PHPScalar.toString).flatMap { $0.isEmpty ? nil : $0 } }
        func number(_ key: String) -> Int? { text(key).map { PHPScalar.toInt(.string($0)) } }
        func ids(_ key: String) -> [Int] {
            guard let v = query[key] else { return [] }
            return (v.arrayValue ?? PHPScalar.toString(v).split(separator: ",").map { .string(String($0)) }).map(PHPScalar.toInt).filter { $0 > 0 }
        }
        var q = PostQuery()
        q.types = ["attachment"]
        q.statuses = [.inherit]
        if user.can(MediaController.type.capabilities.readPrivatePosts, []) { q.statuses.append(.private) }
        q.search = text("s")
        q.searchesAttachedFiles = q.search != nil
        q.include = ids("post__in")
        q.exclude = ids("post__not_in")
        if let author = number("author"), author > 0 { q.authors = [author] }
        if let parent = text("post_parent") { q.parents = [PHPScalar.toInt(.string(parent))] }
        let orderBy = text("orderby") ?? "date"
        q.orderBy = ["date", "title", "modified", "menu_order", "id", "ID", "post__in"].contains(orderBy) ? (orderBy == "ID" ? "id" : orderBy == "post__in" ? "include" : orderBy) : "date"
        q.ascending = text("order")?.uppercased() == "ASC"
        if let mime = text("post_mime_type") {
            q.mimeTypes = mime.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let year = number("year"), year > 0 {
            let month = number("monthnum").flatMap { (1...12).contains($0) ? $0 : nil }
            // Stored dates compare as text: day 00 comes before every day, month 13 after every month.
            q.after = month.map { String(format: "%04d-%02d-00 00:00:00", year, $0) } ?? String(format: "%04d-00-00 00:00:00", year)
            q.before = month.map { String(format: "%04d-%02d-32 00:00:00", year, $0) } ?? String(format: "%04d-13-00 00:00:00", year)
        }
        let perPage = number("posts_per_page") ?? 40
        let page = max(1, number("paged") ?? 1)
        if perPage > 0 {
            q.limit = min(perPage, 1000)
            q.offset = (page - 1) * q.limit
        } else {
            q.limit = 1000
        }
        let (shown, total) = try await store.posts(q)
        let pages = total == 0 ? 0 : perPage > 0 ? (total + q.limit - 1) / q.limit : 1
        let loaded = try await Loaded(shown, store: store)
        let dateFormat = try await self.dateFormat()
        var items: [JSON] = []
        for p in shown { items.append(try await prepare(p, loaded: loaded, user: user, site: site, dateFormat: dateFormat, nonce: nonce)) }
        return (items, total, pages)
    }

    /// One attachment, as the dialog fetches it when it opens on a chosen one
    /// (`wp_ajax_get_attachment`): `nil` when the id names no attachment. WordPress takes the
    /// id's absolute value, so `-19` finds attachment 19.
    public func attachment(id: Int, user: SiteUser, site: SiteInfo, nonce: (String) -> String) async throws -> JSON? {
        guard id != 0, let p = try await store.post(id: abs(id)), p.type == MediaController.type.name else { return nil }
        return try await prepare(p, loaded: try await Loaded([p], store: store), user: user, site: site,
                                 dateFormat: try await dateFormat(), nonce: nonce)
    }

    /// The site's date format, which `dateFormatted` is written in.
    func dateFormat() async throws -> String {
        try await store.option("date_format")?.stringValue ?? "F j, Y"
    }

    /// What a page of attachments needs besides themselves, read in one query each: their
    /// meta, their authors and the posts they are attached to.
    struct Loaded {
        let meta: [Int: [String: JSON]]
        let authors: [Int: User]
        let parents: [Int: Post]

        init(_ attachments: [Post], store: any ContentStore) async throws {
            meta = try await store.postMeta(postIDs: attachments.map(\.id))
            let authorIDs = Array(Set(attachments.map(\.author).filter { $0 > 0 }))
            authors = authorIDs.isEmpty ? [:] : Dictionary(try await store.users(ids: authorIDs).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let parentIDs = Array(Set(attachments.map(\.parent).filter { $0 > 0 }))
            parents = parentIDs.isEmpty ? [:] : Dictionary(try await store.posts(ids: parentIDs).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// One attachment as the dialog reads it (`wp_prepare_attachment_for_js`).
    func prepare(_ p: Post, loaded: Loaded, user: SiteUser, site: SiteInfo, dateFormat: String, nonce: (String) -> String) async throws -> JSON {
        let meta = loaded.meta[p.id] ?? [:]
        let details = meta["_wp_attachment_metadata"]?.objectValue
        let file = meta["_wp_attached_file"]?.stringValue ?? ""
        let url = file.isEmpty ? p.guid : "\(site.url)/wp-content/uploads/\(file)"
        let baseURL = url.hasSuffix((url as NSString).lastPathComponent) ? String(url.dropLast((url as NSString).lastPathComponent.count)) : url
        let parts = p.mimeType.split(separator: "/", maxSplits: 1).map(String.init)
        let (type, subtype) = (parts.first ?? p.mimeType, parts.count > 1 ? parts[1] : "")
        let link = try await MediaController.attachmentLinks(p, home: site.home, store: store, types: types).link
        var o: JSONObject = [
            "id": .int(p.id), "title": .string(p.title), "filename": .string((file as NSString).lastPathComponent), "url": .string(url),
            "link": .string(link), "alt": meta["_wp_attachment_image_alt"] ?? "", "author": .string(String(p.author)),
            "description": .string(p.content), "caption": .string(p.excerpt), "name": .string(p.slug), "status": .string(p.status.rawValue),
            "uploadedTo": .int(p.parent), "date": .int(Self.milliseconds(p.dateGMT)), "modified": .int(Self.milliseconds(p.modifiedGMT)),
            "menuOrder": .int(p.menuOrder), "mime": .string(p.mimeType), "type": .string(type), "subtype": .string(subtype),
            "icon": .string("\(site.url)/wp-includes/images/media/\(Self.icon(type: type, subtype: subtype)).png"),
            "dateFormatted": .string(PHPDateFormat.format(dateFormat, p.date)),
            "nonces": ["update": false, "delete": false, "edit": false], "editLink": false, "meta": false,
        ]
        let caps = MediaController.type.capabilities
        if let author = loaded.authors[p.author] {
            o["authorName"] = .string(author.displayName.isEmpty ? author.nickname : author.displayName)
            if author.id == user.id {
                o["authorLink"] = .string("\(site.url)/wp-admin/profile.php")
            } else {
                o["authorLink"] = .string(user.can(.editUser, [.int(author.id)]) ? "\(site.url)/wp-admin/user-edit.php?user_id=\(author.id)" : "")
            }
        } else {
            o["authorName"] = "(no author)"
        }
        if p.parent > 0, let parent = loaded.parents[p.parent] {
            o["uploadedToTitle"] = .string(parent.title.isEmpty ? "(no title)" : parent.title)
            let parentType = types.type(of: parent)
            o["uploadedToLink"] = user.can(.editPost, post: parent, caps: parentType.capabilities)
                ? .string("\(site.url)/wp-admin/post.php?post=\(parent.id)&action=edit") : .null
        }
        if let bytes = details?["filesize"]?.intValue, bytes > 0 {
            o["filesizeInBytes"] = .int(bytes)
            o["filesizeHumanReadable"] = .string(Self.sizeFormat(bytes))
        }
        o["context"] = .string(meta["_wp_attachment_context"]?.stringValue ?? "")
        var nonces: JSONObject = ["update": false, "delete": false, "edit": false]
        if user.can(.editPost, post: p, caps: caps) {
            nonces["update"] = .string(nonce("update-post_\(p.id)"))
            nonces["edit"] = .string(nonce("image_editor-\(p.id)"))
            o["editLink"] = .string("\(site.url)/wp-admin/post.php?post=\(p.id)&action=edit")
        }
        if user.can(.deletePost, post: p, caps: caps) { nonces["delete"] = .string(nonce("delete-post_\(p.id)")) }
        o["nonces"] = .object(nonces)
        if let details, !details.isEmpty, type == "image" || !(details["sizes"]?.objectValue?.isEmpty ?? true) {
            var sizes = JSONObject()
            let stored = details["sizes"]?.objectValue ?? JSONObject()
            for name in ["thumbnail", "medium", "large"] {
                guard let size = stored[name]?.objectValue, let f = size["file"]?.stringValue else { continue }
                let (w, h) = (size["width"]?.intValue ?? 0, size["height"]?.intValue ?? 0)
                sizes[name] = ["height": .int(h), "width": .int(w), "url": .string(baseURL + f), "orientation": .string(h > w ? "portrait" : "landscape")]
            }
            if type == "image" {
                var full: JSONObject = ["url": .string(url)]
                if let h = details["height"]?.intValue, let w = details["width"]?.intValue {
                    full["height"] = .int(h)
                    full["width"] = .int(w)
                    full["orientation"] = .string(h > w ? "portrait" : "landscape")
                }
                sizes["full"] = .object(full)
                for (k, v) in full { o[k] = v }
            }
            o["sizes"] = .object(sizes)
        }
        o["compat"] = ["item": "", "meta": ""]
        return .object(o)
    }

    /// A stored GMT date as JavaScript's milliseconds since 1970 (`strtotime( … ) * 1000`).
    static func milliseconds(_ gmt: String) -> Int {
        guard let d = WPDate.parse(gmt) else { return 0 }
        return Int(d.timeIntervalSince1970) * 1000
    }

    /// The icon WordPress shows for a kind of file (`wp_mime_type_icon`).
    static func icon(type: String, subtype: String) -> String {
        switch type {
        case "audio", "video", "text": return type
        case "application":
            if ["pdf", "msword", "rtf"].contains(subtype) || subtype.contains("wordprocessing") || subtype.contains("opendocument.text") { return "document" }
            if subtype.contains("spreadsheet") || subtype.contains("excel") { return "spreadsheet" }
            if ["zip", "x-gzip", "x-tar", "x-7z-compressed", "rar"].contains(subtype) { return "archive" }
            return "default"
        default: return "default"
        }
    }

    /// Bytes in the largest unit that holds them, rounded (`size_format`).
    public static func sizeFormat(_ bytes: Int) -> String {
        for (unit, magnitude) in [("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)] where bytes >= magnitude {
            let value = (Double(bytes) / Double(magnitude)).rounded(.toNearestOrAwayFromZero)
            return "\(Int(value).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) \(unit)"
        }
        return "0 B"
    }
}
