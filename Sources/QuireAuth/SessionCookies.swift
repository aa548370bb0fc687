import Crypto
import Foundation
import QuireREST
import QuireStore

/// Signing in with a login and password in a browser, as `wp-login.php` does: a session is
/// kept for the user (the `quire_session_<verifier>` user meta, one per session, holding its
/// expiry, address and browser) and named by a random token; the browser holds the cookie
/// `wordpress_logged_in_<md5 of the site URL>` = `login|expiration|token|signature`, signed
/// with the site's secret key and a fragment of the user's password hash, so a new password
/// or signing out ends it.
///
///     let cookies = SessionCookies(store: store, secret: SiteSecret(store: store), siteURL: url)
///     let (header, _) = try await cookies.signIn(user, remember: false, address: ip, agent: ua)
///     // later, from the request's `Cookie` header:
///     let session = await cookies.session(cookieHeader: request.headers["Cookie"])
public struct SessionCookies: Sendable {
    /// A signed-in browser: the user and the session's token.
    public struct Session: Sendable {
        public let user: User
        public let token: String
    }

    public let store: any ContentStore
    public let secret: SiteSecret
    /// `wordpress_logged_in_` and the MD5 of the site's URL, as WordPress names it.
    public let name: String
    /// Whether cookies are only sent over https (the site's URL is https).
    public let secure: Bool

    static let metaPrefix = "quire_session_"
    /// How long a session lasts: two days, or fourteen when "Remember Me" is ticked.
    static let shortLife = 2 * 86_400, rememberedLife = 14 * 86_400
    /// The longest cookie header read.
    static let maxHeader = 8 * 1024

    public init(store: any ContentStore, secret: SiteSecret, siteURL: String) {
        self.store = store
        self.secret = secret
        let url = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
        name = "wordpress_logged_in_" + Digits.hex(Array(Insecure.MD5.hash(data: Data(url.utf8))))
        secure = url.lowercased().hasPrefix("https://")
    }

    /// Starts a session for `user`: the `Set-Cookie` value to send, and the session.
    public func signIn(_ user: User, remember: Bool, address: String?, agent: String?, now: Date = Date()) async throws
        -> (setCookie: String, session: Session) {
        let key = try await secret.key()
        let token = Self.randomToken()
        let expiration = Int(now.timeIntervalSince1970) + (remember ? Self.rememberedLife : Self.shortLife)
        let record: JSON = ["expiration": .int(expiration), "ip": .string(address ?? ""),
                            "ua": .string(String((agent ?? "").prefix(512))), "login": .int(Int(now.timeIntervalSince1970))]
        // Sessions already over are cleared as a new one begins.
        let meta = try await store.userMeta(userID: user.id)
        let now = Int(now.timeIntervalSince1970)
        var changes: [(String, JSON?)] = meta.compactMap { key, value in
            key.hasPrefix(Self.metaPrefix) && (value["expiration"]?.intValue ?? 0) < now ? (key, nil) : nil
        }
        changes.append((Self.metaPrefix + Self.verifier(token), record))
        try await store.setUserMeta(userID: user.id, changes)
        let value = [user.login, String(expiration), token, signature(user, expiration: expiration, token: token, key: key)]
            .joined(separator: "|")
        var cookie = "\(name)=\(Self.percentEncode(value)); path=/; HttpOnly; SameSite=Lax"
        if remember { cookie += "; Expires=\(HTTPDate.format(Date(timeIntervalSince1970: TimeInterval(expiration))))" }
        if secure { cookie += "; Secure" }
        return (cookie, Session(user: user, token: token))
    }

    /// The `Set-Cookie` value that makes a browser forget its session cookie.
    public var clearingCookie: String {
        "\(name)=; path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0" + (secure ? "; Secure" : "")
    }

    /// The session a request's `Cookie` header names, when its cookie is well signed, not
    /// expired, and its session is still kept; nil otherwise.
    public func session(cookieHeader: String?, now: Date = Date()) async -> Session? {
        guard let header = cookieHeader, header.utf8.count <= Self.maxHeader, let raw = Self.cookie(name, in: header) else { return nil }
        let parts = Self.percentDecode(raw).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let expiration = Int(parts[1]), expiration > Int(now.timeIntervalSince1970) else { return nil }
        let (login, token, sent) = (parts[0], parts[2], parts[3])
        do {
            let key = try await secret.key()
            guard let user = try await store.user(login: login),
                  ConstantTime.equal(signature(user, expiration: expiration, token: token, key: key), sent) else { return nil }
            let kept = try await store.userMeta(userID: user.id)[Self.metaPrefix + Self.verifier(token)]
            guard let until = kept?["expiration"]?.intValue, until > Int(now.timeIntervalSince1970) else { return nil }
            return Session(user: user, token: token)
        } catch {
            return nil
        }
    }

    /// Ends a session (signing out): its cookie no longer signs anyone in, on any server.
    public func signOut(_ session: Session) async throws {
        try await store.setUserMeta(userID: session.user.id, [(Self.metaPrefix + Self.verifier(session.token), nil)])
    }

    func signature(_ user: User, expiration: Int, token: String, key: SymmetricKey) -> String {
        // A fragment of the password hash ties the cookie to the password it was made under.
        let fragment = String(user.passwordHash.dropFirst(8).prefix(4))
        return SiteSecret.sign("logged_in|\(user.login)|\(fragment)|\(expiration)|\(token)", key: key)
    }

    static func verifier(_ token: String) -> String { Digits.hex(Array(SHA256.hash(data: Data(token.utf8)))) }

    /// 43 letters and digits, as `wp_generate_password( 43, false, false )`.
    static func randomToken() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<43).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }

    /// The value of cookie `name` in a `Cookie` header (`a=1; b=2`).
    static func cookie(_ name: String, in header: String) -> String? {
        for pair in header.split(separator: ";") {
            let trimmed = pair.drop { $0 == " " }
            guard let eq = trimmed.firstIndex(of: "="), trimmed[..<eq] == name[...] else { continue }
            return String(trimmed[trimmed.index(after: eq)...])
        }
        return nil
    }

    static func percentEncode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }

    static func percentDecode(_ s: String) -> String { s.removingPercentEncoding ?? s }
}
