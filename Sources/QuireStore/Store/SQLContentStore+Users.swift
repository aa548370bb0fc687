import QuireValues
import SQLKit

extension SQLContentStore {
    static let userColumns: SQLQueryString = """
        id, login, pass, nicename, email, url, registered, display_name, first_name, last_name, nickname,
        description, locale, roles, extra_caps
        """

    static func user(_ row: any SQLRow) throws -> User {
        let roles = decode(try row.string("roles")).arrayValue?.compactMap(\.stringValue) ?? []
        var extra: [String: Bool] = [:]
        for (k, v) in decode(try row.string("extra_caps")).objectValue ?? JSONObject() { extra[k] = v.boolValue ?? false }
        return User(id: try row.int("id"), login: try row.string("login"), passwordHash: try row.string("pass"),
                    nicename: try row.string("nicename"), email: try row.string("email"), url: try row.string("url"),
                    registered: try row.string("registered"), displayName: try row.string("display_name"),
                    firstName: try row.string("first_name"), lastName: try row.string("last_name"),
                    nickname: try row.string("nickname"), description: try row.string("description"),
                    locale: try row.string("locale"), roles: roles, extraCaps: extra)
    }

    private func oneUser(_ condition: SQLQueryString) async throws -> User? {
        try await provider.read { db in
            try await db.raw("SELECT \(Self.userColumns) FROM users WHERE " + condition).first().map(Self.user)
        }
    }

    public func user(id: Int) async throws -> User? { try await oneUser("id = \(bind: id)") }
    public func user(login: String) async throws -> User? { try await oneUser("login = \(bind: login)") }
    public func user(email: String) async throws -> User? { try await oneUser("lower(email) = lower(\(bind: email))") }
    public func user(slug: String) async throws -> User? { try await oneUser("nicename = \(bind: slug)") }

    public func users(ids: [Int]) async throws -> [User] {
        guard !ids.isEmpty else { return [] }
        return try await provider.read { db in
            try await db.raw("SELECT \(Self.userColumns) FROM users WHERE " + .inList("id", ids)).all().map(Self.user)
        }
    }

    public func users(_ q: UserQuery) async throws -> (users: [User], total: Int) {
        var conditions: [SQLQueryString] = ["1 = 1"]
        conditions.restrict("id", to: q.include, excluding: q.exclude)
        if !q.slugs.isEmpty { conditions.append(.inList("nicename", q.slugs)) }
        if let s = q.search, !s.isEmpty {
            // The bound applies to the term as given, before its `*` wildcards are dropped.
            let stripped = s.replacingOccurrences(of: "*", with: "")
            if s.utf8.count > SQLLike.maxTermLength {
                conditions.append("1 = 0")
            } else {
                let like = "%" + SQLLike.escape(stripped) + "%"
                if q.searchPrivateColumns {
                    conditions.append("(login \(SQLLike.caseless) \(bind: like) ESCAPE '\\' OR email \(SQLLike.caseless) \(bind: like) ESCAPE '\\' OR url \(SQLLike.caseless) \(bind: like) ESCAPE '\\' OR display_name \(SQLLike.caseless) \(bind: like) ESCAPE '\\' OR nicename \(SQLLike.caseless) \(bind: like) ESCAPE '\\')")
                } else {
                    let id = Int(stripped) ?? -1
                    conditions.append("(id = \(bind: id) OR login \(SQLLike.caseless) \(bind: like) ESCAPE '\\' OR display_name \(SQLLike.caseless) \(bind: like) ESCAPE '\\' OR nicename \(SQLLike.caseless) \(bind: like) ESCAPE '\\')")
                }
            }
        }
        if !q.roles.isEmpty {
            let any = q.roles.map { role -> SQLQueryString in "roles \(SQLLike.caseless) \(bind: "%\"" + role + "\"%")" }
            conditions.append("(" + any.joined(separator: " OR ") + ")")
        }
        if let capable = q.capabilityRoles {
            let any = capable.map { role -> SQLQueryString in "roles \(SQLLike.caseless) \(bind: "%\"" + role + "\"%")" }
            conditions.append(any.isEmpty ? "1 = 0" : "(" + any.joined(separator: " OR ") + ")")
        }
        if let types = q.hasPublishedPosts {
            // Correlated, so only the user's own posts are looked at (through `posts_author`).
            conditions.append("EXISTS (SELECT 1 FROM posts WHERE posts.author = users.id AND posts.status = 'publish' AND "
                + .inList("posts.type", types) + ")")
        }
        let whereClause = conditions.joined(separator: " AND ")
        let column: String
        switch q.orderBy {
        case "id": column = "id"
        case "slug": column = "lower(nicename)"
        case "email": column = "lower(email)"
        case "url": column = "lower(url)"
        case "registered_date": column = "registered"
        case "include" where !q.include.isEmpty:
            column = "CASE id " + q.include.enumerated().map { "WHEN \($0.element) THEN \($0.offset)" }.joined(separator: " ") + " END"
        case "include_slugs": column = "id"
        default: column = "lower(display_name)"   // also `include` without ids, as WordPress falls back to names
        }
        let direction = q.ascending ? "ASC" : "DESC"
        return try await page(of: "users", columns: Self.userColumns, where: whereClause,
                              order: "\(unsafeRaw: column) \(unsafeRaw: direction), id ASC", limit: q.limit, offset: q.offset, Self.user)
    }

