import QuireREST
import QuireStore

/// The JSON a post answers with, in WordPress's field order, filtered by context.
struct PostPresenter: Sendable {
    let type: PostType
    var types = ContentTypes()
    /// The context filter prepared for the type's schema with its extensions, when the caller keeps one.
    var contextPlan: ContextPlan? = nil

    struct Related: Sendable {
        var terms: [String: [Int]] = [:]
        var meta: [String: JSON] = [:]
        var revisions = 0
        var lastRevision: Int? = nil
        /// Slugs of the ancestors, outermost first (hierarchical types).
        var ancestors: [String] = []
        /// The slug the title would get, made unique (`get_sample_permalink`); edit context only.
        var generatedSlug: String? = nil
    }

    /// The public URL: `/<ancestors>/<slug>/` once published (or private), `?p=<id>` before.
    func permalink(_ p: Post, home: String, ancestors: [String] = []) -> String {
        // Statuses nobody views by address get the plain link (`wp_force_plain_post_permalink`).
        if ["draft", "pending", "auto-draft", "future", "trash"].contains(p.status) || p.slug.isEmpty {
            return p.type == "page" ? "\(home)/?page_id=\(p.id)" : "\(home)/?p=\(p.id)"
        }
        return "\(home)/" + (ancestors + [p.slug]).joined(separator: "/") + "/"
    }

    /// Whether a protected post's content is shown: to the editing context of someone who may
    /// edit it, or with its password; otherwise its rendered content and excerpt are empty.
    func passwordOpen(_ p: Post, _ r: RESTRequest, canEdit: Bool) -> Bool {
        if p.password.isEmpty { return true }
        if r.context == "edit" && canEdit { return true }
        guard let given = r["password"]?.stringValue, !given.isEmpty else { return false }
        return ConstantTime.equal(given, p.password)
    }

