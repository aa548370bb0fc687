import Foundation
import HummingbirdTesting
import QuireAuth
import QuireREST
import QuireStore
import Testing

/// Signing in from a browser and WordPress's REST cookie rules, as WordPress 6.1 answered them
/// (asked as each case here on the reference site): the login form sets
/// `wordpress_logged_in_<md5 of the site URL>`; a cookie alone signs nobody in; with the nonce
/// from `admin-ajax.php?action=rest-nonce` (as `X-WP-Nonce` or `_wpnonce`) it acts as the user
/// and the answer carries the nonce again; a nonce that does not check is 403
/// `rest_cookie_invalid_nonce` "Cookie check failed", cookie or not, on every route, the index
/// and OPTIONS included; application passwords ignore nonces.
@Suite struct SignInTests {
    /// What WordPress names the cookie on a site at http://127.0.0.1:8080 (the tests' URL).
    static let cookieName = "wordpress_logged_in_ef301f25d1b8e2bca70fafc1316f1a92"
    static let form = [("Content-Type", "application/x-www-form-urlencoded")]

    /// Signs `login` in through the form: the `Cookie` header a browser then sends, and the reply.
    static func signIn(_ client: any TestClientProtocol, site: TestSite, _ login: String, _ password: String,
                       extra: String = "") async throws -> (cookie: String?, reply: Reply) {
        let body = "log=\(login)&pwd=\(password)&wp-submit=Log+In&testcookie=1" + extra
        let r = try await client.call("POST", "/wp-login.php", site: site, headers: form, body: Array(body.utf8))
        let set = r.headers.first { $0.0.lowercased() == "set-cookie" && $0.1.hasPrefix(cookieName + "=") }?.1
        return (set.map { String($0.prefix { $0 != ";" }) }, r)
    }

    static func nonce(_ client: any TestClientProtocol, site: TestSite, cookie: String) async throws -> String {
        try await client.call("GET", "/wp-admin/admin-ajax.php?action=rest-nonce", site: site, headers: [("Cookie", cookie)]).text
    }

