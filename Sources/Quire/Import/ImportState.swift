import Foundation
import QuireAuth
import QuireREST
import QuireStore
import QuireWPV2

/// What one import has learnt so far (the old ids and what they became) and what it must fix
/// once everything is in: parents, featured images and menu items that pointed at objects
/// later in the file, and links to files whose address changed.
struct ImportState {
    let importer: WXRImport
    let copied: FileLedger
    var store: SQLContentStore { importer.store }
    var summary = WXRImportSummary()

    private var oldSiteURL = ""
    private var usersByLogin: [String: Int] = [:]
    private var usersByAuthorID: [Int: Int] = [:]
    private let fallbackUser: Int
    private let defaultRole: String
    private let sizeOptions: [String: Int]
    private var termsByKey: [String: Int] = [:]
    private var termsByOldID: [Int: Int] = [:]
    private var postsByOldID: [Int: Int] = [:]
    private var commentsByOldID: [Int: Int] = [:]
    private var laterParents: [(post: Int, oldParent: Int)] = []
    private var laterTermParents: [(term: Term, parentSlug: String)] = []
    private var laterFeatured: [(post: Int, oldMedia: Int)] = []
    private var menuItems: [(post: Int, meta: [String: String])] = []
    private var movedFiles: [(from: String, to: String)] = []

    init(importer: WXRImport, copied: FileLedger) async throws {
        self.importer = importer
        self.copied = copied
        let store = importer.store
        var admins = UserQuery()
        admins.roles = ["administrator"]
        admins.orderBy = "id"
        admins.limit = 1
        fallbackUser = try await store.users(admins).users.first?.id ?? 0
        defaultRole = try await store.option("default_role")?.stringValue ?? "subscriber"
        sizeOptions = try await store.allOptions().compactMapValues { $0.intValue }
    }

    /// The post formats WordPress knows.
    static let formats: Set<String> = ["aside", "chat", "gallery", "link", "image", "quote", "status", "video", "audio"]

    static func key(_ taxonomy: String, _ slug: String) -> String { taxonomy + "\u{0}" + slug }

    mutating func take(_ record: WXRRecord) async throws {
        switch record {
        case .channel(let name, let value):
            if name == "base_site_url" || (name == "base_blog_url" && oldSiteURL.isEmpty) { oldSiteURL = value }
        case .author(let a): try await author(a)
        case .term(let t): try await term(t)
        case .item(let i): try await item(i)
        }
    }

    // MARK: authors

    private mutating func author(_ a: WXRAuthor) async throws {
        guard !a.login.isEmpty, usersByLogin[a.login] == nil else { return }
        var id: Int?
        if let existing = try await store.user(login: a.login) {
            id = existing.id
        } else if importer.authors == .map, !a.email.isEmpty, let existing = try await store.user(email: a.email) {
            id = existing.id
        }
        if let id {
            summary.usersMatched += 1
            usersByLogin[a.login] = id
            usersByAuthorID[a.id] = id
            return
        }
        guard importer.authors == .create else {
            summary.skipped.append("author \(a.login): no such user here; their posts go to the first administrator")
            usersByLogin[a.login] = fallbackUser
            return
        }
        let clean = a.login.trimmingCharacters(in: .whitespacesAndNewlines)
        let emailTaken = !a.email.isEmpty ? try await store.user(email: a.email) != nil : false
        guard !clean.isEmpty, clean.count <= 60, !emailTaken else {
            summary.skipped.append("author \(a.login): could not be created (\(emailTaken ? "email in use" : "invalid login")); their posts go to the first administrator")
            usersByLogin[a.login] = fallbackUser
            return
        }
        let user = try await store.insertUser(User(
            login: clean, passwordHash: PasswordHasher.hash(ApplicationPasswords.generate()), email: a.email,
            registered: WPDate.format(Date()), displayName: a.displayName.isEmpty ? clean : a.displayName,
            firstName: a.firstName, lastName: a.lastName, roles: [defaultRole]))
        summary.usersCreated += 1
        usersByLogin[a.login] = user.id
        usersByAuthorID[a.id] = user.id
    }

    // MARK: terms

