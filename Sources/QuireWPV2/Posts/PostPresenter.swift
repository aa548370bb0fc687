import QuireREST
import QuireStore

/// The JSON a post answers with, in WordPress's field order, filtered by context.
struct PostPresenter: Sendable {
    let type: PostType
    var types = ContentTypes()
    /// The context filter prepared for the type's schema with its extensions, when the caller keeps one.
    var contextPlan: ContextPlan? = nil
    /// The names of the type's schema properties: the fields a post of the type has.
    let fieldNames: Set<String>
    /// The type's `_links` as prepared text, when the caller keeps them.
    var linkTexts: PostLinkTexts? = nil
    /// For each context, the fields `contextPlan` shows in it, when the caller keeps them.
    var shownFields: [String: Set<String>] = [:]

    init(type: PostType, types: ContentTypes = ContentTypes(), contextPlan: ContextPlan? = nil, fieldNames: Set<String>? = nil,
         linkTexts: PostLinkTexts? = nil, shownFields: [String: Set<String>] = [:]) {
        self.type = type
        self.types = types
        self.contextPlan = contextPlan
        self.fieldNames = fieldNames ?? Set(type.schema["properties"]?.objectValue?.keys ?? [])
        self.linkTexts = linkTexts
        self.shownFields = contextPlan == nil ? [:] : shownFields
    }

