import Foundation
import QuireAuth
import QuireREST
import QuireStore

/// Signing in and out in a browser, and the nonce the editor refreshes, as WordPress serves them:
/// - `/wp-login.php`: the login form; posting it (`log`, `pwd`, `rememberme`, `redirect_to`)
///   starts a session (``SessionCookies``) and goes on to `redirect_to` (this site only) or
///   `/wp-admin/`. Failed attempts are counted per login and address (``SignInThrottle``), answered
///   after a pause, and refused with 429 past the limit.
/// - `/wp-login.php?action=logout&_wpnonce=…`: ends the session; without a valid nonce it asks first.
/// - `/wp-admin/admin-ajax.php?action=rest-nonce`: a fresh `wp_rest` nonce for the signed-in
///   browser, or `0` with 400.
/// - `/wp-admin/`: who is signed in, or a redirect to the login form.
public struct SignInPages: HTTPPages {
    let store: any ContentStore
    let cookies: SessionCookies
    let throttle: SignInThrottle
    let siteURL: String
    /// How long a failed attempt waits before it is answered.
    let failurePause: Duration
    /// Whether the block editor's files are installed (the dashboard links to the post lists, or says they are missing).
    let editorInstalled: Bool

    /// `throttle` is the one the API's application passwords count on, so that a guesser has
    /// one budget of failures, not one per way in.
    public init(store: any ContentStore, cookies: SessionCookies, siteURL: String, throttle: SignInThrottle,
                failurePause: Duration = .milliseconds(500), editorInstalled: Bool = false) {
        self.editorInstalled = editorInstalled
        self.store = store
        self.cookies = cookies
        self.throttle = throttle
        self.siteURL = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
        self.failurePause = failurePause
    }

    public func answer(_ input: HTTPInput, server: RESTServer) async -> HTTPOutput? {
        let method = input.method
        let query = FormDecoder.decode(input.query)
        switch input.path {
        case "/wp-login.php":
            let action = query["action"].map { PHPScalar.toString($0) } ?? "login"
            if action == "logout" { return await logOut(input, query: query) }
            if method == .post { return await signIn(input) }
            guard method.onlyReads else { return nil }
            var notice: String? = nil
            if query["loggedout"] != nil { notice = "You are now logged out." }
            return await form(redirectTo: query["redirect_to"].map { PHPScalar.toString($0) } ?? "", notice: notice)
        case "/wp-admin/admin-ajax.php":
            let action = query["action"].map { PHPScalar.toString($0) }
                ?? (method == .post ? FormDecoder.decode(String(decoding: input.body.prefix(1 << 20), as: UTF8.self))["action"].map { PHPScalar.toString($0) } : nil)
            guard action == "rest-nonce", let session = await cookies.session(cookieHeader: input.headers["Cookie"]),
                  let key = try? await cookies.secret.key() else { return Self.text(400, "0") }
            return Self.text(200, RESTNonce.make(RESTNonce.rest, userID: session.user.id, session: session.token, key: key))
        case "/wp-admin", "/wp-admin/", "/wp-admin/index.php":
            guard method.onlyReads else { return nil }
            guard let session = await cookies.session(cookieHeader: input.headers["Cookie"]) else {
                return Self.redirect("\(siteURL)/wp-login.php?redirect_to=\(Self.encode("\(siteURL)/wp-admin/"))&reauth=1")
            }
            return await dashboard(session)
        default:
            return nil
        }
    }

    // MARK: Signing in

