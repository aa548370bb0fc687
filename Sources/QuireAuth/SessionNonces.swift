import Crypto

/// The nonces of one signed-in browser: ``RESTNonce`` made and checked for its user and
/// session, so a page need not carry the key, the user and the token to each call.
///
///     let nonces = browser.nonces
///     let update = nonces.make("update-post_19")
///     nonces.check(update, "update-post_19")   // true
///     nonces.check(update, "delete-post_19")   // false
public struct SessionNonces {
    let userID: Int
    let session: String
    let key: SymmetricKey

    /// `wp_create_nonce( action )` for this browser.
    public func make(_ action: String) -> String {
        RESTNonce.make(action, userID: userID, session: session, key: key)
    }

    /// `wp_verify_nonce( nonce, action )` for this browser.
    public func check(_ nonce: String, _ action: String) -> Bool {
        RESTNonce.check(nonce, action, userID: userID, session: session, key: key)
    }
}
