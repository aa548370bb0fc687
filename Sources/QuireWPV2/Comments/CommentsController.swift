import Foundation
import QuireREST
import QuireStore

/// `/wp/v2/comments` and `/wp/v2/comments/<id>`.
struct CommentsController: ExtendedController {
    let store: any ContentStore, types: ContentTypes
    /// The comment schema with the meta and fields plugins registered, built once.
    let schema: JSONObject
    static let route = "/wp/v2/comments"
    var extensionPoint: ExtensionPoint { .comment }

    init(store: any ContentStore, types: ContentTypes) {
        (self.store, self.types) = (store, types)
        schema = ExtensionPoint.comment.schema(CommentSchemas.comment, in: types)
    }

    var namespace: String { WPV2.namespace }
    var base: String { "comments" }
    var itemNoun: String { "comment" }
    /// Reading and deleting a comment take its post's password.
    var readArguments: [RESTArgument] { [EndpointArguments.context(), Self.passwordArgument] }
    var deleteArguments: [RESTArgument] { [EndpointArguments.force, Self.passwordArgument] }
    static let passwordArgument = RESTArgument("password", schema: [
        "description": "The password for the parent post of the comment (if the post is password protected).", "type": "string"])

    func collectionArguments() -> [RESTArgument] {
        EndpointArguments.collection(CommentSchemas.collection, custom: ["status": RESTArgument.sanitizeKey, "type": RESTArgument.sanitizeKey])
    }

    func writeArguments(creating: Bool) -> [RESTArgument] {
        EndpointArguments.from(CommentSchemas.comment, creating: creating, options: [
            "content": .init(validation: RESTArgument.Validation.none, sanitization: RESTArgument.Sanitization.none),
        ])
    }

    static func statusName(_ approved: String) -> String {
        switch approved {
        case "1": return "approved"
        case "0": return "hold"
        default: return approved
        }
    }

    static func approvedValue(_ status: String) -> String? {
        switch status {
        case "approved", "approve", "1": return "1"
        case "hold", "0", "unapproved": return "0"
        case "spam": return "spam"
        case "trash": return "trash"
        default: return nil
        }
    }

    func notFound() -> RESTError { RESTError("rest_comment_invalid_id", "Invalid comment ID.", status: 404) }

    func requestedComment(_ r: RESTRequest) async throws -> Comment? {
        guard let id = r.integer("id") else { return nil }
        return try await store.comment(id: id)
    }

    /// Whether the user may read the post a comment belongs to.
    func canReadPost(_ r: RESTRequest, _ post: Post) -> Bool {
        if post.status == .publish && post.password.isEmpty { return true }
        if post.status == .publish, let given = r["password"]?.stringValue, given == post.password { return true }
        let caps = types.type(of: post).capabilities
        return r.siteUser?.can(post.status == .publish ? .editPost : .readPost, post: post, caps: caps) ?? false
    }

    /// `check_read_permission`: an approved comment on a readable post; otherwise only for its
    /// own signed-in author, or for those who may edit it.
    func canRead(_ r: RESTRequest, _ c: Comment, post: Post?) async throws -> Bool {
        if let post, c.approved == "1", canReadPost(r, post) { return true }
        guard let user = r.user else { return false }
        if post == nil && !r.can(.moderateComments) { return false }
        if c.userID != 0 && c.userID == user.id { return true }
        return try await canEdit(r, c)
    }

    func canEdit(_ r: RESTRequest, _ c: Comment) async throws -> Bool {
        if r.can(.moderateComments) { return true }
        guard let post = try await store.post(id: c.postID) else { return false }
        return r.siteUser?.can(.editPost, post: post, caps: types.type(of: post).capabilities) ?? false
    }

    // MARK: Permissions

