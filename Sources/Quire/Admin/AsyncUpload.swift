import Foundation
import QuireAuth
import QuireREST
import QuireStore
import QuireWPV2

/// `POST /wp-admin/async-upload.php` with `action=upload-attachment`: the media library
/// dialog's own uploads ("Upload files", a file dropped on the dialog), sent by its uploader as
/// `multipart/form-data` with the file in `async-upload` and the `media-form` nonce in
/// `_wpnonce` (`wp_ajax_upload_attachment`).
///
/// A bad nonce is `-1` with 403. The file is stored as `POST /wp/v2/media` stores it, by the
/// same user, attached to `post_id` when given (which must be a post the user may edit), so
/// the same permissions, checks and image sizes apply. The answer is the new attachment as the dialog reads it, or
/// `{"success":false,"data":{"message":…,"filename":…}}`. A browser without a session is sent
/// to sign in.
///
///     POST /wp-admin/async-upload.php  (multipart: name, action=upload-attachment, _wpnonce, post_id, async-upload)
///     → {"success":true,"data":{"id":42,"filename":"photo.jpg","sizes":{…},…}}
struct AsyncUpload: HTTPPages {
    let store: any ContentStore
    let attachments: MediaModalAttachments
    let types: ContentTypes
    let authenticator: SiteAuthenticator
    let siteURL: String

    static let path = "/wp-admin/async-upload.php"
    /// The action of the nonce the editor page gives the uploader (`_wpPluploadSettings`).
    static let nonceAction = "media-form"

    func answer(_ input: HTTPInput, server: RESTServer) async -> HTTPOutput? {
        guard input.path == Self.path else { return nil }
        guard let browser = await authenticator.browser(cookieHeader: input.headers["Cookie"]) else {
            return SignInPages.redirect("\(siteURL)/wp-login.php?redirect_to=\(SignInPages.encode(siteURL + Self.path))&reauth=1")
        }
        let boundary = input.method == .post ? MultipartDecoder.boundary(fromContentType: input.headers["Content-Type"] ?? "") : nil
        let (fields, files) = boundary.map { MultipartDecoder.decode(input.body, boundary: $0) } ?? (JSONObject(), [])
        var form = FormDecoder.decode(input.query)
        for (name, value) in fields { form[name] = value }
        guard form["action"].map(PHPScalar.toString) == "upload-attachment" else {
            return SignInPages.page(400, title: "Error", body: "<p>Only the media library's uploads are taken here.</p>")
        }
        guard browser.nonces.check(form["_wpnonce"].map(PHPScalar.toString) ?? "", Self.nonceAction) else { return Self.text(403, "-1") }
        let file = files.first { $0.field == "async-upload" }
        let filename = HTMLText.escape(file?.filename ?? "")
        func failed(_ message: String) -> HTTPOutput {
            Self.text(200, String(decoding: JSONEncoding.encode(["success": false, "data": ["message": .string(message), "filename": .string(filename)]]), as: UTF8.self))
        }
        guard browser.user.can(.uploadFiles, []) else { return failed("Sorry, you are not allowed to upload files.") }
        var query = JSONObject()
        if let postID = form["post_id"].map(PHPScalar.toInt) {
            // The post it is attached to must be one the user may edit.
            guard let post = try? await store.post(id: postID),
                  browser.user.can(.editPost, post: post, caps: types.type(of: post).capabilities) else {
                return failed("Sorry, you are not allowed to attach files to this post.")
            }
            query["post"] = .int(postID)
        }
        // The file goes to REST as the `file` part of a form, as a client would send it there.
        var upload = RESTRequest(method: .post, route: "/wp/v2/media", query: query, user: browser.user)
        if var part = file {
            part.field = "file"
            upload.files = [part]
        }
        let created = await server.handle(upload)
        guard (200..<300).contains(created.status), let id = created.data["id"]?.intValue else {
            return failed(created.data["message"]?.stringValue ?? "The file could not be uploaded.")
        }
        guard let prepared = try? await attachments.attachment(id: id, user: browser.user, site: server.site, nonce: browser.nonces.make) else {
            return Self.text(200, "")
        }
        return Self.text(200, String(decoding: JSONEncoding.encode(["success": true, "data": prepared]), as: UTF8.self))
    }

    /// A plain-text answer, as `async-upload.php` sends even its JSON.
    static func text(_ status: Int, _ body: String) -> HTTPOutput {
        var headers = SignInPages.noCache(["Content-Type": "text/plain; charset=UTF-8"])
        headers.add("X-Content-Type-Options", "nosniff")
        return HTTPOutput(status: status, headers: headers, body: Array(body.utf8))
    }
}