    func signIn(_ input: HTTPInput) async -> HTTPOutput {
        let form = FormDecoder.decode(String(decoding: input.body.prefix(64 * 1024), as: UTF8.self))
        let login = form["log"].map { PHPScalar.toString($0) }.map { String($0.prefix(256)).trimmingCharacters(in: .whitespaces) } ?? ""
        let password = form["pwd"].map { PHPScalar.toString($0) }.map { String($0.prefix(4096)) } ?? ""
        let remember = form["rememberme"] != nil
        let redirectTo = form["redirect_to"].map { PHPScalar.toString($0) } ?? ""
        if let wait = throttle.retryAfter(login: login, address: input.remoteAddress) {
            var page = await self.form(redirectTo: redirectTo, login: login,
                                       error: "<strong>Error:</strong> Too many failed login attempts. Please try again in \(wait) seconds.")
            page.status = 429
            page.headers.set("Retry-After", String(wait))
            return page
        }
        if login.isEmpty || password.isEmpty {
            var errors: [String] = []
            if login.isEmpty { errors.append("<strong>Error:</strong> The username field is empty.") }
            if password.isEmpty { errors.append("<strong>Error:</strong> The password field is empty.") }
            return await self.form(redirectTo: redirectTo, login: login, error: errors.joined(separator: "<br />\n"))
        }
        let byEmail = login.contains("@")
        let user = try? await (byEmail ? store.user(email: login) : store.user(login: login))
        // An unknown login costs a password check too, so timing does not tell which logins exist.
        let matches = PasswordHasher.verify(password, hash: user?.passwordHash ?? PasswordHasher.decoy)
        guard let user, matches else {
            throttle.recordFailure(login: login, address: input.remoteAddress)
            try? await Task.sleep(for: failurePause)
            let error: String
            if user == nil {
                error = byEmail ? "<strong>Error:</strong> Unknown email address. Check again or try your username."
                    : "<strong>Error:</strong> The username <strong>\(HTMLText.escape(login))</strong> is not registered on this site. If you are unsure of your username, try your email address instead."
            } else {
                error = byEmail ? "<strong>Error:</strong> The password you entered for the email address <strong>\(HTMLText.escape(login))</strong> is incorrect."
                    : "<strong>Error:</strong> The password you entered for the username <strong>\(HTMLText.escape(login))</strong> is incorrect."
            }
            return await self.form(redirectTo: redirectTo, login: login, error: error)
        }
        do {
            let (cookie, _) = try await cookies.signIn(user, remember: remember, address: input.remoteAddress,
                                                       agent: input.headers["User-Agent"])
            var out = Self.redirect(safeRedirect(redirectTo) ?? "\(siteURL)/wp-admin/")
            out.headers.add("Set-Cookie", cookie)
            return out
        } catch {
            return await self.form(redirectTo: redirectTo, login: login, error: "<strong>Error:</strong> The session could not be started. Please try again.")
        }
    }

    /// `wp_safe_redirect`: a path on this site, or a URL of its own host; nil for anything else.
    func safeRedirect(_ target: String) -> String? {
        guard !target.isEmpty, !target.contains("\r"), !target.contains("\n") else { return nil }
        if target.hasPrefix("/") && !target.hasPrefix("//") && !target.hasPrefix("/\\") { return siteURL + target }
        guard let wanted = URLComponents(string: target), let mine = URLComponents(string: siteURL),
              let scheme = wanted.scheme?.lowercased(), scheme == "http" || scheme == "https",
              wanted.host?.lowercased() == mine.host?.lowercased(), wanted.port == mine.port, wanted.user == nil else { return nil }
        return target
    }

    // MARK: Signing out

    func logOut(_ input: HTTPInput, query: JSONObject) async -> HTTPOutput {
        let session = await cookies.session(cookieHeader: input.headers["Cookie"])
        let nonce = query["_wpnonce"].map { PHPScalar.toString($0) } ?? ""
        if let key = try? await cookies.secret.key(),
           RESTNonce.check(nonce, RESTNonce.logOut, userID: session?.user.id ?? 0, session: session?.token ?? "", key: key) {
            if let session { try? await cookies.signOut(session) }
            var out = Self.redirect("\(siteURL)/wp-login.php?loggedout=true")
            out.headers.add("Set-Cookie", cookies.clearingCookie)
            return out
        }
        let name = await siteName()
        var body = "<p>You are attempting to log out of \(HTMLText.escape(name)).</p>"
        if let link = await logOutLink(session) {
            body += "<p>Do you really want to <a href=\"\(HTMLText.escape(link))\">log out</a>?</p>"
        }
        return Self.page(403, title: "Something went wrong.", body: body)
    }

    /// The link that signs `session` (or a browser signed in as nobody) out, with its nonce;
    /// nil when the site's key cannot be read.
    func logOutLink(_ session: SessionCookies.Session?) async -> String? {
        guard let key = try? await cookies.secret.key() else { return nil }
        return "\(siteURL)/wp-login.php?action=logout&_wpnonce="
            + RESTNonce.make(RESTNonce.logOut, userID: session?.user.id ?? 0, session: session?.token ?? "", key: key)
    }

    // MARK: Pages