    func listPermission(_ r: RESTRequest) async throws -> Permission {
        for postID in r.ints("post") {
            if let post = try await store.post(id: postID), !canReadPost(r, post) {
                return .error(RESTError("rest_cannot_read_post", "Sorry, you are not allowed to read the post for this comment.",
                                        status: r.authorizationStatus))
            }
        }
        if r.context == "edit" && !r.can(.moderateComments) {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit comments.", status: r.authorizationStatus))
        }
        if !r.can(.editPosts) {
            var forbidden: [String] = []
            for p in ["author", "author_exclude", "author_email", "type", "status"] {
                switch p {
                case "status": if r["status"]?.stringValue != "approve" { forbidden.append(p) }
                case "type": if r["type"]?.stringValue != "comment" { forbidden.append(p) }
                default: if let v = r[p], !v.isEmptyLike { forbidden.append(p) }
                }
            }
            if !forbidden.isEmpty {
                return .error(RESTError("rest_forbidden_param", "Query parameter not permitted: \(forbidden.joined(separator: ", "))",
                                        status: r.authorizationStatus))
            }
        }
        return .allowed
    }

    func readPermission(_ r: RESTRequest) async throws -> Permission {
        guard let c = try await requestedComment(r) else { return .error(notFound()) }
        if r.context == "edit" && !r.can(.moderateComments) {
            return .error(RESTError("rest_forbidden_context", "Sorry, you are not allowed to edit comments.", status: r.authorizationStatus))
        }
        let post = try await store.post(id: c.postID)
        if !(try await canRead(r, c, post: post)) {
            return .error(RESTError("rest_cannot_read", "Sorry, you are not allowed to read this comment.", status: r.authorizationStatus))
        }
        if let post, !canReadPost(r, post) {
            return .error(RESTError("rest_cannot_read_post", "Sorry, you are not allowed to read the post for this comment.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func updatePermission(_ r: RESTRequest) async throws -> Permission {
        guard let c = try await requestedComment(r) else { return .error(notFound()) }
        if !(try await canEdit(r, c)) {
            return .error(RESTError("rest_cannot_edit", "Sorry, you are not allowed to edit this comment.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func deletePermission(_ r: RESTRequest) async throws -> Permission {
        guard let c = try await requestedComment(r) else { return .error(notFound()) }
        if !(try await canEdit(r, c)) {
            return .error(RESTError("rest_cannot_delete", "Sorry, you are not allowed to delete this comment.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func createPermission(_ r: RESTRequest) async throws -> Permission {
        if r.user == nil {
            let loginRequired = RESTError("rest_comment_login_required", "Sorry, you must be logged in to comment.", status: 401)
            if try await store.option("comment_registration")?.intValue == 1 { return .error(loginRequired) }
            var allowed = false
            for hook in types.extensions.allowAnonymousComments where await hook(r) { allowed = true }
            if !allowed { return .error(loginRequired) }
        }
        if r["author"] != nil && r["author"]?.intValue != (r.user?.id ?? 0) && !r.can(.moderateComments) {
            return .error(RESTError("rest_comment_invalid_author", "Sorry, you are not allowed to edit 'author' for comments.", status: r.authorizationStatus))
        }
        if !r.can(.moderateComments) {
            if r["author_ip"] != nil {
                return .error(RESTError("rest_comment_invalid_author_ip", "Sorry, you are not allowed to set author_ip for comments.", status: r.authorizationStatus))
            }
            if r["status"] != nil {
                return .error(RESTError("rest_comment_invalid_status", "Sorry, you are not allowed to edit 'status' for comments.", status: r.authorizationStatus))
            }
        }
        guard let postID = r["post"]?.intValue, postID > 0, let post = try await store.post(id: postID) else {
            return .error(RESTError("rest_comment_invalid_post_id", "Sorry, you are not allowed to create this comment without a post.", status: 403))
        }
        if post.status == .draft || post.status == .trash || post.status == .future || post.status == .pending {
            return .error(RESTError("rest_comment_draft_post", "Sorry, you are not allowed to create a comment on this post.", status: 403))
        }
        if post.commentStatus != "open" {
            return .error(RESTError("rest_comment_closed", "Sorry, comments are closed for this item.", status: 403))
        }
        if !canReadPost(r, post) {
            return .error(RESTError("rest_cannot_read_post", "Sorry, you are not allowed to read the post for this comment.", status: r.authorizationStatus))
        }
        return .allowed
    }
}
