import QuireValues

/// A post's status, named as WordPress names it (`publish`, `draft`, …). Open: a plugin names
/// its own as static constants, and a misspelt name is a compile error.
///
///     extension PostStatus { static let archived = PostStatus("archived") }
///     if post.status == .publish { … }
public struct PostStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let publish = PostStatus("publish")
    public static let future = PostStatus("future")
    public static let draft = PostStatus("draft")
    public static let pending = PostStatus("pending")
    public static let `private` = PostStatus("private")
    public static let trash = PostStatus("trash")
    public static let autoDraft = PostStatus("auto-draft")
    /// What revisions and attachments have: their parent's status.
    public static let inherit = PostStatus("inherit")

    /// What a client may set a post to.
    public static let settable: [PostStatus] = [.publish, .future, .draft, .pending, .private]
    /// Every status a post may be in, WordPress's order.
    public static let all: [PostStatus] = [.publish, .future, .draft, .pending, .private, .trash, .autoDraft, .inherit]
}
