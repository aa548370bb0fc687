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
///
/// Both shape attachments as `wp_prepare_attachment_for_js` does. Another user, or an id that
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
    }

    func answer(_ input: HTTPInput, server: RESTServer) async -> HTTPOutput? {
        guard input.path == "/wp-admin/admin-ajax.php" else { return nil }
        let method = input.method
        let form = method == .post && input.body.count <= 1 << 20 ? FormDecoder.decode(String(decoding: input.body, as: UTF8.self)) : JSONObject()
        let fromQuery = FormDecoder.decode(input.query)["action"].map(PHPScalar.toString)
        guard let action = (form["action"].map(PHPScalar.toString) ?? fromQuery).flatMap(Action.init(rawValue:)) else { return nil }
        guard method == .post, let browser = await authenticator.browser(cookieHeader: input.headers["Cookie"]),
              let key = try? await authenticator.cookies.secret.key() else { return SignInPages.text(400, "0") }
        let refused = Self.json(["success": false])
        guard browser.user.can(.uploadFiles, []) else { return refused }
        let options = (try? await store.allOptions()) ?? [:]
        let dateFormat = options["date_format"]?.stringValue ?? "F j, Y"
        let session = browser.session
        let nonce = { (action: String) in RESTNonce.make(action, userID: session.user.id, session: session.token, key: key) }
        do {
            switch action {
            case .queryAttachments:
                let page = try await attachments.query(form["query"]?.objectValue ?? JSONObject(), user: browser.user, site: server.site,
                                                       dateFormat: dateFormat, nonce: nonce)
                var output = Self.json(["success": true, "data": .array(page.items)])
                output.headers.add("X-WP-Total", String(page.total))
                output.headers.add("X-WP-TotalPages", String(page.pages))
                return output
            case .getAttachment:
                let id = form["id"].map(PHPScalar.toInt) ?? 0
                guard let attachment = try await attachments.attachment(id: id, user: browser.user, site: server.site,
                                                                        dateFormat: dateFormat, nonce: nonce) else { return refused }
                return Self.json(["success": true, "data": attachment])
            }
        } catch {
            return refused
        }
    }

    static func json(_ body: JSON) -> HTTPOutput {
        var headers = SignInPages.noCache(["Content-Type": "application/json; charset=UTF-8"])
        headers.add("X-Content-Type-Options", "nosniff")
        return HTTPOutput(status: 200, headers: headers, body: JSONEncoding.encode(body))
    }
}
