import Foundation
import QuireAuth
import QuireREST
import QuireStore

/// A small site to look at: users of several roles, categories and tags, posts, pages, comments.
public enum DemoContent {
    public static func seed(_ store: any ContentStore, url: String) async throws {
        let now = WPDate.format(Date())
        var ids: [String: Int] = [:]
        for (login, role) in [("editor", "editor"), ("author", "author"), ("contributor", "contributor"), ("subscriber", "subscriber")] {
            let u = try await store.insertUser(User(login: login, passwordHash: PasswordHasher.hash(ApplicationPasswords.generate()),
                                                    email: "\(login)@example.com", registered: now,
                                                    displayName: login.capitalized, roles: [role]))
            ids[login] = u.id
        }
        let news = try await store.insertTerm(Term(taxonomy: "category", name: "News", slug: "news", description: "Announcements and news."))
        let tutorials = try await store.insertTerm(Term(taxonomy: "category", name: "Tutorials", slug: "tutorials"))
        let swift = try await store.insertTerm(Term(taxonomy: "post_tag", name: "Swift", slug: "swift"))
        let rest = try await store.insertTerm(Term(taxonomy: "post_tag", name: "REST API", slug: "rest-api"))
        let posts: [(String, String, String, Int, [Int], [Int])] = [
            ("Welcome to Quire", "welcome-to-quire", "Quire serves the WordPress REST API from one small binary.", 1, [news.id], [rest.id]),
            ("Getting started", "getting-started", "Create an application password, then call the API with it.", ids["editor"]!, [tutorials.id], [swift.id, rest.id]),
            ("Writing a plugin", "writing-a-plugin", "Plugins register routes, fields and post types in Swift.", ids["author"]!, [tutorials.id], [swift.id]),
        ]
        for (title, slug, text, author, cats, tags) in posts {
            let p = try await store.insertPost(Post(author: author, date: now, dateGMT: now,
                                                    content: "<!-- wp:paragraph -->\n<p>\(text)</p>\n<!-- /wp:paragraph -->",
                                                    title: title, status: .publish, slug: slug, modified: now, modifiedGMT: now,
                                                    guid: "\(url)/\(slug)/"),
                                               terms: ["category": cats, "post_tag": tags], meta: [])
            _ = try await store.insertComment(Comment(postID: p.id, author: "Reader", authorEmail: "reader@example.com",
                                                      date: now, dateGMT: now, content: "Thanks for \(title.lowercased())!"))
        }
        _ = try await store.insertPost(Post(author: 1, date: now, dateGMT: now, content: "<!-- wp:paragraph -->\n<p>About this site.</p>\n<!-- /wp:paragraph -->",
                                            title: "About", status: .publish, commentStatus: "closed", slug: "about",
                                            modified: now, modifiedGMT: now, type: "page"), terms: [:], meta: [])
    }
}
