import QuireREST
import QuireStore

/// The posts and terms a page of menu items links to, loaded together, and what each item
/// shows of its object (`wp_setup_nav_menu_item`).
struct MenuItemObjects: Sendable {
    let types: ContentTypes
    var posts: [Int: Post] = [:]
    /// The slugs of each linked post's ancestors, for its address.
    var ancestors: [Int: [String]] = [:]
    var terms: [Int: Term] = [:]
    /// Each linked term's path below its taxonomy's base: ancestors' slugs, then its own.
    var termPaths: [Int: String] = [:]
    /// Where the posts' archive is: the page for posts, when the front page is a page.
    var postsPage: Post? = nil

    static func load(for items: [MenuItem], store: any ContentStore, types: ContentTypes) async throws -> MenuItemObjects {
        var out = MenuItemObjects(types: types)
        let postIDs = Set(items.filter { $0.kind == .postType && $0.objectID > 0 }.map(\.objectID))
        for p in try await store.posts(ids: Array(postIDs)) { out.posts[p.id] = p }
        out.ancestors = try await PageAncestry.slugs(for: Array(out.posts.values), in: store)
        let termIDs = Set(items.filter { $0.kind == .taxonomy && $0.objectID > 0 }.map(\.objectID))
        for t in try await store.terms(ids: Array(termIDs)) { out.terms[t.id] = t }
        out.termPaths = try await TermPaths.load(for: Array(out.terms.values), in: store)
        if items.contains(where: { $0.kind == .postTypeArchive && $0.object == "post" }),
           try await store.option("show_on_front")?.stringValue == "page",
           let page = try await store.option("page_for_posts").map(PHPScalar.toInt), page > 0 {
            out.postsPage = try await store.post(id: page)
            if let p = out.postsPage { out.ancestors[p.id] = try await PageAncestry.slugs(for: [p], in: store)[p.id] }
        }
        return out
    }

    /// What an item shows of the object it links to.
    struct Shown {
        var title: String
        /// The address, or `false` for the archive of a type that has none.
        var url: JSON
        var typeLabel: String
        var invalid = false
    }

    func permalink(_ p: Post, home: String) -> String {
        let type = types.postType(p.type) ?? PostTypes.post
        return PostPresenter(type: type).permalink(p, home: home, ancestors: ancestors[p.id] ?? [])
    }

    func setUp(_ item: MenuItem, home: String) -> Shown {
        let own = item.post.title
        switch item.kind {
        case .postType:
            let type = types.postType(item.object)
            var shown = Shown(title: own, url: "", typeLabel: type?.singularLabel ?? item.object, invalid: type == nil)
            guard let linked = posts[item.objectID] else {
                shown.invalid = true
                if own.isEmpty { shown.title = "#\(item.objectID) (no title)" }
                return shown
            }
            if linked.status == .trash { shown.invalid = true }
            shown.url = .string(permalink(linked, home: home))
            let original = ContentRenderer.title(linked.title)
            if own.isEmpty { shown.title = original.isEmpty ? "#\(item.objectID) (no title)" : original }
            return shown
        case .postTypeArchive:
            let type = types.postType(item.object)
            var shown = Shown(title: own, url: false, typeLabel: "Post Type Archive", invalid: type == nil)
            if own.isEmpty, let type { shown.title = MenuItemObjects.archivesLabel(type) }
            if item.object == "post" {
                shown.url = .string(postsPage.map { permalink($0, home: home) } ?? home)
            }
            return shown
        case .taxonomy:
            let taxonomy = types.taxonomy(item.object)
            var shown = Shown(title: own, url: "", typeLabel: taxonomy?.singularLabel ?? item.object, invalid: taxonomy == nil)
            guard let term = terms[item.objectID], term.taxonomy == item.object, let taxonomy else {
                shown.invalid = true
                if own.isEmpty { shown.title = "#\(item.objectID) (no title)" }
                return shown
            }
            shown.url = .string(TermPaths.link(term, path: termPaths[term.id], taxonomy: taxonomy, home: home))
            if own.isEmpty { shown.title = term.name.isEmpty ? "#\(item.objectID) (no title)" : term.name }
            return shown
        case .custom:
            return Shown(title: own, url: .string(item.url), typeLabel: "Custom Link")
        }
    }

    /// A post type's `archives` label.
    static func archivesLabel(_ type: PostType) -> String {
        PostTypeLabels.of(type)["archives"]?.stringValue ?? "\(type.singularLabel) Archives"
    }

    /// The REST route of what a post or term item links to, with the post's type or the term's
    /// taxonomy (`prepare_links`); none when the object is gone or not in the API.
    func route(_ item: MenuItem) -> (route: String, kind: String)? {
        switch item.kind {
        case .postType:
            guard let p = posts[item.objectID], let t = types.postType(p.type), t.showInREST else { return nil }
            return ("\(t.route)/\(p.id)", t.name)
        case .taxonomy:
            guard let term = terms[item.objectID], let t = types.taxonomy(term.taxonomy), t.showInREST else { return nil }
            return ("\(t.route)/\(term.id)", t.name)
        case .custom, .postTypeArchive:
            return nil
        }
    }
}
