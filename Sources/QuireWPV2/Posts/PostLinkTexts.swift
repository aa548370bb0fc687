import QuireREST
import QuireStore
import Synchronization

/// A post type's `_links` outside the edit context, as JSON text prepared once per site address
/// and shape (which of author, last revision, parent and featured image links a post has): the
/// addresses are the same for every post but for its ids.
///
/// Each template is made by writing the links of a stand-in post through
/// ``PostPresenter/links(_:related:site:)`` and ``LinkCompactor``, as any other post's are,
/// with stand-in numbers for its ids; so a post's links written from it are the same text.
final class PostLinkTexts: Sendable {
    private struct Key: Hashable {
        let url: String
        let shape: UInt8
    }

    /// Templates made so far (nil: this site's address holds a stand-in number, so none is used).
    private let kept = Mutex<[Key: JSONTextTemplate?]>([:])

    /// The stand-ins for, in order: the post's id, author, revision count, last revision,
    /// parent and featured image.
    private static let standIns = (1...6).map { 4_815_162_342_000_000_000 + $0 }

    /// Writes `p`'s links, as ``LinkCompactor/write(_:curies:into:)`` writes what
    /// ``PostPresenter/links(_:_:related:)`` gives outside the edit context.
    func write(_ p: Post, related: PostPresenter.Related, presenter: PostPresenter, site: SiteInfo, into sink: inout JSONByteSink) {
        let linked = presenter.linkedIDs(p, related: related)
        let shape = (linked.author != nil ? 1 : 0) | (linked.lastRevision != nil ? 2 : 0)
            | (linked.parent != nil ? 4 : 0) | (linked.media != nil ? 8 : 0)
        let key = Key(url: site.url, shape: UInt8(shape))
        let template = kept.withLock { $0[key] } ?? {
            let made = Self.template(linked, presenter: presenter, site: site)
            kept.withLock { kept in
                if kept.count >= 64 { kept.removeAll() }
                kept[key] = .some(made)
            }
            return made
        }()
        guard let template else {
            LinkCompactor.write(presenter.links(p, related: related, site: site), into: &sink)
            return
        }
        sink.write(template, values: [p.id, linked.author ?? 0, related.revisions, linked.lastRevision ?? 0,
                                      linked.parent ?? 0, linked.media ?? 0])
    }

    /// The links of a stand-in post with the links `linked` has, made into a template; nil
    /// when the template does not give back a second stand-in's links exactly (the site's
    /// address or a route holds digits that spell a stand-in).
    private static func template(_ linked: PostPresenter.LinkedIDs, presenter: PostPresenter, site: SiteInfo) -> JSONTextTemplate? {
        func example(_ numbers: [Int]) -> [UInt8] {
            var post = Post(id: numbers[0], author: linked.author != nil ? numbers[1] : 0)
            post.type = presenter.type.name
            post.parent = linked.parent != nil ? numbers[4] : 0
            var related = PostPresenter.Related()
            related.revisions = numbers[2]
            related.lastRevision = linked.lastRevision != nil ? numbers[3] : nil
            if linked.media != nil { related.meta["_thumbnail_id"] = .int(numbers[5]) }
            var sink = JSONByteSink()
            LinkCompactor.write(presenter.links(post, related: related, site: site), into: &sink)
            return sink.bytes
        }
        let template = JSONTextTemplate(example(standIns), standIns: standIns)
        let check = standIns.map { $0 + 1_000 }
        return template.filled(check) == example(check) ? template : nil
    }
}
