import Foundation
import QuireAuth
import QuireREST
import QuireStore
import QuireWPV2

/// `POST /wp-admin/admin-ajax.php` with `action=query-attachments`: what the block editor's
/// media library dialog lists (`wp_ajax_query_attachments`), for a signed-in browser whose user
/// may upload files. Another user is answered `{"success":false}`; no browser session, or a
/// `GET`, `0` with status 400, as WordPress answers an action nobody may run. Other actions
/// are left to the other pages.
///
///     POST /wp-admin/admin-ajax.php  action=query-attachments&query[posts_per_page]=80&query[paged]=1
///     → {"success":true,"data":[{"id":19,"url":"…/oracle-test.png","sizes":{…},…}]}  X-WP-Total: 1
struct MediaAjax: HTTPPages {
    let store: any ContentStore
    let attachments: MediaModalAttachments
    let authenticator: SiteAuthenticator

    static let action = "query-attachments"

    func answer(_ input: HTTPInput, server: RESTServer) async -> HTTPOutput? {
        guard input.path == "/wp-admin/admin-ajax.php" else { return nil }
        let method = input.method
        let form = method == .post && input.body.count <= 1 << 20 ? FormDecoder.decode(String(decoding: input.body, as: UTF8.self)) : JSONObject()
        let fromQuery = FormDecoder.decode(input.query)["action"].map(PHPScalar.toString)
        guard (form["action"].map(PHPScalar.toString) ?? fromQuery) == Self.action else { return nil }
        guard method == .post, let browser = await authenticator.browser(cookieHeader: input.headers["Cookie"]),
              let key = try? await authenticator.cookies.secret.key() else { return SignInPages.text(400, "0") }
        guard browser.user.can(.uploadFiles, []) else { return Self.json(["success": false]) }
        let options = (try? await store.allOptions()) ?? [:]
        let session = browser.session
        do {
            let page = try await attachments.query(form["query"]?.objectValue ?? JSONObject(), user: browser.user, site: server.site,
                                                   dateFormat: options["date_format"]?.stringValue ?? "F j, Y") { action in
                RESTNonce.make(action, userID: session.user.id, session: session.token, key: key)
            }
            var output = Self.json(["success": true, "data": .array(page.items)])
            output.headers.add("X-WP-Total", String(page.total))
            output.headers.add("X-WP-TotalPages", String(page.pages))
            return output
        } catch {
            return Self.json(["success": false])
        }
    }

    static func json(_ body: JSON) -> HTTPOutput {
        var headers = SignInPages.noCache(["Content-Type": "application/json; charset=UTF-8"])
        headers.add("X-Content-Type-Options", "nosniff")
        return HTTPOutput(status: 200, headers: headers, body: JSONEncoding.encode(body))
    }
}
