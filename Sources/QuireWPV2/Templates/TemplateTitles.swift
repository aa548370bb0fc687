import QuireREST
import QuireStore

/// The title and description WordPress gives a stored custom template that has neither (or
/// whose title is its slug) and is named after one object: `single-<type>-<slug>`,
/// `page-<slug>`, `category-<slug>`, `tag-<slug>`, `taxonomy-<taxonomy>-<slug>` or
/// `author-<nicename>` (`_build_block_template_result_from_post`). They are worked out each
/// time the template is read, never stored.
///
///     single-post-release-1-0   →  "Post: Release 1.0", "Template for Release 1.0"
///     tag-nothing-here          →  "Not found: Tag (nothing-here)"
struct TemplateTitles: Sendable {
    let store: any ContentStore
    let types: ContentTypes

    func apply(to t: inout BlockTemplate) async throws {
        guard t.kind == .template, t.description.isEmpty, t.title.isEmpty || t.title == t.slug,
              let (prefix, rest) = Self.match(t.slug) else { return }
        switch prefix {
        case "author": try await author(rest, &t)
        case "page": _ = try await single("page", rest, &t)
        case "single":
            for type in types.postTypes where rest.hasPrefix(type.name + "-") {
                if try await single(type.name, String(rest.dropFirst(type.name.count + 1)), &t) { break }
            }
        case "tag": _ = try await term("post_tag", rest, &t)
        case "category": _ = try await term("category", rest, &t)
        default:
            for taxonomy in types.taxonomies where rest.hasPrefix(taxonomy.name + "-") {
                if try await term(taxonomy.name, String(rest.dropFirst(taxonomy.name.count + 1)), &t) { break }
            }
        }
    }

    static let prefixes = ["author", "page", "single", "tag", "category", "taxonomy"]

    /// `(author|page|single|tag|category|taxonomy)-(.+)` at its leftmost place in the slug.
    static func match(_ slug: String) -> (String, String)? {
        var i = slug.startIndex
        while i < slug.endIndex {
            let tail = slug[i...]
            for prefix in prefixes where tail.hasPrefix(prefix + "-") {
                let rest = tail.dropFirst(prefix.count + 1)
                if !rest.isEmpty { return (prefix, String(rest)) }
            }
            i = slug.index(after: i)
        }
        return nil
    }

    /// `_wp_build_title_and_description_for_single_post_type_block_template`. Only one post
    /// is asked for when looking for others of the same title, so none is ever found.
    func single(_ typeName: String, _ slug: String, _ t: inout BlockTemplate) async throws -> Bool {
        let label = types.postType(typeName)?.singularLabel ?? typeName
        var q = PostQuery()
        q.types = [typeName]
        q.statuses = [.publish]
        q.slugs = [slug]
        q.limit = 1
        guard let post = try await store.posts(q).posts.first else {
            t.title = "Not found: \(label) (\(slug))"
            return false
        }
        t.title = "\(label): \(post.title)"
        t.description = "Template for \(post.title)"
        return true
    }

    /// `_wp_build_title_and_description_for_taxonomy_block_template`: a name another term of
    /// the taxonomy shares is followed by the slug.
    func term(_ taxonomyName: String, _ slug: String, _ t: inout BlockTemplate) async throws -> Bool {
        let label = types.taxonomy(taxonomyName)?.singularLabel ?? taxonomyName
        let terms = try await store.terms(taxonomy: taxonomyName)
        guard let term = terms.first(where: { $0.slug == slug }) else {
            t.title = "Not found: \(label) (\(slug))"
            return false
        }
        t.title = "\(label): \(term.name)"
        t.description = "Template for \(term.name)"
        if terms.filter({ $0.name.lowercased() == term.name.lowercased() }).count > 1 { t.title += " (\(slug))" }
        return true
    }

    /// An author template: the user of that nicename who may edit posts, by display name (a
    /// name another such user shares is followed by the nicename).
    func author(_ nicename: String, _ t: inout BlockTemplate) async throws {
        var q = UserQuery()
        q.capabilityRoles = Roles.names.filter { Roles.role($0, grants: .editPosts) }
        q.limit = 1000
        let writers = try await store.users(q).users
        guard let user = writers.first(where: { $0.nicename == nicename }) else {
            t.title = "Deleted author: \(nicename)"
            return
        }
        t.title = "Author: \(user.displayName)"
        t.description = "Template for \(user.displayName)"
        if writers.filter({ $0.displayName.lowercased() == user.displayName.lowercased() }).count > 1 { t.title += " (\(nicename))" }
    }
}
