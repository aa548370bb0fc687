import QuireValues

/// Users, their meta and their application passwords.
public protocol UserStore: Sendable {
    func user(id: Int) async throws -> User?
    func user(login: String) async throws -> User?
    func user(email: String) async throws -> User?
    func user(slug: String) async throws -> User?
    func users(_ query: UserQuery) async throws -> (users: [User], total: Int)
    func users(ids: [Int]) async throws -> [User]
    func insertUser(_ user: User) async throws -> User
    func updateUser(_ user: User) async throws
    /// Deletes a user; their posts go to `reassignTo`, or are deleted with them when nil.
    func deleteUser(id: Int, reassignTo: Int?) async throws
    func userMeta(userID: Int) async throws -> [String: JSON]
    func setUserMeta(userID: Int, _ values: [(String, JSON?)]) async throws


    // Application passwords
    func applicationPasswords(userID: Int) async throws -> [ApplicationPassword]
    func insertApplicationPassword(_ password: ApplicationPassword) async throws
    func updateApplicationPassword(_ password: ApplicationPassword) async throws
    func deleteApplicationPassword(uuid: String) async throws -> Bool
    func deleteApplicationPasswords(userID: Int) async throws -> Int
}

/// What a list of users asks for.
///
///     var q = UserQuery()
///     q.include = [1, 2]
///     let (users, total) = try await store.users(q)
public struct UserQuery: Sendable {
    public var include: [Int] = [], exclude: [Int] = []
    public var search: String? = nil
    /// Whether a search also looks at emails and addresses (for those who may list users).
    public var searchPrivateColumns = true
    public var roles: [String] = []
    /// Only users holding one of these roles (from a capability filter); nil for no filter.
    public var capabilityRoles: [String]? = nil
    /// Only users with published posts of these types (anonymous listings).
    public var hasPublishedPosts: [String]? = nil
    public var orderBy = "name", ascending = true
    /// The page: how many at most, after how many.
    public var limit = 10, offset = 0
    public var slugs: [String] = []

    public init() {}
}