    func dashboard(_ session: SessionCookies.Session) async -> HTTPOutput {
        let name = session.user.displayName.isEmpty ? session.user.login : session.user.displayName
        var body = "<p>Howdy, <strong>\(HTMLText.escape(name))</strong>.</p>"
        if editorInstalled {
            body += "<p><a href=\"\(HTMLText.escape(siteURL))/wp-admin/edit.php\">Posts</a> · "
                + "<a href=\"\(HTMLText.escape(siteURL))/wp-admin/edit.php?post_type=page\">Pages</a> · "
                + "<a href=\"\(HTMLText.escape(siteURL))/wp-admin/post-new.php\">Write a new post</a></p>"
        } else {
            body += "<p>The block editor is not installed: it is served from a WordPress package "
                + "(<code>apt-get install wordpress wordpress-theme-twentytwentythree</code>, or <code>--wordpress-dir</code>). The API works without it.</p>"
        }
        body += "<p><a href=\"\(HTMLText.escape(siteURL))/wp-json/\">The REST API</a> · "
            + "<a href=\"\(HTMLText.escape(await logOutLink(session) ?? "\(siteURL)/wp-login.php?action=logout"))\">Log Out</a></p>"
        return Self.page(200, title: "Dashboard ‹ \(await siteName())", body: body)
    }

    func form(redirectTo: String, login: String = "", error: String? = nil, notice: String? = nil) async -> HTTPOutput {
        var body = ""
        if let error { body += "<div id=\"login_error\">\(error)<br /></div>\n" }
        if let notice { body += "<p class=\"message\">\(HTMLText.escape(notice))<br /></p>\n" }
        body += """
            <form name="loginform" id="loginform" action="\(HTMLText.escape(siteURL))/wp-login.php" method="post">
            <p><label for="user_login">Username or Email Address</label>
            <input type="text" name="log" id="user_login" class="input" value="\(HTMLText.escape(login))" size="20" autocapitalize="off" autocomplete="username" required /></p>
            <p><label for="user_pass">Password</label>
            <input type="password" name="pwd" id="user_pass" class="input" value="" size="20" autocomplete="current-password" spellcheck="false" required /></p>
            <p class="forgetmenot"><input name="rememberme" type="checkbox" id="rememberme" value="forever" /> <label for="rememberme">Remember Me</label></p>
            <p class="submit"><input type="submit" name="wp-submit" id="wp-submit" class="button button-primary button-large" value="Log In" />
            <input type="hidden" name="redirect_to" value="\(HTMLText.escape(redirectTo))" /></p>
            </form>
            """
        return Self.page(200, title: "Log In ‹ \(await siteName())", body: body)
    }

    func siteName() async -> String { (try? await store.option("blogname"))??.stringValue ?? "Quire" }

    static func page(_ status: Int, title: String, body: String) -> HTTPOutput {
        let html = """
            <!DOCTYPE html>
            <html lang="en-US"><head><meta charset="UTF-8" /><meta name="robots" content="noindex, noarchive" />
            <meta name="viewport" content="width=device-width, initial-scale=1" /><title>\(HTMLText.escape(title))</title>
            <style>body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;background:#f0f0f1;color:#3c434a}
            main{max-width:320px;margin:8% auto;padding:24px;background:#fff;border:1px solid #c3c4c7}
            input.input{width:100%;box-sizing:border-box;font-size:20px;padding:3px 5px;margin:2px 0 16px}
            #login_error{border-left:4px solid #d63638;padding:12px;margin-bottom:16px;background:#fff}</style></head>
            <body class="login"><main>
            \(body)
            </main></body></html>

            """
        return HTTPOutput(status: status, headers: noCache(["Content-Type": "text/html; charset=UTF-8", "X-Frame-Options": "SAMEORIGIN"]),
                          body: Array(html.utf8))
    }

    static func text(_ status: Int, _ text: String) -> HTTPOutput {
        HTTPOutput(status: status, headers: noCache(["Content-Type": "text/html; charset=UTF-8"]), body: Array(text.utf8))
    }

    static func redirect(_ location: String) -> HTTPOutput {
        var headers = noCache(["Location": location])
        headers.set("Content-Type", "text/html; charset=UTF-8")
        return HTTPOutput(status: 302, headers: headers, body: [])
    }

    static func noCache(_ fields: KeyValuePairs<String, String>) -> HeaderList {
        var headers = HeaderList()
        for (k, v) in fields { headers.add(k, v) }
        headers.add("Expires", "Wed, 11 Jan 1984 05:00:00 GMT")
        headers.add("Cache-Control", "no-cache, must-revalidate, max-age=0")
        return headers
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }
}
