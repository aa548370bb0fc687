import Foundation
import QuireREST
import QuireStore

/// Revisions as WordPress keeps them: a copy of title, content and excerpt stored as a child
/// post of type `revision`, made when a post is updated and those fields changed (or when it
/// has none yet).
enum Revisions {
    /// Saves a revision of `post` if it is due.
    static func saveIfChanged(_ post: Post, author: Int, store: any ContentStore) async throws {
        var q = PostQuery()
        q.types = ["revision"]
        q.statuses = [.inherit]
        q.parents = [post.id]
        q.orderBy = "id"
        q.limit = 10
        let existing = try await store.posts(q).posts.filter { !$0.slug.hasSuffix("-autosave-v1") }
        if let latest = existing.first, latest.title == post.title, latest.content == post.content,
           latest.excerpt == post.excerpt { return }
        _ = try await store.insertPost(revision(of: post, author: author, slug: "\(post.id)-revision-v1"), terms: [:], meta: [])
    }

    static func revision(of post: Post, author: Int, slug: String) -> Post {
        Post(author: author, date: post.modified, dateGMT: post.modifiedGMT, content: post.content, title: post.title,
             excerpt: post.excerpt, status: .inherit, commentStatus: "closed", pingStatus: "closed", slug: slug,
             modified: post.modified, modifiedGMT: post.modifiedGMT, parent: post.id, guid: "", type: "revision")
    }
}