    func present(_ p: Post, _ r: RESTRequest, related: Related, canEdit: Bool) -> RESTResponse {
        let site = r.server.site
        let props = type.schema["properties"]?.objectValue ?? JSONObject()
        let context = r.context
        let open = passwordOpen(p, r, canEdit: canEdit)
        let protected = !p.password.isEmpty
        let link = permalink(p, home: site.home, ancestors: related.ancestors)
        var o = JSONObject()
        func add(_ key: String, _ value: @autoclosure () -> JSON) { if props.contains(key) { o.appendUnique(key, value()) } }
        add("id", .int(p.id))
        add("date", WPDate.rest(p.date).map(JSON.string) ?? .null)
        // A draft whose GMT date is not set yet shows its date as GMT, as WordPress shims it
        // (dates are stored as site time, which is GMT here, as in `applyDates`).
        add("date_gmt", WPDate.rest(p.dateGMT == WPDate.zero ? p.date : p.dateGMT).map(JSON.string) ?? .null)
        add("guid", ["rendered": .string(p.guid), "raw": .string(p.guid)])
        add("modified", WPDate.rest(p.modified).map(JSON.string) ?? .null)
        add("modified_gmt", WPDate.rest(p.modifiedGMT).map(JSON.string) ?? .null)
        add("password", .string(p.password))
        add("slug", .string(p.slug))
        add("status", .string(p.status))
        add("type", .string(p.type))
        add("link", .string(link))
        let shownTitle = p.status == "private" ? "Private: \(p.title)" : p.title
        add("title", ["raw": .string(p.title), "rendered": .string(ContentRenderer.title(shownTitle))])
        add("content", [
            "raw": .string(p.content),
            "rendered": .string(open ? ContentRenderer.content(p.content) : ""),
            "protected": .bool(protected),
            "block_version": .int(ContentRenderer.hasBlocks(p.content) ? 1 : 0),
        ])
        add("excerpt", [
            "raw": .string(p.excerpt),
            "rendered": .string(open ? ContentRenderer.excerpt(raw: p.excerpt, content: p.content) : ""),
            "protected": .bool(protected),
        ])
        add("author", .int(p.author))
        add("featured_media", .int(related.meta["_thumbnail_id"]?.intValue ?? 0))
        add("parent", .int(p.parent))
        add("menu_order", .int(p.menuOrder))
        add("comment_status", .string(p.commentStatus))
        add("ping_status", .string(p.pingStatus))
        add("sticky", .bool(p.sticky))
        add("template", .string(p.template))
        add("format", .string(p.format))
        add("meta", meta(related))
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy) else { continue }
            add(info.restBase, .array((related.terms[taxonomy] ?? []).map { .int($0) }))
        }
        if context == "edit" {
            // `get_sample_permalink`: drafts are shown as if published; trashed posts keep the plain link.
            let template = p.status == "trash" ? (type.name == "page" ? "\(site.home)/?page_id=\(p.id)" : "\(site.home)/?p=\(p.id)")
                : "\(site.home)/" + related.ancestors.map { $0 + "/" }.joined() + (type.hierarchical ? "%pagename%/" : "%postname%/")
            add("permalink_template", .string(template))
            add("generated_slug", .string(related.generatedSlug ?? Slug.sanitizeTitle(p.title)))
        }
        let plan = contextPlan ?? ContextPlan(types.extensions.extend(type.schema, for: type.name))
        var response = RESTResponse(r.shaped(o, by: plan))
        // Core controllers add links only when `_fields` keeps `_links` (`_embedded` is no schema
        // field, so asking for it alone brings neither links nor embeds).
        if r.wantsLinks {
            addLinks(&response, p, related: related, site: site)
            if context == "edit" { addActionLinks(&response, p, r, site: site) }
        }
        return response
    }

    /// Registered meta keys with their stored values (or defaults); `[]` when none are registered.
    func meta(_ related: Related) -> JSON {
        guard let keys = types.extensions.meta[type.name], !keys.isEmpty else { return .array([]) }
        var o = JSONObject()
        for k in keys { o.appendUnique(k.key, related.meta[k.key] ?? k.defaultValue) }
        return .object(o)
    }

    /// What the user may do to the post, as `wp:action-*` links (edit context only).
    func addActionLinks(_ response: inout RESTResponse, _ p: Post, _ r: RESTRequest, site: SiteInfo) {
        let c = type.capabilities
        let href = site.restURL("\(type.route)/\(p.id)")
        var rels: [String] = []
        if r.can(c.publishPosts) { rels.append("action-publish") }
        if r.can("unfiltered_html") { rels.append("action-unfiltered-html") }
        if type.name == "post" && r.can(c.editOthersPosts) && r.can(c.publishPosts) { rels.append("action-sticky") }
        if type.supports.contains("author") && r.can(c.editOthersPosts) { rels.append("action-assign-author") }
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy) else { continue }
            if r.can(info.hierarchical ? "manage_categories" : "edit_posts") { rels.append("action-create-\(info.restBase)") }
            if r.can("edit_posts") { rels.append("action-assign-\(info.restBase)") }
        }
        for rel in rels { response.addLink("https://api.w.org/\(rel)", href) }
    }

    func addLinks(_ response: inout RESTResponse, _ p: Post, related: Related, site: SiteInfo) {
        let base = site.restURL(type.route)
        response.addLink("self", "\(base)/\(p.id)")
        response.addLink("collection", base)
        response.addLink("about", site.restURL("/wp/v2/types/\(type.name)"))
        if type.supports.contains("author") && p.author != 0 {
            response.addLink("author", site.restURL("/wp/v2/users/\(p.author)"), attributes: ["embeddable": true])
        }
        if type.supports.contains("comments") {
            response.addLink("replies", site.restURL("/wp/v2/comments?post=\(p.id)"), attributes: ["embeddable": true])
        }
        if type.supports.contains("revisions") {
            response.addLink("version-history", "\(base)/\(p.id)/revisions", attributes: ["count": .int(related.revisions)])
            if let last = related.lastRevision {
                response.addLink("predecessor-version", "\(base)/\(p.id)/revisions/\(last)", attributes: ["id": .int(last)])
            }
        }
        if type.hierarchical && p.parent > 0 {
            response.addLink("up", "\(base)/\(p.parent)", attributes: ["embeddable": true])
        }
        if let media = related.meta["_thumbnail_id"]?.intValue, media > 0 {
            response.addLink("https://api.w.org/featuredmedia", site.restURL("/wp/v2/media/\(media)"), attributes: ["embeddable": true])
        }
        response.addLink("https://api.w.org/attachment", site.restURL("/wp/v2/media?parent=\(p.id)"))
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy) else { continue }
            response.addLink("https://api.w.org/term", site.restURL("/wp/v2/\(info.restBase)?post=\(p.id)"),
                             attributes: ["taxonomy": .string(taxonomy), "embeddable": true])
        }
    }
}
