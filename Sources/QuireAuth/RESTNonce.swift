import Crypto
import Foundation
import QuireREST
import QuireStore

/// WordPress's nonces (`wp_create_nonce`, `wp_verify_nonce`): ten hex digits tied to an
/// action, a user and their session, good for one day. Time is counted in half-days ("ticks");
/// a nonce from this tick or the one before checks.
///
///     let nonce = RESTNonce.make("wp_rest", userID: 2, session: token, key: key)
///     RESTNonce.check(nonce, "wp_rest", userID: 2, session: token, key: key)   // true
///     RESTNonce.check(nonce, "wp_rest", userID: 3, session: token, key: key)   // false
public enum RESTNonce {
    /// The action whose nonce the REST API checks (`X-WP-Nonce`, `_wpnonce`).
    public static let rest = "wp_rest"
    /// The action of the log-out link.
    public static let logOut = "log-out"
    static let lifetime = 86_400

    static func tick(_ now: Date) -> Int {
        let half = Double(lifetime / 2)
        return Int((now.timeIntervalSince1970 / half).rounded(.up))
    }

    static func value(_ tick: Int, _ action: String, userID: Int, session: String, key: SymmetricKey) -> String {
        let signed = SiteSecret.sign("\(tick)|\(action)|\(userID)|\(session)", key: key)
        return String(signed.suffix(12).prefix(10))
    }

    public static func make(_ action: String, userID: Int, session: String, key: SymmetricKey, now: Date = Date()) -> String {
        value(tick(now), action, userID: userID, session: session, key: key)
    }

    public static func check(_ nonce: String, _ action: String, userID: Int, session: String, key: SymmetricKey,
                             now: Date = Date()) -> Bool {
        guard nonce.utf8.count == 10 else { return false }
        let t = tick(now)
        return [t, t - 1].contains { ConstantTime.equal(value($0, action, userID: userID, session: session, key: key), nonce) }
    }
}
