import Foundation
import QuireREST
import QuireStore

/// `core/latest-comments` (`render_block_core_latest_comments`): the newest approved comments
/// on published posts, each with its author (linked to their site), the post it is on, and as
/// asked its avatar, date and first twenty words.
enum LatestCommentsBlock {
    static func render(_ c: ServerBlocks.Context) async throws -> String {
        let showAvatar = c.bool("displayAvatar"), showDate = c.bool("displayDate"), showExcerpt = c.bool("displayExcerpt")
        var q = CommentQuery()
        q.types = nil
        q.postStatuses = [.publish]
        q.limit = max(1, PHPScalar.toInt(c.attributes["commentsToShow"] ?? 5))
        let comments = try await c.store.comments(q).comments
        let posts = Dictionary(try await c.store.posts(ids: Array(Set(comments.map(\.postID)))).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let users = Dictionary(try await c.store.users(ids: Array(Set(comments.map(\.userID).filter { $0 > 0 }))).map { ($0.id, $0) },
                               uniquingKeysWith: { a, _ in a })
        let dateFormat = try await c.store.option("date_format")?.stringValue ?? "F j, Y"
        let offset = try await c.store.option("gmt_offset").map(PHPScalar.toDouble) ?? 0
        var items = ""
        for comment in comments {
            let user = users[comment.userID]
            items += "<li class=\"wp-block-latest-comments__comment\">"
            if showAvatar { items += avatar(email: user?.email ?? comment.authorEmail) }
            items += "<article><footer class=\"wp-block-latest-comments__comment-meta\">"
            var authorURL = comment.authorURL
            if authorURL.isEmpty, let user { authorURL = "\(c.home)/author/\(user.nicename)/" }
            let name = comment.author.isEmpty ? (user?.displayName ?? "Anonymous") : comment.author
            let author = authorURL.isEmpty
                ? "<span class=\"wp-block-latest-comments__comment-author\">\(name)</span>"
                : "<a class=\"wp-block-latest-comments__comment-author\" href=\"\(ArchivesBlock.escURL(TextSanitizer.url(authorURL)))\">\(name)</a>"
            let post = posts[comment.postID]
            let title = post.map { ContentRenderer.title($0.title) } ?? ""
            let link = post.map { "\(PostPresenter(type: c.types.postType($0.type) ?? PostTypes.post).permalink($0, home: c.home))#comment-\(comment.id)" } ?? ""
            items += "\(author) on <a class=\"wp-block-latest-comments__comment-link\" href=\"\(ArchivesBlock.escURL(link))\">\(title.isEmpty ? "(no title)" : title)</a>"
            if showDate {
                items += "<time datetime=\"\(isoDate(comment.date, offset: offset))\" class=\"wp-block-latest-comments__comment-date\">\(PHPDateFormat.format(dateFormat, comment.date))</time>"
            }
            items += "</footer>"
            if showExcerpt {
                let text = comment.content.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                items += "<div class=\"wp-block-latest-comments__comment-excerpt\">\(ContentRenderer.autop(ContentRenderer.trimWords(text, limit: 20)))</div>"
            }
            items += "</article></li>"
        }
        var classes: [String] = []
        if showAvatar { classes.append("has-avatars") }
        if showDate { classes.append("has-dates") }
        if showExcerpt { classes.append("has-excerpts") }
        if comments.isEmpty { classes.append("no-comments") }
        let wrapper = c.wrapper(class: classes.joined(separator: " "))
        return comments.isEmpty ? "<div \(wrapper)>No comments to show.</div>" : "<ol \(wrapper)>\(items)</ol>"
    }

    /// `get_avatar(comment, 48)`: the Gravatar of the address, twice as large for dense screens.
    static func avatar(email: String) -> String {
        func url(_ size: Int) -> String { ArchivesBlock.escURL(UsersController.gravatarURL(email: email, size: size)) }
        return "<img alt='' src='\(url(48))' srcset='\(url(96)) 2x' class='avatar avatar-48 photo wp-block-latest-comments__comment-avatar' "
            + "height='48' width='48' loading='lazy' decoding='async'/>"
    }

    /// PHP's `c` format of a site-time date: `2024-01-16T10:00:00+00:00`.
    static func isoDate(_ stored: String, offset hours: Double) -> String {
        let minutes = Int((hours * 60).rounded())
        let sign = minutes < 0 ? "-" : "+"
        let zone = String(format: "%@%02d:%02d", sign, abs(minutes) / 60, abs(minutes) % 60)
        return stored.replacingOccurrences(of: " ", with: "T") + zone
    }
}