    /// The fields of `names` that `plan` shows in each context a request may ask for.
    static func shownFields(_ names: Set<String>, by plan: ContextPlan) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for context in ["view", "embed", "edit"] { out[context] = names.filter { plan.shows($0, in: context) } }
        return out
    }

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
        if [.draft, .pending, .autoDraft, .future, .trash].contains(p.status) || p.slug.isEmpty {
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

    /// The post as an answer whose data later steps may read or change (`_fields`, embeds,
    /// extensions, write answers).
    func present(_ p: Post, _ r: RESTRequest, related: Related, canEdit: Bool) -> RESTResponse {
        let plan = self.plan
        var data: JSON
        if plan.isFieldwise {
            var sink = JSONTreeSink()
            sink.beginObject()
            writeMembers(p, r, related: related, canEdit: canEdit, plan: plan, into: &sink)
            sink.endObject()
            data = sink.value
            if let fields = r["_fields"] { data = FieldsFilter.apply(fields, to: data) }
        } else {
            var everything = JSONTreeSink()
            everything.beginObject()
            writeMembers(p, r, related: related, canEdit: canEdit, plan: nil, into: &everything)
            everything.endObject()
            data = r.shaped(everything.value.objectValue ?? JSONObject(), by: plan)
        }
        var response = RESTResponse(data)
        // Core controllers add links only when `_fields` keeps `_links` (`_embedded` is no schema
        // field, so asking for it alone brings neither links nor embeds).
        if r.wantsLinks { response.links = links(p, r, related: related) }
        return response
    }

    /// The post as JSON text, `_links` included, for an answer nothing reads before the client
    /// (``RESTRequest/answersWithBytes``); the same bytes ``present(_:_:related:canEdit:)``'s
    /// answer encodes to.
    func write(_ p: Post, _ r: RESTRequest, related: Related, canEdit: Bool, into sink: inout JSONByteSink) {
        sink.beginObject()
        writeMembers(p, r, related: related, canEdit: canEdit, plan: plan, into: &sink)
        sink.key("_links")
        if r.context != "edit", let linkTexts {
            linkTexts.write(p, related: related, presenter: self, site: r.server.site, into: &sink)
        } else {
            LinkCompactor.write(links(p, r, related: related), into: &sink)
        }
        sink.endObject()
    }

    /// Whether ``write(_:_:related:canEdit:into:)`` can serve the request: its plan filters
    /// member by member and nothing else adds to a post of this type.
    func writesBytes(for r: RESTRequest) -> Bool {
        r.answersWithBytes && plan.isFieldwise && (types.extensions.fields[type.name] ?? []).isEmpty
            && (types.extensions.prepare[type.name] ?? []).isEmpty
    }

    private var plan: ContextPlan { contextPlan ?? ContextPlan(types.extensions.extend(type.schema, for: type.name)) }

    /// The post's fields in WordPress's order, those the context shows (all of them when
    /// `plan` is nil); a member whose schema names contexts for its own members is filtered by them.
    private func writeMembers<S: JSONSink>(_ p: Post, _ r: RESTRequest, related: Related, canEdit: Bool,
                                           plan: ContextPlan?, into sink: inout S) {
        let site = r.server.site
        let context = r.context
        let names = fieldNames
        // The fields the kept plan shows in this context, worked out once for every request.
        let shownHere = plan != nil ? shownFields[context] : nil
        func shown(_ key: String) -> Bool {
            if let shownHere { return shownHere.contains(key) }
            return names.contains(key) && (plan?.shows(key, in: context) ?? true)
        }
        /// The members of a nested object the context shows.
        func shown(_ key: String, _ member: String) -> Bool { plan?.member(key)?.shows(member, in: context) ?? true }
        func value(_ key: String, _ v: JSON) {
            guard shown(key) else { return }
            sink.key(key)
            if let inner = plan?.member(key) { sink.json(inner.apply(v, context: context)) } else { sink.json(v) }
        }
        func date(_ key: String, _ stored: String) {
            guard shown(key) else { return }
            sink.key(key)
            if let d = WPDate.rest(stored) { sink.string(d) } else { sink.null() }
        }
        let open = passwordOpen(p, r, canEdit: canEdit)
        let protected = !p.password.isEmpty
        if shown("id") { sink.member("id", p.id) }
        date("date", p.date)
        // A draft whose GMT date is not set yet shows its date as GMT, as WordPress shims it
        // (dates are stored as site time, which is GMT here, as in `applyDates`).
        date("date_gmt", p.dateGMT == WPDate.zero ? p.date : p.dateGMT)
        if shown("guid") {
            sink.key("guid")
            sink.beginObject()
            if shown("guid", "rendered") { sink.member("rendered", p.guid) }
            if shown("guid", "raw") { sink.member("raw", p.guid) }
            sink.endObject()
        }
        date("modified", p.modified)
        date("modified_gmt", p.modifiedGMT)
        if shown("password") { sink.member("password", p.password) }
        if shown("slug") { sink.member("slug", p.slug) }
        if shown("status") { sink.member("status", p.status.rawValue) }
        if shown("type") { sink.member("type", p.type) }
        if shown("link") { sink.member("link", permalink(p, home: site.home, ancestors: related.ancestors)) }
        // Reusable blocks show nothing rendered; a title with nothing left in the context is
        // PHP's empty array.
        let rendersText = type.controller != .blocks
        if shown("title") {
            sink.key("title")
            if !rendersText && !shown("title", "raw") {
                sink.json(.array([]))
            } else {
                sink.beginObject()
                if shown("title", "raw") { sink.member("raw", p.title) }
                if rendersText && shown("title", "rendered") {
                    sink.member("rendered", ContentRenderer.title(p.status == .private ? "Private: \(p.title)" : p.title))
                }
                sink.endObject()
            }
        }
        if shown("content") {
            sink.key("content")
            sink.beginObject()
            if shown("content", "raw") { sink.member("raw", p.content) }
            if rendersText && shown("content", "rendered") { sink.member("rendered", open ? ContentRenderer.content(p.content) : "") }
            if shown("content", "protected") { sink.member("protected", protected) }
            if shown("content", "block_version") { sink.member("block_version", ContentRenderer.hasBlocks(p.content) ? 1 : 0) }
            sink.endObject()
        }
        if shown("excerpt") {
            sink.key("excerpt")
            sink.beginObject()
            if shown("excerpt", "raw") { sink.member("raw", p.excerpt) }
            if shown("excerpt", "rendered") {
                sink.member("rendered", open ? ContentRenderer.excerpt(raw: p.excerpt, content: p.content) : "")
            }
            if shown("excerpt", "protected") { sink.member("protected", protected) }
            sink.endObject()
        }
        if shown("author") { sink.member("author", p.author) }
        if shown("featured_media") { sink.member("featured_media", related.meta["_thumbnail_id"]?.intValue ?? 0) }
        if shown("parent") { sink.member("parent", p.parent) }
        if shown("menu_order") { sink.member("menu_order", p.menuOrder) }
        if shown("comment_status") { sink.member("comment_status", p.commentStatus) }
        if shown("ping_status") { sink.member("ping_status", p.pingStatus) }
        if shown("sticky") { sink.member("sticky", p.sticky) }
        if shown("template") { sink.member("template", p.template) }
        if shown("format") { sink.member("format", p.format) }
        value("meta", meta(related))
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy) else { continue }
            value(info.restBase, .array((related.terms[taxonomy] ?? []).map { .int($0) }))
        }
        if context == "edit" {
            // `get_sample_permalink`: drafts are shown as if published; trashed posts keep the plain link.
            if shown("permalink_template") {
                let template = p.status == .trash ? (type.name == "page" ? "\(site.home)/?page_id=\(p.id)" : "\(site.home)/?p=\(p.id)")
                    : "\(site.home)/" + related.ancestors.map { $0 + "/" }.joined() + (type.hierarchical ? "%pagename%/" : "%postname%/")
                sink.member("permalink_template", template)
            }
            if shown("generated_slug") { sink.member("generated_slug", related.generatedSlug ?? Slug.sanitizeTitle(p.title)) }
        }
    }

    /// Registered meta keys with their stored values (or defaults); `[]` when none are registered.
    func meta(_ related: Related) -> JSON {
        guard let keys = types.extensions.meta[type.name], !keys.isEmpty else { return .array([]) }
        var o = JSONObject()
        for k in keys { o.appendUnique(k.key, related.meta[k.key] ?? k.defaultValue) }
        return .object(o)
    }

    /// The post's `_links`, with what the user may do to it in the edit context.
    func links(_ p: Post, _ r: RESTRequest, related: Related) -> [RESTLink] {
        guard r.context == "edit" else { return links(p, related: related, site: r.server.site) }
        var response = RESTResponse()
        addLinks(&response, p, related: related, site: r.server.site)
        addActionLinks(&response, p, r, site: r.server.site)
        return response.links
    }

    /// The post's `_links` outside the edit context.
    func links(_ p: Post, related: Related, site: SiteInfo) -> [RESTLink] {
        var response = RESTResponse()
        addLinks(&response, p, related: related, site: site)
        return response.links
    }

    /// What the user may do to the post, as `wp:action-*` links (edit context only).
    func addActionLinks(_ response: inout RESTResponse, _ p: Post, _ r: RESTRequest, site: SiteInfo) {
        Self.addActionLinks(&response, type: type, types: types, href: site.restURL("\(type.route)/\(p.id)"), r)
    }

    /// The actions the caller may take on a post of `type`, as links to it
    /// (`get_available_actions`): publishing, unfiltered HTML, sticking, assigning an author,
    /// and, per taxonomy, creating terms (its `edit_terms`, or `assign_terms` when it is flat)
    /// and assigning them (`assign_terms`).
    static func addActionLinks(_ response: inout RESTResponse, type: PostType, types: ContentTypes, href: String, _ r: RESTRequest) {
        let c = type.capabilities
        var rels: [String] = []
        if r.can(c.publishPosts) { rels.append("action-publish") }
        if r.can(.unfilteredHTML) { rels.append("action-unfiltered-html") }
        if type.name == "post" && r.can(c.editOthersPosts) && r.can(c.publishPosts) { rels.append("action-sticky") }
        if type.supports.contains("author") && r.can(c.editOthersPosts) { rels.append("action-assign-author") }
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy) else { continue }
            let caps = info.capabilities
            if r.can(info.hierarchical ? caps.editTerms : caps.assignTerms) { rels.append("action-create-\(info.restBase)") }
            if r.can(caps.assignTerms) { rels.append("action-assign-\(info.restBase)") }
        }
        for rel in rels { response.addLink("https://api.w.org/\(rel)", href) }
    }

    /// The ids a post's links name besides its own; nil for a link it does not have.
    struct LinkedIDs: Sendable {
        var author: Int?
        var lastRevision: Int?
        var parent: Int?
        var media: Int?
    }

    func linkedIDs(_ p: Post, related: Related) -> LinkedIDs {
        LinkedIDs(author: type.supports.contains("author") && p.author != 0 ? p.author : nil,
                  lastRevision: type.supports.contains("revisions") ? related.lastRevision : nil,
                  parent: type.hierarchical && p.parent > 0 ? p.parent : nil,
                  media: related.meta["_thumbnail_id"]?.intValue.flatMap { $0 > 0 ? $0 : nil })
    }

    func addLinks(_ response: inout RESTResponse, _ p: Post, related: Related, site: SiteInfo) {
        let base = site.restURL(type.route)
        let linked = linkedIDs(p, related: related)
        response.addLink("self", "\(base)/\(p.id)")
        response.addLink("collection", base)
        response.addLink("about", site.restURL("/wp/v2/types/\(type.name)"))
        if let author = linked.author {
            response.addLink("author", site.restURL("/wp/v2/users/\(author)"), attributes: RESTLink.embeddable)
        }
        if type.supports.contains("comments") {
            response.addLink("replies", site.restURL("/wp/v2/comments?post=\(p.id)"), attributes: RESTLink.embeddable)
        }
        if type.supports.contains("revisions") {
            response.addLink("version-history", "\(base)/\(p.id)/revisions", attributes: ["count": .int(related.revisions)])
            if let last = linked.lastRevision {
                response.addLink("predecessor-version", "\(base)/\(p.id)/revisions/\(last)", attributes: ["id": .int(last)])
            }
        }
        if let parent = linked.parent {
            response.addLink("up", "\(base)/\(parent)", attributes: RESTLink.embeddable)
        }
        if let media = linked.media {
            response.addLink("https://api.w.org/featuredmedia", site.restURL("/wp/v2/media/\(media)"), attributes: RESTLink.embeddable)
        }
        response.addLink("https://api.w.org/attachment", site.restURL("/wp/v2/media?parent=\(p.id)"))
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy) else { continue }
            response.addLink("https://api.w.org/term", site.restURL("/wp/v2/\(info.restBase)?post=\(p.id)"),
                             attributes: ["taxonomy": .string(taxonomy), "embeddable": true])
        }
    }
}
