import Foundation
import QuireAuth
import QuireREST
import QuireStore
import QuireWPV2

/// `POST /wp-admin/admin-ajax.php`: the actions the block editor's media library dialog runs,
/// for a signed-in browser whose user may upload files.
/// - `query-attachments` (`wp_ajax_query_attachments`): a page of the library, with
///   `X-WP-Total` and `X-WP-TotalPages`.
/// - `get-attachment` (`wp_ajax_get_attachment`): the one the dialog opens on, e.g. the post's
///   featured image.
/// - `save-attachment` (`wp_ajax_save_attachment`): the title, caption, description or alt
///   text edited in the dialog's sidebar, with the `update-post_<id>` nonce the dialog was
///   given (a bad one is `-1` with 403). It is saved as `POST /wp/v2/media/<id>` by the same
///   user, so the same permissions and filters apply.
/// - `delete-post` (`wp_ajax_delete_post`): the dialog's "Delete permanently", with the
///   `delete-post_<id>` nonce it was given: `1` once deleted (through `DELETE
///   /wp/v2/media/<id>?force=true`), `-1` when the user may not or the attachment is gone.
///
/// The first two shape attachments as `wp_prepare_attachment_for_js` does. Another user, or an id that
/// names no attachment, is answered `{"success":false}`; no browser session, or a `GET`, `0`
/// with status 400, as WordPress answers an action nobody may run. Other actions are left to
/// the other pages.
///
///     POST /wp-admin/admin-ajax.php  action=query-attachments&query[posts_per_page]=80&query[paged]=1
///     → {"success":true,"data":[{"id":19,"url":"…/oracle-test.png","sizes":{…},…}]}  X-WP-Total: 1
///     POST /wp-admin/admin-ajax.php  action=get-attachment&id=19
///     → {"success":true,"data":{"id":19,"url":"…/oracle-test.png",…}}
struct MediaAjax: HTTPPages {
    let store: any ContentStore
    let attachments: MediaModalAttachments
    let authenticator: SiteAuthenticator

    /// The actions this page answers.
    enum Action: String {
        case queryAttachments = "query-attachments"
        case getAttachment = "get-attachment"
        case saveAttachment = "save-attachment"
        case deletePost = "delete-post"
    }

    /// The fields `save-attachment` changes, and the REST field each one is.
    static let savedFields = ["title": "title", "caption": "caption", "description": "description", "alt": "alt_text"]

    func answer(_ input: HTTPInput, server: RESTServer) async -> HTTPOutput? {
        guard input.path == "/wp-admin/admin-ajax.php" else { return nil }
        let method = input.method
        let form = method == .post && input.body.count <= 1 << 20 ? FormDecoder.decode(String(decoding: input.body, as: UTF8.self)) : JSONObject()
        let fromQuery = FormDecoder.decode(input.query)["action"].map(PHPScalar.toString)
        guard let action = (form["action"].map(PHPScalar.toString) ?? fromQuery).flatMap(Action.init(rawValue:)) else { return nil }
        guard method == .post, let browser = await authenticator.browser(cookieHeader: input.headers["Cookie"]) else {
            return SignInPages.text(400, "0")
        }
        switch action {
        case .queryAttachments: return await list(form, user: browser.user, nonces: browser.nonces, server: server)
        case .getAttachment: return await fetch(form, user: browser.user, nonces: browser.nonces, server: server)
        case .saveAttachment: return await save(form, user: browser.user, nonces: browser.nonces, server: server)
        case .deletePost: return await delete(form, user: browser.user, nonces: browser.nonces, server: server)
        }
    }

    static let refused = json(["success": false])

    /// `query-attachments`: a page of the library, for a user who may upload files.
    func list(_ form: JSONObject, user: SiteUser, nonces: SessionNonces, server: RESTServer) async -> HTTPOutput {
        guard user.can(.uploadFiles, []),
              let page = try? await attachments.query(form["query"]?.objectValue ?? JSONObject(), user: user, site: server.site,
                                                      nonce: nonces.make) else { return Self.refused }
        var output = Self.json(["success": true, "data": .array(page.items)])
        output.headers.add("X-WP-Total", String(page.total))
        output.headers.add("X-WP-TotalPages", String(page.pages))
        return output
    }

    /// `get-attachment`: one attachment, for a user who may upload files.
    func fetch(_ form: JSONObject, user: SiteUser, nonces: SessionNonces, server: RESTServer) async -> HTTPOutput {
        let id = form["id"].map(PHPScalar.toInt) ?? 0
        guard user.can(.uploadFiles, []),
              let attachment = try? await attachments.attachment(id: id, user: user, site: server.site, nonce: nonces.make) else {
            return Self.refused
        }
        return Self.json(["success": true, "data": attachment])
    }

    /// `save-attachment`: checks the id, the changes and the nonce as WordPress does, in its
    /// order, then saves through REST.
    func save(_ form: JSONObject, user: SiteUser, nonces: SessionNonces, server: RESTServer) async -> HTTPOutput {
        guard let rawID = form["id"], let changes = form["changes"]?.objectValue else { return Self.refused }
        let id = abs(PHPScalar.toInt(rawID))
        guard id > 0 else { return Self.refused }
        guard nonces.check(form["nonce"].map(PHPScalar.toString) ?? "", "update-post_\(id)") else { return SignInPages.text(403, "-1") }
        var body = JSONObject()
        for (change, field) in Self.savedFields.sorted(by: { $0.key < $1.key }) {
            if let value = changes[change] { body[field] = .string(PHPScalar.toString(value)) }
        }
        let answered = await server.handle(RESTRequest(method: .post, route: "/wp/v2/media/\(id)", body: body, user: user))
        return (200..<300).contains(answered.status) ? Self.json(["success": true]) : Self.refused
    }

    /// `delete-post`: the nonce first (`_ajax_nonce` or `_wpnonce`), then whether the user may
    /// delete the attachment, as WordPress checks them.
    func delete(_ form: JSONObject, user: SiteUser, nonces: SessionNonces, server: RESTServer) async -> HTTPOutput {
        let id = form["id"].map(PHPScalar.toInt) ?? 0
        let nonce = (form["_ajax_nonce"] ?? form["_wpnonce"]).map(PHPScalar.toString) ?? ""
        guard nonces.check(nonce, "delete-post_\(id)") else { return SignInPages.text(403, "-1") }
        let answered = await server.handle(RESTRequest(method: .delete, route: "/wp/v2/media/\(id)", query: ["force": "true"], user: user))
        return SignInPages.text(200, (200..<300).contains(answered.status) ? "1" : "-1")
    }

    static func json(_ body: JSON) -> HTTPOutput {
        var headers = SignInPages.noCache(["Content-Type": "application/json; charset=UTF-8"])
        headers.add("X-Content-Type-Options", "nosniff")
        return HTTPOutput(status: 200, headers: headers, body: JSONEncoding.encode(body))
    }
}
