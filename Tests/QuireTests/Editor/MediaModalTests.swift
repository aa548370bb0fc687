import Foundation
import HummingbirdTesting
import QuireREST
import Testing

/// The media library dialog's list (`admin-ajax.php?action=query-attachments`) on the reference
/// site, against what WordPress 6.1 answered there to each signed-in browser
/// (`Fixtures/media-modal/query-attachments.json`): the attachment as the dialog reads it, by
/// filter, search (its title, or its file's name) and page, with the nonces and edit links only its user may have; a
/// subscriber's `{"success":false}`; `0` with 400 without a session.
@Suite struct MediaModalTests {
    struct Case {
        let name: String, login: String, body: String, status: Int, total: String?, pages: String?, answer: JSON
    }

    static func cases() throws -> [Case] {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("media-modal/query-attachments.json")
        let list = try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).arrayValue)
        return list.map { c in
            Case(name: c["name"]?.stringValue ?? "", login: c["as"]?.stringValue ?? "", body: c["body"]?.stringValue ?? "",
                 status: c["status"]?.intValue ?? 0, total: c["total"]?.stringValue, pages: c["pages"]?.stringValue, answer: c["answer"] ?? .null)
        }
    }

    /// Nonces (which differ by session) become `<nonce>`, the modification time (the seeding's)
    /// `<modified>`, and every object's keys are sorted.
    static func normalised(_ v: JSON, key: String? = nil) -> JSON {
        switch v {
        case .object(let o):
            return .object(JSONObject(o.keys.sorted().map { k in
                let inner = o[k]!
                if key == "nonces", case .string = inner { return (k, "<nonce>") }
                if k == "modified", case .int = inner { return (k, "<modified>") }
                return (k, normalised(inner, key: k))
            }))
        case .array(let a): return .array(a.map { normalised($0) })
        default: return v
        }
    }

    @Test func theDialogListsTheLibraryAsWordPressDoesForEachBrowser() async throws {
        let cases = try Self.cases()
        #expect(cases.count == 9)
        try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123") { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            var cookies: [String: String] = [:]
            for login in ["admin", "author", "subscriber"] {
                let (cookie, _) = try await SignInTests.signIn(client, site: site, login, "\(login)-pass-123")
                let signedIn: String = try #require(cookie, "\(login) signs in")
                cookies[login] = signedIn
            }
            for c in cases {
                var headers = [("Content-Type", "application/x-www-form-urlencoded")]
                if let cookie = cookies[c.login] { headers.append(("Cookie", cookie)) }
                let r = try await client.call("POST", "/wp-admin/admin-ajax.php", site: site, headers: headers, body: Array(c.body.utf8))
                #expect(r.status == c.status, "\(c.name)")
                #expect(r.header("X-WP-Total") == c.total, "\(c.name)")
                #expect(r.header("X-WP-TotalPages") == c.pages, "\(c.name)")
                let got: JSON = c.answer.stringValue != nil ? .string(r.text) : r.json
                #expect(Self.normalised(got) == Self.normalised(c.answer), "\(c.name): \(r.text.prefix(3000))")
                if c.name == "admin-default" { #expect(r.json["data"]?[0]?["sizes"]?["medium"]?["url"] == "http://127.0.0.1:8080/wp-content/uploads/oracle-test-300x225.png") }
            }
            // Asked with GET, as WordPress registers the action for POST only.
            let get = try await client.call("GET", "/wp-admin/admin-ajax.php?action=query-attachments", site: site,
                                            headers: [("Cookie", try #require(cookies["admin"]))])
            #expect(get.status == 400 && get.text == "0")
        }
    }

    /// The recorded exchanges of one of the dialog's actions (`Fixtures/media-modal/<action>.json`).
    static func recorded(_ action: String) throws -> [JSON] {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("media-modal/\(action).json")
        return try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).arrayValue)
    }

    /// A browser of the reference site, signed in as `login` (or, as "anonymous", not at all),
    /// that runs the dialog's actions.
    struct Browser {
        let client: any TestClientProtocol, site: TestSite, cookie: String?

        /// `admin-ajax.php` with a form, posted (or, with `get`, in the query).
        func ajax(_ form: String, get: Bool = false) async throws -> Reply {
            var headers: [(String, String)] = cookie.map { [("Cookie", $0)] } ?? []
            if get { return try await client.call("GET", "/wp-admin/admin-ajax.php?\(form)", site: site, headers: headers) }
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
            return try await client.call("POST", "/wp-admin/admin-ajax.php", site: site, headers: headers, body: Array(form.utf8))
        }

        /// The nonce the dialog's get-attachment answer gives this browser for attachment 19.
        func nonce(_ kind: String) async throws -> String {
            try #require(try await ajax("action=get-attachment&id=19").json["data"]?["nonces"]?[kind]?.stringValue)
        }
    }

    /// The reference site with a browser for each of `logins`.
    static func withBrowsers(_ logins: [String], _ body: @Sendable (TestSite, any TestClientProtocol, [String: Browser]) async throws -> Void) async throws {
        try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123") { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            var browsers = ["anonymous": Browser(client: client, site: site, cookie: nil)]
            for login in logins {
                let (cookie, _) = try await SignInTests.signIn(client, site: site, login, "\(login)-pass-123")
                let signedIn: String = try #require(cookie, "\(login) signs in")
                browsers[login] = Browser(client: client, site: site, cookie: signedIn)
            }
            try await body(site, client, browsers)
        }
    }

    /// `action=get-attachment`, which the dialog runs when it opens on a chosen attachment (the
    /// post's featured image), against `Fixtures/media-modal/get-attachment.json`: the
    /// attachment for users who may upload, `{"success":false}` for others and for ids that
    /// name no attachment, `0` with 400 without a session or with `GET`.
    @Test func theDialogFetchesOneAttachmentAsWordPressDoes() async throws {
        let cases = try Self.recorded("get-attachment")
        #expect(cases.count == 12)
        try await Self.withBrowsers(["admin", "author", "contributor", "subscriber"]) { _, _, browsers in
            for c in cases {
                let name = c["name"]?.stringValue ?? ""
                let browser = try #require(browsers[c["as"]?.stringValue ?? ""])
                let r = try await browser.ajax(c["body"]?.stringValue ?? "", get: c["method"]?.stringValue == "GET")
                #expect(r.status == c["status"]?.intValue, "\(name)")
                let answer = c["answer"] ?? .null
                let got: JSON = answer.stringValue != nil ? .string(r.text) : r.json
                #expect(Self.normalised(got) == Self.normalised(answer), "\(name): \(r.text.prefix(3000))")
            }
        }
    }

    /// `action=save-attachment`, the dialog's edits of an attachment's title, caption,
    /// description and alt text, against `Fixtures/media-modal/save-attachment.json`: each
    /// answer, in order, and the attachment as REST reads it after each (a bad nonce is `-1` with
    /// 403 and changes nothing; the alt text loses its tags and extra spaces). `<nonce>` is the
    /// one the dialog's own get-attachment answer gave that browser.
    @Test func theDialogSavesAnAttachmentsFieldsAsWordPressDoes() async throws {
        let cases = try Self.recorded("save-attachment")
        #expect(cases.count == 7)
        try await Self.withBrowsers(["admin", "subscriber"]) { site, client, browsers in
            for c in cases {
                let name = c["name"]?.stringValue ?? ""
                let browser = try #require(browsers[c["as"]?.stringValue ?? ""])
                var body = c["body"]?.stringValue ?? ""
                if body.contains("<nonce>") { body = body.replacingOccurrences(of: "<nonce>", with: try await browser.nonce("update")) }
                let r = try await browser.ajax(body)
                #expect(r.status == c["status"]?.intValue, "\(name)")
                let answer = c["answer"] ?? .null
                #expect((answer.stringValue != nil ? .string(r.text) : r.json) == answer, "\(name): \(r.text.prefix(500))")
                let media = try await client.call("GET", "/wp-json/wp/v2/media/19?context=edit", as: "admin", site: site)
                let after: JSON = ["title": media.json["title"]?["raw"] ?? .null, "caption": media.json["caption"]?["raw"] ?? .null,
                                   "description": media.json["description"]?["raw"] ?? .null, "alt_text": media.json["alt_text"] ?? .null]
                #expect(after == c["after"], "\(name): after")
            }
        }
    }

    /// `action=delete-post`, the dialog's "Delete permanently", against
    /// `Fixtures/media-modal/delete-post.json`: a bad nonce is `-1` with 403, the right one
    /// (from the dialog's get-attachment answer) deletes the attachment (`1`), and a second
    /// delete is `-1`; after each, whether REST still finds it.
    @Test func theDialogDeletesAnAttachmentAsWordPressDoes() async throws {
        let cases = try Self.recorded("delete-post")
        #expect(cases.count == 5)
        try await Self.withBrowsers(["admin", "subscriber"]) { site, client, browsers in
            let admin = try #require(browsers["admin"])
            let nonce = try await admin.nonce("delete")
            for c in cases {
                let name = c["name"]?.stringValue ?? ""
                let browser = try #require(browsers[c["as"]?.stringValue ?? ""])
                let r = try await browser.ajax((c["body"]?.stringValue ?? "").replacingOccurrences(of: "<nonce>", with: nonce))
                #expect(r.status == c["status"]?.intValue, "\(name)")
                #expect(r.text == c["answer"]?.stringValue, "\(name)")
                let media = try await client.call("GET", "/wp-json/wp/v2/media/19?context=edit", as: "admin", site: site)
                #expect(media.status == c["after"]?.intValue, "\(name): after")
            }
        }
    }

    /// `async-upload.php` with `action=upload-attachment`, the dialog's own uploads, against
    /// `Fixtures/media-modal/upload-attachment.json`: a bad nonce is `-1` with 403, a browser
    /// without a session is sent to sign in, an author may not attach to another's post, and
    /// with the `media-form` nonce of its editor page the file becomes an attachment of the
    /// post, answered as the dialog reads it (its id, dates, nonces and edit link aside).
    @Test func theDialogUploadsAsWordPressDoes() async throws {
        let cases = try Self.recorded("upload-attachment")
        #expect(cases.count == 5)
        let image = Array(try Data(contentsOf: Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("media/oracle-test.png")))
        try await Self.withBrowsers(["admin", "author", "subscriber"]) { site, client, browsers in
            for c in cases {
                let name = c["name"]?.stringValue ?? ""
                let browser = try #require(browsers[c["as"]?.stringValue ?? ""])
                var fields: [(String, String)] = [("name", "picture.png"), ("action", "upload-attachment")]
                for (key, value) in c["fields"]?.objectValue ?? JSONObject() {
                    var text = value.stringValue ?? ""
                    if text == "<nonce>" {
                        let page = try await client.call("GET", "/wp-admin/post-new.php", site: site,
                                                         headers: [("Cookie", try #require(browser.cookie))])
                        let start = try #require(page.text.range(of: "var _wpPluploadSettings = "))
                        let line = page.text[start.upperBound...].prefix { $0 != "\n" }
                        let settings = try JSONParser.parse(String(line.dropLast()))
                        text = try #require(settings["defaults"]?["multipart_params"]?["_wpnonce"]?.stringValue)
                    }
                    fields.append((key, text))
                }
                let boundary = "----quire-test-boundary"
                var body: [UInt8] = []
                for (key, value) in fields { body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8) }
                body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"async-upload\"; filename=\"picture.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
                body += image + Array("\r\n--\(boundary)--\r\n".utf8)
                var headers = [("Content-Type", "multipart/form-data; boundary=\(boundary)")]
                if let cookie = browser.cookie { headers.append(("Cookie", cookie)) }
                let r = try await client.call("POST", "/wp-admin/async-upload.php", site: site, headers: headers, body: body)
                #expect(r.status == c["status"]?.intValue, "\(name): \(r.text.prefix(300))")
                if let location = c["location"]?.stringValue, !location.isEmpty {
                    #expect(r.header("Location")?.hasSuffix(location.replacingOccurrences(of: "\\/", with: "/")) == true || r.header("Location")?.contains("/wp-login.php?redirect_to=") == true, "\(name)")
                    continue
                }
                #expect(r.header("Content-Type") == c["content_type"]?.stringValue, "\(name)")
                let answer = c["answer"] ?? .null
                // A refusal is a bare `-1` (which the recording read as a number).
                guard answer.objectValue != nil else { #expect(r.text == JSONEncoding.encodeString(answer), "\(name)"); continue }
                func comparable(_ v: JSON) -> JSON {
                    guard var data = v["data"]?.objectValue else { return v }
                    // The upload's day, as the dialog shows it, is the day of its `date`.
                    if let ms = data["date"]?.intValue, let shown = data["dateFormatted"]?.stringValue {
                        let format = DateFormatter()
                        format.locale = Locale(identifier: "en_US_POSIX")
                        format.timeZone = TimeZone(identifier: "UTC")
                        format.dateFormat = "MMMM d, yyyy"
                        #expect(shown == format.string(from: Date(timeIntervalSince1970: Double(ms) / 1000)), "\(name)")
                    }
                    for key in ["id", "date", "modified", "dateFormatted", "editLink"] where data[key] != nil { data[key] = "<varies>" }
                    return ["success": v["success"] ?? .null, "data": .object(data)]
                }
                #expect(Self.normalised(comparable(try JSONParser.parse(r.text))) == Self.normalised(comparable(answer)), "\(name): \(r.text.prefix(2000))")
                // The new attachment belongs to the post, as REST reads it.
                guard answer["success"] == .bool(true) else { continue }
                let id = try #require(try JSONParser.parse(r.text)["data"]?["id"]?.intValue, "\(r.text.prefix(500))")
                let media = try await client.call("GET", "/wp-json/wp/v2/media/\(id)", as: "admin", site: site)
                #expect(media.json["post"]?.intValue == 4)
            }
        }
    }
}
