import QuireREST

/// A post status as WordPress registers it.
struct PostStatus: Sendable {
    var slug: String
    var name: String
    var isPublic = false
    var isPrivate = false
    var isProtected = false
    var queryable = false
    var showInList = true
    var dateFloating = false

    static let all: [PostStatus] = [
        PostStatus(slug: "publish", name: "Published", isPublic: true, queryable: true),
        PostStatus(slug: "future", name: "Scheduled", isProtected: true),
        PostStatus(slug: "draft", name: "Draft", isProtected: true, dateFloating: true),
        PostStatus(slug: "pending", name: "Pending", isProtected: true, dateFloating: true),
        PostStatus(slug: "private", name: "Private", isPrivate: true),
        PostStatus(slug: "trash", name: "Trash", showInList: false),
    ]
}
