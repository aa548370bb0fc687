import QuireREST
import QuireStore

/// A post status as WordPress registers it.
struct RegisteredStatus: Sendable {
    var status: PostStatus
    var slug: String { status.rawValue }
    var name: String
    var isPublic = false
    var isPrivate = false
    var isProtected = false
    var queryable = false
    var showInList = true
    var dateFloating = false

    static let all: [RegisteredStatus] = [
        RegisteredStatus(status: .publish, name: "Published", isPublic: true, queryable: true),
        RegisteredStatus(status: .future, name: "Scheduled", isProtected: true),
        RegisteredStatus(status: .draft, name: "Draft", isProtected: true, dateFloating: true),
        RegisteredStatus(status: .pending, name: "Pending", isProtected: true, dateFloating: true),
        RegisteredStatus(status: .private, name: "Private", isPrivate: true),
        RegisteredStatus(status: .trash, name: "Trash", showInList: false),
    ]
}
