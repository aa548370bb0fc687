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

    /// `action=get-attachment`, which the dialog runs when it opens on a chosen attachment (the
    /// post's featured image), against `Fixtures/media-modal/get-attachment.json`: the
    /// attachment for users who may upload, `{"success":false}` for others and for ids that
    /// name no attachment, `0` with 400 without a session or with `GET`.
    @Test func theDialogFetchesOneAttachmentAsWordPressDoes() async throws {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("media-modal/get-attachment.json")
        let cases = try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).arrayValue)
        #expect(cases.count == 12)
        try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123") { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            var cookies: [String: String] = [:]
            for login in ["admin", "author", "contributor", "subscriber"] {
                let (cookie, _) = try await SignInTests.signIn(client, site: site, login, "\(login)-pass-123")
                cookies[login] = try #require(cookie, "\(login) signs in")
            }
            for c in cases {
                let name = c["name"]?.stringValue ?? "", body = c["body"]?.stringValue ?? ""
                var headers: [(String, String)] = []
                if let cookie = cookies[c["as"]?.stringValue ?? ""] { headers.append(("Cookie", cookie)) }
                let get = c["method"]?.stringValue == "GET"
                if !get { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
                let r = try await client.call(get ? "GET" : "POST", get ? "/wp-admin/admin-ajax.php?\(body)" : "/wp-admin/admin-ajax.php",
                                              site: site, headers: headers, body: get ? [] : Array(body.utf8))
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
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("media-modal/save-attachment.json")
        let cases = try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).arrayValue)
        #expect(cases.count == 7)
        try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123") { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            var cookies: [String: String] = [:]
            for login in ["admin", "subscriber"] {
                let (cookie, _) = try await SignInTests.signIn(client, site: site, login, "\(login)-pass-123")
                cookies[login] = try #require(cookie, "\(login) signs in")
            }
            let form = ("Content-Type", "application/x-www-form-urlencoded")
            for c in cases {
                let name = c["name"]?.stringValue ?? ""
                var headers = [form]
                if let cookie = cookies[c["as"]?.stringValue ?? ""] { headers.append(("Cookie", cookie)) }
                var body = c["body"]?.stringValue ?? ""
                if body.contains("<nonce>") {
                    let got = try await client.call("POST", "/wp-admin/admin-ajax.php", site: site, headers: headers,
                                                    body: Array("action=get-attachment&id=19".utf8))
                    body = body.replacingOccurrences(of: "<nonce>", with: try #require(got.json["data"]?["nonces"]?["update"]?.stringValue))
                }
                let r = try await client.call("POST", "/wp-admin/admin-ajax.php", site: site, headers: headers, body: Array(body.utf8))
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
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("media-modal/delete-post.json")
        let cases = try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).arrayValue)
        #expect(cases.count == 5)
        try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123") { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            var cookies: [String: String] = [:]
            for login in ["admin", "subscriber"] {
                let (cookie, _) = try await SignInTests.signIn(client, site: site, login, "\(login)-pass-123")
                cookies[login] = try #require(cookie, "\(login) signs in")
            }
            var headers = [("Content-Type", "application/x-www-form-urlencoded")]
            headers.append(("Cookie", try #require(cookies["admin"])))
            let got = try await client.call("POST", "/wp-admin/admin-ajax.php", site: site, headers: headers,
                                            body: Array("action=get-attachment&id=19".utf8))
            let nonce = try #require(got.json["data"]?["nonces"]?["delete"]?.stringValue)
            for c in cases {
                let name = c["name"]?.stringValue ?? ""
                var headers = [("Content-Type", "application/x-www-form-urlencoded")]
                if let cookie = cookies[c["as"]?.stringValue ?? ""] { headers.append(("Cookie", cookie)) }
                let body = (c["body"]?.stringValue ?? "").replacingOccurrences(of: "<nonce>", with: nonce)
                let r = try await client.call("POST", "/wp-admin/admin-ajax.php", site: site, headers: headers, body: Array(body.utf8))
                #expect(r.status == c["status"]?.intValue, "\(name)")
                #expect(r.text == c["answer"]?.stringValue, "\(name)")
                let media = try await client.call("GET", "/wp-json/wp/v2/media/19?context=edit", as: "admin", site: site)
                #expect(media.status == c["after"]?.intValue, "\(name): after")
            }
        }
    }
}
