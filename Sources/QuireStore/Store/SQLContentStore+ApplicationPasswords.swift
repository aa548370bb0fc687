import SQLKit

extension SQLContentStore {
    static func applicationPassword(_ row: any SQLRow) throws -> ApplicationPassword {
        ApplicationPassword(uuid: try row.string("uuid"), userID: try row.int("user_id"), appID: try row.string("app_id"),
                            name: try row.string("name"), passwordHash: try row.string("password_hash"),
                            created: Int(try row.string("created")) ?? 0,
                            lastUsed: try row.optionalString("last_used").flatMap { Int($0) },
                            lastIP: try row.optionalString("last_ip"), lookup: try row.optionalString("lookup"))
    }

    public func applicationPasswords(userID: Int) async throws -> [ApplicationPassword] {
        try await provider.read { db in
            try await db.raw("""
                SELECT uuid, user_id, app_id, name, password_hash, created, last_used, last_ip, lookup
                FROM application_passwords WHERE user_id = \(bind: userID) ORDER BY created, uuid
                """).all().map(Self.applicationPassword)
        }
    }

    public func insertApplicationPassword(_ p: ApplicationPassword) async throws {
        try await write("""
            INSERT INTO application_passwords (uuid, user_id, app_id, name, password_hash, created, last_used, last_ip, lookup)
            VALUES (\(bind: p.uuid), \(bind: p.userID), \(bind: p.appID), \(bind: p.name), \(bind: p.passwordHash),
                \(bind: String(p.created)), \(bind: p.lastUsed.map { String($0) }), \(bind: p.lastIP), \(bind: p.lookup))
            """)
    }

    public func updateApplicationPassword(_ p: ApplicationPassword) async throws {
        try await write("""
            UPDATE application_passwords SET name = \(bind: p.name), app_id = \(bind: p.appID),
                last_used = \(bind: p.lastUsed.map { String($0) }), last_ip = \(bind: p.lastIP)
            WHERE uuid = \(bind: p.uuid)
            """)
    }

    public func deleteApplicationPassword(uuid: String) async throws -> Bool {
        try await provider.write { db in
            try await db.raw("DELETE FROM application_passwords WHERE uuid = \(bind: uuid) RETURNING uuid").all().count > 0
        }
    }

    public func deleteApplicationPasswords(userID: Int) async throws -> Int {
        try await provider.write { db in
            try await db.raw("DELETE FROM application_passwords WHERE user_id = \(bind: userID) RETURNING uuid").all().count
        }
    }
}
