import Foundation
import QuireREST
import QuireStore

/// A large site for benchmarks: authors, categories, tags, posts with terms and comments.
public enum GeneratedContent {
    public static func seed(_ store: any ContentStore, posts count: Int, url: String, progress: ((Int) -> Void)? = nil) async throws {
        let now = WPDate.format(Date())
        var authors: [Int] = [1]
        for i in 1...5 {
            let u = try await store.insertUser(User(login: "writer\(i)", passwordHash: "", email: "writer\(i)@example.com",
                                                    registered: now, displayName: "Writer \(i)", roles: ["author"]))
            authors.append(u.id)
        }
        var categories: [Int] = [1]
        // Terms the demo content already made are reused, so both can seed one site.
        func term(_ taxonomy: String, _ name: String, _ slug: String) async throws -> Int {
            var q = TermQuery(taxonomy: taxonomy)
            q.slugs = [slug]
            if let existing = try await store.terms(q).terms.first { return existing.id }
            return try await store.insertTerm(Term(taxonomy: taxonomy, name: name, slug: slug)).id
        }
        for name in ["News", "Releases", "Tutorials", "Guides", "Opinion", "Reviews", "Interviews", "Events"] {
            categories.append(try await term("category", name, Slug.sanitizeTitle(name)))
        }
        var tags: [Int] = []
        for i in 1...40 { tags.append(try await term("post_tag", "Topic \(i)", "topic-\(i)")) }
        let words = ["swift", "server", "content", "api", "release", "performance", "guide", "editor", "rest", "cache",
                     "database", "plugin", "theme", "media", "search", "index", "query", "page", "post", "comment"]
        var rng = SystemRandomNumberGenerator()
        let start = Date(timeIntervalSince1970: 1_600_000_000)
        // Written in batches, each one transaction, with term counts updated once a batch.
        var batch: [(post: Post, terms: [String: [Int]])] = []
        var numbers: [Int] = []
        func flush() async throws {
            guard !batch.isEmpty else { return }
            let created = try await store.insertPosts(batch)
            for (n, p) in zip(numbers, created) where n % 10 == 0 {
                _ = try await store.insertComment(Comment(postID: p.id, author: "Reader", authorEmail: "reader@example.com",
                                                          date: p.date, dateGMT: p.dateGMT, content: "Comment on \(n)."))
            }
            progress?(numbers.last ?? 0)
            batch.removeAll(keepingCapacity: true)
            numbers.removeAll(keepingCapacity: true)
        }
        for n in 1...count {
            let title = (0..<5).map { _ in words[Int(rng.next(upperBound: UInt64(words.count)))] }.joined(separator: " ").capitalized + " \(n)"
            let body = (0..<3).map { _ in
                "<!-- wp:paragraph -->\n<p>" + (0..<40).map { _ in words[Int(rng.next(upperBound: UInt64(words.count)))] }.joined(separator: " ") + ".</p>\n<!-- /wp:paragraph -->"
            }.joined(separator: "\n\n")
            let date = WPDate.format(start.addingTimeInterval(Double(n) * 600))
            let cats = [categories[n % categories.count]]
            let postTags = [tags[n % tags.count], tags[(n * 7) % tags.count]]
            batch.append((Post(author: authors[n % authors.count], date: date, dateGMT: date, content: body,
                               title: title, status: .publish, slug: "post-\(n)", modified: date,
                               modifiedGMT: date, guid: "\(url)/post-\(n)/"),
                          ["category": cats, "post_tag": Array(Set(postTags))]))
            numbers.append(n)
            if batch.count == 1000 { try await flush() }
        }
        try await flush()
    }
}
