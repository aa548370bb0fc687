import QuireREST
import QuireStore

/// A signed-in user as the REST layer sees them.
public struct SiteUser: RESTUser {
    public let user: User
    /// The application password the request signed in with, if any.
    public let applicationPassword: String?
    /// The site's privacy policy page (`wp_page_for_privacy_policy`): editing or deleting it
    /// also needs the right to manage privacy options.
    public let privacyPolicyPage: Int

    public init(_ user: User, applicationPassword: String? = nil, privacyPolicyPage: Int = 0) {
        self.user = user
        self.applicationPassword = applicationPassword
        self.privacyPolicyPage = privacyPolicyPage
    }

    public var id: Int { user.id }

    public func can(_ capability: Capability, _ args: [JSON]) -> Bool {
        let required = Capabilities.required(capability, userID: user.id, args: args)
        if required.contains(.doNotAllow) { return false }
        return required.allSatisfy { user.hasCapability($0) }
    }

    /// A meta capability on a post (`edit_post`, `delete_post`, `read_post`, `publish_post`).
    public func can(_ capability: Capability, post: Post, caps: PostTypeCapabilities) -> Bool {
        Capabilities.required(capability, userID: user.id, post: post, caps: caps, privacyPolicyPage: privacyPolicyPage)
            .allSatisfy { user.hasCapability($0) }
    }
}
