import Foundation
import QuireREST
import QuireStore

/// How a request to the API signs in, as WordPress decides it:
/// - HTTP Basic credentials are an application password (``ApplicationPasswordAuthenticator``);
///   a request they sign in ignores nonces, one they fail to sign in is anonymous.
/// - Otherwise a session cookie (``SessionCookies``) signs the user in only together with a
///   nonce for `wp_rest`, sent as `X-WP-Nonce` or `_wpnonce`: a cookie without a nonce leaves
///   the request anonymous (so a page elsewhere cannot act as the user), and a nonce that does
///   not check answers 403 `rest_cookie_invalid_nonce`, with or without a cookie. A nonce that
///   checks is sent back refreshed in `X-WP-Nonce`.
///
///     let auth = SiteAuthenticator(store: store, cookies: cookies)
///     await auth.authenticate(input).user   // the cookie's user, when its nonce checks
public final class SiteAuthenticator: RESTAuthenticator {
    public let passwords: ApplicationPasswordAuthenticator
    public let cookies: SessionCookies

    public init(store: any ContentStore, cookies: SessionCookies, limits: SignInThrottle.Limits = .init()) {
        passwords = ApplicationPasswordAuthenticator(store: store, limits: limits)
        self.cookies = cookies
    }

    public func refusal(_ input: HTTPInput) async -> RESTError? { await passwords.refusal(input) }

    public func authenticate(_ input: HTTPInput) async -> Authentication {
        let basic = ApplicationPasswordAuthenticator.hasCredentials(input.headers)
        if basic {
            let signedIn = await passwords.authenticate(input)
            if signedIn.user != nil { return signedIn }
        }
        guard let nonce = Self.nonce(input) else { return .anonymous }
        // Wrong Basic credentials leave the request anonymous, and a cookie beside them is not read.
        let session = basic ? nil : await cookies.session(cookieHeader: input.headers["Cookie"])
        guard let key = try? await cookies.secret.key() else { return Authentication(error: Self.invalidNonce) }
        let (userID, token) = (session?.user.id ?? 0, session?.token ?? "")
        guard RESTNonce.check(nonce, RESTNonce.rest, userID: userID, session: token, key: key) else {
            return Authentication(error: Self.invalidNonce)
        }
        let refreshed = RESTNonce.make(RESTNonce.rest, userID: userID, session: token, key: key)
        guard let session else { return Authentication(headers: [("X-WP-Nonce", refreshed)]) }
        let privacyPage = (try? await passwords.store.option("wp_page_for_privacy_policy"))??.intValue ?? 0
        return Authentication(user: SiteUser(session.user, privacyPolicyPage: privacyPage), headers: [("X-WP-Nonce", refreshed)])
    }

    /// The browser signed in by `cookieHeader`: its session, the user it acts as in the API, and
    /// its nonces (a fresh `wp_rest` one for the pages it is given, those its pages' actions
    /// check); nil when no session checks.
    public func browser(cookieHeader: String?) async -> (session: SessionCookies.Session, user: SiteUser, nonces: SessionNonces)? {
        guard let session = await cookies.session(cookieHeader: cookieHeader), let key = try? await cookies.secret.key() else { return nil }
        let privacyPage = (try? await passwords.store.option("wp_page_for_privacy_policy"))??.intValue ?? 0
        return (session, SiteUser(session.user, privacyPolicyPage: privacyPage), SessionNonces(userID: session.user.id, session: session.token, key: key))
    }

    static let invalidNonce = RESTError("rest_cookie_invalid_nonce", "Cookie check failed", status: 403)

    /// `$_REQUEST['_wpnonce']` (the query, or a form body), else the `X-WP-Nonce` header.
    static func nonce(_ input: HTTPInput) -> String? {
        if input.query.contains("_wpnonce"), let v = FormDecoder.decode(input.query)["_wpnonce"] { return PHPScalar.toString(v) }
        if input.method == .post, input.body.count <= 1 << 20,
           input.headers["Content-Type"]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true,
           let v = FormDecoder.decode(String(decoding: input.body, as: UTF8.self))["_wpnonce"] {
            return PHPScalar.toString(v)
        }
        return input.headers["X-WP-Nonce"]
    }
}