    private func imports(taxonomy: String) -> Bool {
        taxonomy != "post_format" && (importer.types.taxonomy(taxonomy) != nil || WXRImport.keptTaxonomies.contains(taxonomy))
    }

    private mutating func term(_ t: WXRTerm) async throws {
        guard !t.slug.isEmpty, imports(taxonomy: t.taxonomy) else { return }
        let key = Self.key(t.taxonomy, t.slug)
        // WordPress writes each category and tag twice (as <wp:category> and as <wp:term>).
        if let known = termsByKey[key] {
            if t.id > 0 { termsByOldID[t.id] = known }
            return
        }
        if let existing = try await store.termID(slug: t.slug, taxonomy: t.taxonomy) {
            termsByKey[key] = existing
            if t.id > 0 { termsByOldID[t.id] = existing }
            summary.termsExisting += 1
            return
        }
        var parent = 0
        if !t.parentSlug.isEmpty {
            parent = try await termID(t.taxonomy, t.parentSlug) ?? 0
        }
        let made = try await store.insertTerm(Term(taxonomy: t.taxonomy, name: t.name.isEmpty ? t.slug : t.name, slug: t.slug,
                                                   description: t.description, parent: parent))
        if parent == 0 && !t.parentSlug.isEmpty { laterTermParents.append((made, t.parentSlug)) }
        if !t.meta.isEmpty {
            try await store.setObjectMeta(.term, id: made.id, t.meta.map { ($0.key, Self.metaValue($0.value)) })
        }
        termsByKey[key] = made.id
        if t.id > 0 { termsByOldID[t.id] = made.id }
        summary.termsCreated += 1
    }

    private mutating func termID(_ taxonomy: String, _ slug: String) async throws -> Int? {
        let key = Self.key(taxonomy, slug)
        if let known = termsByKey[key] { return known }
        let found = try await store.termID(slug: slug, taxonomy: taxonomy)
        if let found { termsByKey[key] = found }
        return found
    }

    // MARK: items

    private func imports(type: String) -> Bool {
        type == "attachment" || (importer.types.postType(type) != nil && type != "revision") || WXRImport.keptTypes.contains(type)
    }

    private mutating func item(_ i: WXRItem) async throws {
        summary.items += 1
        guard i.status != "auto-draft" else { return }
        guard imports(type: i.type) else {
            summary.skipped.append("\(i.type) “\(i.title)” (\(i.id)): this site has no post type \(i.type)")
            return
        }
        let date = Self.storedDate(i.date)
        if let existing = try await existingPost(i, date: date) {
            if i.id > 0 { postsByOldID[i.id] = existing }
            summary.postsExisting += 1
            try await comments(i.comments, postID: existing, postExisted: true)
            return
        }
        var post = Post(author: usersByLogin[i.creator] ?? fallbackUser, date: date, dateGMT: Self.storedDate(i.dateGMT),
                        content: i.content, title: i.title, excerpt: i.excerpt, status: PostStatus(i.status.isEmpty ? "publish" : i.status),
                        commentStatus: i.commentStatus.isEmpty ? "open" : i.commentStatus,
                        pingStatus: i.pingStatus.isEmpty ? "open" : i.pingStatus, password: i.password,
                        slug: i.slug, parent: 0, guid: i.guid, menuOrder: i.menuOrder, type: i.type, sticky: i.sticky)
        post.modified = i.modified.isEmpty ? post.date : Self.storedDate(i.modified)
        post.modifiedGMT = i.modifiedGMT.isEmpty ? post.dateGMT : Self.storedDate(i.modifiedGMT)
        if i.parent > 0 {
            if let parent = postsByOldID[i.parent] { post.parent = parent }
        }
        var terms: [String: [Int]] = [:]
        for (taxonomy, slug, name) in i.terms {
            if taxonomy == "post_format" {
                let format = slug.hasPrefix("post-format-") ? String(slug.dropFirst(12)) : slug
                if Self.formats.contains(format) { post.format = format }
                continue
            }
            guard imports(taxonomy: taxonomy), !slug.isEmpty else { continue }
            var id = try await termID(taxonomy, slug)
            if id == nil {
                let made = try await store.insertTerm(Term(taxonomy: taxonomy, name: name.isEmpty ? slug : name, slug: slug))
                termsByKey[Self.key(taxonomy, slug)] = made.id
                summary.termsCreated += 1
                id = made.id
            }
            if let id, !(terms[taxonomy]?.contains(id) ?? false) { terms[taxonomy, default: []].append(id) }
        }
        var meta: [(String, JSON)] = []
        var featured = 0
        var menuMeta: [String: String] = [:]
        for (key, value) in i.meta {
            switch key {
            case "_edit_lock": continue
            case "_wp_page_template":
                if value != "default" { post.template = value }
                continue
            case "_thumbnail_id":
                featured = Int(value) ?? 0
                continue
            case "_menu_item_object_id", "_menu_item_menu_item_parent":
                menuMeta[key] = value
                continue
            case "_menu_item_type", "_menu_item_object":
                menuMeta[key] = value
            default: break
            }
            meta.append((key, Self.metaValue(value)))
        }
        if i.type == "attachment" {
            guard let file = try attachmentFile(i, meta: meta) else { return }
            post.mimeType = file.mime
            if let copiedTo = file.copiedTo {
                meta.removeAll { $0.0 == "_wp_attached_file" || $0.0 == "_wp_attachment_metadata" }
                meta.append(("_wp_attached_file", .string(copiedTo)))
                meta.append(("_wp_attachment_metadata", file.metadata))
            }
        }
        let made = try await store.importPost(post, preferredID: i.id, terms: terms, meta: meta)
        if i.id > 0 { postsByOldID[i.id] = made.id }
        if i.parent > 0 && post.parent == 0 { laterParents.append((made.id, i.parent)) }
        if featured > 0 { laterFeatured.append((made.id, featured)) }
        if i.type == "nav_menu_item" { menuItems.append((made.id, menuMeta)) }
        summary.postsCreated[i.type, default: 0] += 1
        try await comments(i.comments, postID: made.id, postExisted: false)
    }