    @Test func aBrowserActsAsItsUserOnlyWithItsNonce() async throws {
        try await TestSite.with { site, client in
            let (cookie, reply) = try await Self.signIn(client, site: site, "editor", "pw-editor")
            #expect(reply.status == 302)
            #expect(reply.header("Location") == "http://127.0.0.1:8080/wp-admin/")
            let setCookie = try #require(reply.headers.first { $0.1.hasPrefix(Self.cookieName) }?.1)
            #expect(setCookie.contains("; path=/") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            #expect(!setCookie.contains("Secure") && !setCookie.contains("Expires"), "a session cookie on http, without Remember Me")
            let session = try #require(cookie)

            // The cookie alone: anonymous.
            let bare = try await client.call("GET", "/wp-json/wp/v2/users/me", site: site, headers: [("Cookie", session)])
            #expect(bare.status == 401)
            #expect(bare.json["code"] == "rest_not_logged_in")

            let nonce = try await Self.nonce(client, site: site, cookie: session)
            #expect(nonce.count == 10 && nonce.allSatisfy(\.isHexDigit))
            let me = try await client.call("GET", "/wp-json/wp/v2/users/me?context=edit", site: site,
                                           headers: [("Cookie", session), ("X-WP-Nonce", nonce)])
            #expect(me.status == 200)
            #expect(me.json["id"]?.intValue == site.credentials["editor"]?.id)
            #expect(me.header("X-WP-Nonce") == nonce)
            #expect(me.header("Cache-Control") == "no-cache, must-revalidate, max-age=0")
            let viaQuery = try await client.call("GET", "/wp-json/wp/v2/users/me?_wpnonce=\(nonce)", site: site, headers: [("Cookie", session)])
            #expect(viaQuery.json["id"]?.intValue == site.credentials["editor"]?.id)

            // Writes act as the user, with the user's rights.
            let created = try await client.call("POST", "/wp-json/wp/v2/posts", site: site, json: ["title": "Written in a browser", "status": "publish"],
                                                headers: [("Cookie", session), ("X-WP-Nonce", nonce)])
            #expect(created.status == 201)
            #expect(created.json["author"]?.intValue == site.credentials["editor"]?.id)
            let settings = try await client.call("GET", "/wp-json/wp/v2/settings", site: site, headers: [("Cookie", session), ("X-WP-Nonce", nonce)])
            #expect(settings.status == 403, "an editor may not manage options, whatever the way they signed in")

            // Another user's nonce, or a made-up one, does not check.
            let (other, _) = try await Self.signIn(client, site: site, "author", "pw-author")
            let otherNonce = try await Self.nonce(client, site: site, cookie: try #require(other))
            for bad in [otherNonce, "0123456789"] {
                let r = try await client.call("GET", "/wp-json/wp/v2/users/me", site: site, headers: [("Cookie", session), ("X-WP-Nonce", bad)])
                #expect(r.status == 403)
                #expect(r.json["code"] == "rest_cookie_invalid_nonce")
                #expect(r.json["message"] == "Cookie check failed")
            }
        }
    }

    @Test func aNonceThatDoesNotCheckIsRefusedWithoutACookieToo() async throws {
        try await TestSite.with { site, client in
            for (method, uri) in [("GET", "/wp-json/wp/v2/posts?per_page=1"), ("OPTIONS", "/wp-json/wp/v2/posts"), ("GET", "/wp-json/"),
                                  ("GET", "/wp-json/wp/v2/posts?per_page=1&_wpnonce=abc")] {
                let headers = uri.contains("_wpnonce") ? [] : [("X-WP-Nonce", "bogus12345")]
                // Twice: the second time the anonymous answer is in the cache, and must not be served.
                _ = try await client.call(method, uri.replacingOccurrences(of: "&_wpnonce=abc", with: ""), site: site)
                for _ in 0..<2 {
                    let r = try await client.call(method, uri, site: site, headers: headers)
                    #expect(r.status == 403, "\(method) \(uri)")
                    #expect(r.json == ["code": "rest_cookie_invalid_nonce", "message": "Cookie check failed", "data": ["status": 403]])
                }
            }
            // Application passwords sign in whatever nonce comes along.
            let me = try await client.call("GET", "/wp-json/wp/v2/users/me", as: "admin", site: site, headers: [("X-WP-Nonce", "bogus12345")])
            #expect(me.status == 200)
            #expect(me.header("X-WP-Nonce") == nil)
            // Without a session there is no nonce to refresh.
            let ajax = try await client.call("GET", "/wp-admin/admin-ajax.php?action=rest-nonce", site: site)
            #expect(ajax.status == 400)
            #expect(ajax.text == "0")
        }
    }

    @Test func twoSessionsOfOneUserEachGetTheirOwnNonceFromTheCache() async throws {
        try await TestSite.with { site, client in
            let a = try #require(try await Self.signIn(client, site: site, "editor", "pw-editor").cookie)
            let b = try #require(try await Self.signIn(client, site: site, "editor", "pw-editor").cookie)
            let (na, nb) = (try await Self.nonce(client, site: site, cookie: a), try await Self.nonce(client, site: site, cookie: b))
            #expect(na != nb)
            for (cookie, nonce) in [(a, na), (b, nb), (a, na)] {
                let r = try await client.call("GET", "/wp-json/wp/v2/posts?status=draft", site: site, headers: [("Cookie", cookie), ("X-WP-Nonce", nonce)])
                #expect(r.status == 200)
                #expect(r.header("X-WP-Nonce") == nonce)
            }
            // One session's nonce does not sign in the other.
            let crossed = try await client.call("GET", "/wp-json/wp/v2/posts?status=draft", site: site, headers: [("Cookie", a), ("X-WP-Nonce", nb)])
            #expect(crossed.status == 403)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await TestSite.with { site, client in
            let session = try #require(try await Self.signIn(client, site: site, "author", "pw-author").cookie)
            let nonce = try await Self.nonce(client, site: site, cookie: session)
            let admin = try await client.call("GET", "/wp-admin/", site: site, headers: [("Cookie", session)])
            #expect(admin.status == 200)
            let link = try #require(admin.text.range(of: "/wp-login.php?action=logout&amp;_wpnonce=").map {
                String(admin.text[$0.lowerBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            })
            // Without the link's nonce, signing out only asks.
            let asked = try await client.call("GET", "/wp-login.php?action=logout", site: site, headers: [("Cookie", session)])
            #expect(asked.status == 403)
            #expect(asked.text.contains("Do you really want to"))
            let out = try await client.call("GET", link, site: site, headers: [("Cookie", session)])
            #expect(out.status == 302)
            #expect(out.header("Location") == "http://127.0.0.1:8080/wp-login.php?loggedout=true")
            #expect(out.headers.contains { $0.0.lowercased() == "set-cookie" && $0.1.hasPrefix(Self.cookieName + "=;") })
            // The old cookie, still sent, signs nobody in: its nonce no longer checks.
            let after = try await client.call("GET", "/wp-json/wp/v2/users/me", site: site, headers: [("Cookie", session), ("X-WP-Nonce", nonce)])
            #expect(after.status == 403)
            let again = try await client.call("GET", "/wp-admin/", site: site, headers: [("Cookie", session)])
            #expect(again.status == 302)
            #expect(again.header("Location") == "http://127.0.0.1:8080/wp-login.php?redirect_to=http%3A%2F%2F127.0.0.1%3A8080%2Fwp-admin%2F&reauth=1")
            #expect(try await client.call("GET", "/wp-admin/admin-ajax.php?action=rest-nonce", site: site, headers: [("Cookie", session)]).status == 400)
        }
    }

    @Test func aNewPasswordEndsEverySession() async throws {
        try await TestSite.with { site, client in
            let session = try #require(try await Self.signIn(client, site: site, "editor", "pw-editor").cookie)
            var user = try #require(try await site.store.user(login: "editor"))
            user.passwordHash = PasswordHasher.hash("a-new-password")
            try await site.store.updateUser(user)
            #expect(try await client.call("GET", "/wp-admin/", site: site, headers: [("Cookie", session)]).status == 302)
            // A forged cookie (the same fields, another signature) never signs in.
            let forged = session.prefix { $0 != "=" } + "=editor%7C9999999999%7Ctoken%7C" + String(repeating: "0", count: 64)
            #expect(try await client.call("GET", "/wp-admin/", site: site, headers: [("Cookie", String(forged))]).status == 302)
        }
    }

    @Test func failedSignInsAreAnsweredAsWordPressDoesAndSlowedDown() async throws {
        try await TestSite.with(signInLimits: .init(perLogin: 3, perAddress: 100, window: 60)) { site, client in
            let form = try await client.call("GET", "/wp-login.php", site: site)
            #expect(form.status == 200)
            #expect(form.text.contains("name=\"log\"") && form.text.contains("name=\"pwd\""))

            let wrong = try await Self.signIn(client, site: site, "editor", "wrong")
            #expect(wrong.cookie == nil)
            #expect(wrong.reply.status == 200)
            #expect(wrong.reply.text.contains("<strong>Error:</strong> The password you entered for the username <strong>editor</strong> is incorrect."))
            let unknown = try await Self.signIn(client, site: site, "nobody", "wrong")
            #expect(unknown.reply.text.contains("The username <strong>nobody</strong> is not registered on this site."))
            let empty = try await Self.signIn(client, site: site, "", "")
            #expect(empty.reply.text.contains("The username field is empty.") && empty.reply.text.contains("The password field is empty."))
            let escaped = try await Self.signIn(client, site: site, "%3Cscript%3E", "x")
            #expect(!escaped.reply.text.contains("<script>"))

            // Past the limit for a login, even its right password waits.
            _ = try await Self.signIn(client, site: site, "editor", "wrong")
            _ = try await Self.signIn(client, site: site, "editor", "wrong")
            let refused = try await Self.signIn(client, site: site, "editor", "pw-editor")
            #expect(refused.reply.status == 429)
            #expect(refused.cookie == nil)
            #expect(refused.reply.header("Retry-After") != nil)

            // redirect_to: this site only.
            let away = try await Self.signIn(client, site: site, "author", "pw-author", extra: "&redirect_to=https%3A%2F%2Fevil.example%2F")
            #expect(away.reply.header("Location") == "http://127.0.0.1:8080/wp-admin/")
            let here = try await Self.signIn(client, site: site, "author", "pw-author", extra: "&redirect_to=%2Fwp-admin%2Fedit.php&rememberme=forever")
            #expect(here.reply.header("Location") == "http://127.0.0.1:8080/wp-admin/edit.php")
            #expect(here.reply.headers.contains { $0.1.hasPrefix(Self.cookieName) && $0.1.contains("Expires=") }, "Remember Me keeps the cookie")
        }
    }
}
