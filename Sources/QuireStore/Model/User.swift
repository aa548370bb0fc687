import QuireValues

/// A registered user: what `wp_users` and the usual user meta hold.
///
///     let editor = User(id: 2, login: "editor", email: "editor@example.com", roles: ["editor"])
///     editor.hasCapability(.editOthersPosts)   // true
public struct User: Sendable, Equatable {
    public var id: Int
    public var login: String
    public var passwordHash: String
    public var nicename: String
    public var email: String
    public var url: String
    /// `Y-m-d H:i:s`, GMT.
    public var registered: String
    public var displayName: String
    public var firstName: String
    public var lastName: String
    public var nickname: String
    public var description: String
    public var locale: String
    public var roles: [String]
    /// Capabilities granted to the user beyond their roles (true) or withdrawn (false).
    public var extraCaps: [String: Bool]

    public init(id: Int = 0, login: String, passwordHash: String = "", nicename: String? = nil, email: String,
                url: String = "", registered: String = "", displayName: String? = nil, firstName: String = "",
                lastName: String = "", nickname: String? = nil, description: String = "", locale: String = "",
                roles: [String] = [], extraCaps: [String: Bool] = [:]) {
        self.id = id
        self.login = login
        self.passwordHash = passwordHash
        self.nicename = nicename ?? Slug.sanitizeTitle(login)
        self.email = email
        self.url = url
        self.registered = registered
        self.displayName = displayName ?? login
        self.firstName = firstName
        self.lastName = lastName
        self.nickname = nickname ?? login
        self.description = description
        self.locale = locale
        self.roles = roles
        self.extraCaps = extraCaps
    }

    /// Every capability the user has, in WordPress's order: role capabilities, the role
    /// names, then the user's own grants (`allcaps`).
    public var allCapabilities: [(String, Bool)] {
        var out: [(String, Bool)] = []
        var index: [String: Int] = [:]
        for role in roles {
            for cap in Roles.capabilities(of: role) where index[cap] == nil {
                index[cap] = out.count
                out.append((cap, true))
            }
        }
        for (cap, granted) in ownCapabilities {
            if let i = index[cap] { out[i].1 = granted } else {
                index[cap] = out.count
                out.append((cap, granted))
            }
        }
        return out
    }

    /// The user's own capability entries: a role name for each role, then extra grants.
    public var ownCapabilities: [(String, Bool)] {
        roles.map { ($0, true) } + extraCaps.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public func hasCapability(_ cap: Capability) -> Bool {
        if let granted = extraCaps[cap.rawValue] { return granted }
        if roles.contains(cap.rawValue) { return true }
        return roles.contains { Roles.role($0, grants: cap) }
    }
}