    /// The post this item already is on the site: the same GUID, or the same slug and date.
    private func existingPost(_ i: WXRItem, date: String) async throws -> Int? {
        if let byGUID = try await store.postID(guid: i.guid, type: i.type) { return byGUID }
        return try await store.postID(slug: i.slug, type: i.type, date: date)
    }

    private mutating func comments(_ list: [WXRComment], postID: Int, postExisted: Bool) async throws {
        for c in list.sorted(by: { $0.id < $1.id }) {
            let date = Self.storedDate(c.date)
            if postExisted, let existing = try await store.commentID(postID: postID, author: c.author, date: date) {
                if c.id > 0 { commentsByOldID[c.id] = existing }
                summary.commentsExisting += 1
                continue
            }
            let made = try await store.insertComment(Comment(
                postID: postID, author: c.author, authorEmail: c.authorEmail, authorURL: c.authorURL, authorIP: c.authorIP,
                date: date, dateGMT: Self.storedDate(c.dateGMT), content: c.content, approved: c.approved.isEmpty ? "1" : c.approved,
                type: c.type.isEmpty ? "comment" : c.type, parent: commentsByOldID[c.parent] ?? 0,
                userID: usersByAuthorID[c.userID] ?? 0))
            if !c.meta.isEmpty {
                try await store.setObjectMeta(.comment, id: made.id, c.meta.map { ($0.key, Self.metaValue($0.value)) })
            }
            if c.id > 0 { commentsByOldID[c.id] = made.id }
            summary.commentsCreated += 1
        }
    }

    // MARK: attachments

    struct AttachmentFile {
        var mime: String
        /// Where the file was copied to, relative to the uploads folder; nil when no file was copied.
        var copiedTo: String?
        var metadata: JSON = .null
    }

