import Foundation
import QuireREST
import QuireStore

/// Where templates come from: the stored edits (posts of the kind's type, tied to their theme
/// by a `wp_theme` term and, for parts, to an area by a `wp_template_part_area` term), then
/// the active theme's files that no stored edit replaces (`get_block_templates`).
public struct TemplateLibrary: Sendable {
    let files: ThemeTemplateFiles
    let store: any ContentStore
    /// The site's post types and taxonomies, which titles of templates named after one post or term name.
    let types: ContentTypes

    init(files: ThemeTemplateFiles, store: any ContentStore, types: ContentTypes = ContentTypes()) {
        self.files = files
        self.store = store
        self.types = types
    }

    /// The templates of the active theme in `themes`, and the edits `store` keeps of them.
    public init(themes: ThemeLibrary, store: any ContentStore, types: ContentTypes = ContentTypes()) {
        self.init(files: ThemeTemplateFiles(themes: themes), store: store, types: types)
    }

    static let themeTaxonomy = "wp_theme"
    static let areaTaxonomy = "wp_template_part_area"

    /// A list (`get_block_templates`): with `wpID`, only that stored post (published, draft or
    /// auto-draft); otherwise the published stored edits of the active theme, then its files.
    /// `postType` keeps the custom templates offered to that type; `area` the parts of that area.
    func list(_ kind: TemplateKind, wpID: Int? = nil, area: String? = nil, postType: String? = nil) async throws -> [BlockTemplate] {
        func offered(_ t: BlockTemplate) -> Bool {
            guard let postType, !postType.isEmpty else { return true }
            if !t.isCustom { return false }
            if let types = t.postTypes, !types.contains(postType) { return false }
            return true
        }
        let statuses: [PostStatus] = wpID == nil ? [.publish] : [.autoDraft, .draft, .publish]
        var result = try await stored(kind, theme: files.stylesheet, slug: nil, wpID: wpID, statuses: statuses)
            .filter { area == nil || $0.area == area }.filter(offered)
        guard wpID == nil else { return result }
        let taken = Set(result.map(\.id))
        for file in files.files(kind) {
            let t = files.template(file, kind)
            guard offered(t), !taken.contains(t.id), area == nil || file.area == area else { continue }
            result.append(t)
        }
        return result
    }

    /// The first of `slugs` the active theme has a template for, stored or as a file
    /// (`resolve_block_template`).
    func first(of slugs: [String]) async throws -> BlockTemplate? {
        let found = try await list(.template).filter { slugs.contains($0.slug) }
        return found.min { (slugs.firstIndex(of: $0.slug) ?? 0) < (slugs.firstIndex(of: $1.slug) ?? 0) }
    }

    /// The templates a post of `type` may name (`WP_Theme::get_post_templates`): the custom
    /// ones offered to it, for a public type.
    func offered(to type: PostType) async throws -> [String] {
        try await offeredTemplates(to: type).map(\.slug)
    }

    /// The custom templates a post of `type` may use, with their titles, as the editor's
    /// template menu lists them.
    public func offeredTemplates(to type: PostType) async throws -> [BlockTemplate] {
        guard type.isPublic else { return [] }
        return try await list(.template).filter { $0.isCustom && ($0.postTypes?.contains(type.name) ?? true) }
    }

    /// One template by id (`get_block_template`): the stored edit (any status but a trashed
    /// one's freed slug), else the theme's file.
    func template(_ id: String, _ kind: TemplateKind) async throws -> BlockTemplate? {
        guard let (theme, slug) = BlockTemplate.split(id) else { return nil }
        if let t = try await stored(kind, theme: theme, slug: slug, wpID: nil, statuses: [.autoDraft, .draft, .publish, .trash]).first {
            return t
        }
        return fileTemplate(id, kind)
    }

    /// The theme's file for an id of the active theme (`get_block_file_template`).
    func fileTemplate(_ id: String, _ kind: TemplateKind) -> BlockTemplate? {
        guard let (theme, slug) = BlockTemplate.split(id), theme == files.stylesheet,
              let file = files.file(kind, slug: slug) else { return nil }
        return files.template(file, kind)
    }

    /// The stored edits of a theme, newest first.
    func stored(_ kind: TemplateKind, theme: String, slug: String?, wpID: Int?, statuses: [PostStatus]) async throws -> [BlockTemplate] {
        guard let themeTerm = try await term(Self.themeTaxonomy, named: theme) else { return [] }
        var query = PostQuery()
        query.types = [kind.postType]
        query.statuses = statuses
        if let slug { query.slugs = [slug] }
        if let wpID { query.include = [wpID] }
        query.taxQuery = [PostQuery.TaxFilter(taxonomy: Self.themeTaxonomy, terms: [themeTerm.id], op: "IN")]
        query.limit = 1000
        // Newest first; posts of the same second in the order they were made, as MySQL gives them.
        let posts = try await store.posts(query).posts.sorted { ($0.date, -$0.id) > ($1.date, -$1.id) }
        guard !posts.isEmpty else { return [] }
        let ids = posts.map(\.id)
        let termIDs = try await store.termIDs(postIDs: ids, taxonomies: [Self.areaTaxonomy])
        let areaTerms = Dictionary(try await store.terms(ids: Array(Set(termIDs.values.flatMap { $0.values.flatMap { $0 } }))).map { ($0.id, $0) },
                                   uniquingKeysWith: { a, _ in a })
        let meta = try await store.postMeta(postIDs: ids)
        let titles = TemplateTitles(store: store, types: types)
        var found: [BlockTemplate] = []
        for post in posts {
            let area = termIDs[post.id]?[Self.areaTaxonomy]?.first.flatMap { areaTerms[$0]?.name }
            var t = template(from: post, theme: theme, area: area, meta: meta[post.id] ?? [:], kind)
            try await titles.apply(to: &t)
            found.append(t)
        }
        return found
    }

    /// A stored edit as a template (`_build_block_template_result_from_post`).
    func template(from post: Post, theme: String, area: String?, meta: [String: JSON], _ kind: TemplateKind) -> BlockTemplate {
        let file = theme == files.stylesheet ? files.file(kind, slug: post.slug) : nil
        var t = BlockTemplate(kind: kind, theme: theme, slug: post.slug)
        t.wpID = post.id
        t.content = post.content
        t.source = "custom"
        if case .string(let origin)? = meta["origin"], !origin.isEmpty { t.origin = origin }
        t.description = post.excerpt
        t.title = post.title
        t.status = post.status
        t.hasThemeFile = file != nil
        t.isCustom = !BlockSupports.truthy(meta["is_wp_suggestion"])
        t.author = post.author
        if kind == .template, file != nil { t.postTypes = file?.postTypes }
        if kind == .template, DefaultTemplateTypes.all[t.slug] != nil { t.isCustom = false }
        if kind == .part { t.area = area }
        return t
    }

    /// The term of `taxonomy` with this name, made when `create` is set.
    func term(_ taxonomy: String, named name: String, create: Bool = false) async throws -> Term? {
        if let found = try await store.terms(taxonomy: taxonomy).first(where: { $0.name == name }) { return found }
        guard create else { return nil }
        return try await store.insertTerm(Term(taxonomy: taxonomy, name: name, slug: Slug.sanitizeTitle(name)))
    }
}