    static func rolesText(_ u: User) -> String { encode(.array(u.roles.map { .string($0) })) }
    static func capsText(_ u: User) -> String {
        encode(.object(JSONObject(u.extraCaps.sorted { $0.key < $1.key }.map { ($0.key, .bool($0.value)) })))
    }

    public func insertUser(_ u: User) async throws -> User {
        let roles = Self.rolesText(u), caps = Self.capsText(u)
        let id = try await provider.write { db in
            try await db.raw("""
                INSERT INTO users (login, pass, nicename, email, url, registered, display_name, first_name, last_name,
                    nickname, description, locale, roles, extra_caps)
                VALUES (\(bind: u.login), \(bind: u.passwordHash), \(bind: u.nicename), \(bind: u.email), \(bind: u.url),
                    \(bind: u.registered), \(bind: u.displayName), \(bind: u.firstName), \(bind: u.lastName),
                    \(bind: u.nickname), \(bind: u.description), \(bind: u.locale), \(bind: roles), \(bind: caps))
                RETURNING id
                """).first()!.int("id")
        }
        var created = u
        created.id = id
        return created
    }

    public func updateUser(_ u: User) async throws {
        let roles = Self.rolesText(u), caps = Self.capsText(u)
        try await write("""
            UPDATE users SET login = \(bind: u.login), pass = \(bind: u.passwordHash), nicename = \(bind: u.nicename),
                email = \(bind: u.email), url = \(bind: u.url), display_name = \(bind: u.displayName),
                first_name = \(bind: u.firstName), last_name = \(bind: u.lastName), nickname = \(bind: u.nickname),
                description = \(bind: u.description), locale = \(bind: u.locale), roles = \(bind: roles),
                extra_caps = \(bind: caps)
            WHERE id = \(bind: u.id)
            """)
    }

    public func deleteUser(id: Int, reassignTo: Int?) async throws {
        try await provider.write { db in
            if let to = reassignTo {
                _ = try await db.raw("UPDATE posts SET author = \(bind: to) WHERE author = \(bind: id)").all()
            } else {
                let ids = try await db.raw("SELECT id FROM posts WHERE author = \(bind: id)").all().map { try $0.int("id") }
                for postID in ids { try await Self.deletePost(id: postID, in: db) }
            }
            _ = try await db.raw("UPDATE comments SET user_id = 0 WHERE user_id = \(bind: id)").all()
            _ = try await db.raw("DELETE FROM users WHERE id = \(bind: id)").all()
        }
    }

    public func userMeta(userID: Int) async throws -> [String: JSON] {
        try await objectMeta(.user, ids: [userID])[userID] ?? [:]
    }

    public func setUserMeta(userID: Int, _ values: [(String, JSON?)]) async throws {
        try await setObjectMeta(.user, id: userID, values)
    }
}