    /// The attachment's file: copied from the old uploads folder, with its sizes made, when one
    /// was given; otherwise the item keeps the metadata it came with. Nil skips the item.
    private mutating func attachmentFile(_ i: WXRItem, meta: [(String, JSON)]) throws -> AttachmentFile? {
        let marker = "/wp-content/uploads/"
        var relative = meta.first { $0.0 == "_wp_attached_file" }?.1.stringValue ?? ""
        if relative.isEmpty, let range = i.attachmentURL.range(of: marker) { relative = String(i.attachmentURL[range.upperBound...]) }
        if relative.isEmpty { relative = URL(string: i.attachmentURL)?.lastPathComponent ?? "" }
        let parts = relative.split(separator: "/")
        guard !relative.isEmpty, !relative.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            summary.skipped.append("attachment “\(i.title)” (\(i.id)): no file named")
            return nil
        }
        let ext = (relative as NSString).pathExtension.lowercased()
        let byExtension = ImageInfo.extensions.first { $0.value.contains(ext) }?.key ?? "application/octet-stream"
        guard let source = importer.uploadsSource else { return AttachmentFile(mime: byExtension) }
        let from = source.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: from.path) else {
            summary.skipped.append("attachment “\(i.title)” (\(i.id)): \(from.path) not found")
            return nil
        }
        let bytes = Array(data)
        guard let mime = ImageInfo.acceptedType(of: bytes, ext: ext) else {
            summary.skipped.append("attachment “\(i.title)” (\(i.id)): \(relative) is not a file type this site accepts")
            return nil
        }
        let root = importer.library.root
        var target = relative
        let folder = (relative as NSString).deletingLastPathComponent
        let base = ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
        var n = 1
        while let there = FileManager.default.contents(atPath: root.appendingPathComponent(target).path), there != data {
            target = (folder.isEmpty ? "" : folder + "/") + "\(base)-\(n).\((relative as NSString).pathExtension)"
            n += 1
        }
        let url = root.appendingPathComponent(target)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            copied.add(url)
        }
        let made = AttachmentMetadata.make(relative: target, data: bytes, mime: mime, library: importer.library, options: sizeOptions)
        for f in made.madeFiles { copied.add(url.deletingLastPathComponent().appendingPathComponent(f)) }
        summary.filesCopied += 1
        let newURL = importer.siteURL + marker + target
        if !i.attachmentURL.isEmpty && i.attachmentURL != newURL { movedFiles.append((i.attachmentURL, newURL)) }
        return AttachmentFile(mime: mime, copiedTo: made.attachedFile, metadata: made.metadata)
    }

    // MARK: the end

    mutating func finish() async throws {
        for (post, oldParent) in laterParents {
            if let parent = postsByOldID[oldParent] { try await store.setPostParent(id: post, parent: parent) }
        }
        for (term, parentSlug) in laterTermParents {
            if let parent = try await termID(term.taxonomy, parentSlug), parent != term.id {
                var t = term
                t.parent = parent
                try await store.updateTerm(t)
            }
        }
        for (post, oldMedia) in laterFeatured {
            if let media = postsByOldID[oldMedia] { try await store.setPostMeta(id: post, [("_thumbnail_id", .int(media))]) }
        }
        for (post, meta) in menuItems {
            var values: [(String, JSON?)] = []
            if let parent = meta["_menu_item_menu_item_parent"].flatMap({ Int($0) }) {
                values.append(("_menu_item_menu_item_parent", .string(String(postsByOldID[parent] ?? 0))))
            }
            if let object = meta["_menu_item_object_id"].flatMap({ Int($0) }) {
                let mapped: Int?
                switch meta["_menu_item_type"] {
                case "post_type": mapped = postsByOldID[object]
                case "taxonomy": mapped = termsByOldID[object]
                default: mapped = object
                }
                values.append(("_menu_item_object_id", .string(String(mapped ?? object))))
            }
            if !values.isEmpty { try await store.setPostMeta(id: post, values) }
        }
        for (from, to) in movedFiles.sorted(by: { $0.from.count > $1.from.count }) {
            try await store.replaceInContent(from, with: to)
        }
        try await store.recountComments()
    }

    // MARK: values

    /// `Y-m-d H:i:s` as the file gives it, or WordPress's zero date when it gives none.
    static func storedDate(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? WPDate.zero : t
    }

    /// A meta value as the site keeps it: what a serialised value holds, or the text itself.
    static func metaValue(_ text: String) -> JSON {
        PHPSerialization.unserialize(text) ?? .string(text)
    }
}
