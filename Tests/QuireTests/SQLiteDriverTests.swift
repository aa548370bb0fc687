import Foundation
import QuireStore
import SQLKit
import Testing

/// The embedded driver on a real file: values of every kind go in and come back as they were,
/// errors surface as errors, and a failed write leaves nothing behind.
@Suite struct SQLiteDriverTests {
    func withProvider(_ body: (SQLiteProvider) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quire-driver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let provider = try await SQLiteProvider.open(path: dir.appendingPathComponent("d.sqlite").path)
        try await provider.write { db in
            _ = try await db.raw("CREATE TABLE site_state (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)").all()
            _ = try await db.raw("INSERT INTO site_state (id, version) VALUES (1, 0)").all()
            _ = try await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, n INTEGER, d REAL, b BLOB, UNIQUE (s))").all()
        }
        try await body(provider)
        await provider.shutdown()
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func valuesComeBackAsTheyWent() async throws {
        try await withProvider { provider in
            let texts = ["", "plain", "é ü 漢字 🎉", "quote ' and \" and \\ and \0 inside"]
            try await provider.write { db in
                for (i, s) in texts.enumerated() {
                    _ = try await db.raw("INSERT INTO t (id, s, n, d) VALUES (\(bind: i + 1), \(bind: s), \(bind: i * 1_000_000_000_000), \(bind: Double(i) + 0.25))").all()
                }
                _ = try await db.raw("INSERT INTO t (id, s, n, d) VALUES (10, NULL, NULL, NULL)").all()
                _ = try await db.raw("INSERT INTO t (id, s, n) VALUES (11, \(bind: "big"), \(bind: Int.min))").all()
            }
            try await provider.read { db in
                for (i, s) in texts.enumerated() {
                    let row = try #require(try await db.raw("SELECT s, n, d FROM t WHERE id = \(bind: i + 1)").first())
                    #expect(try row.decode(column: "s", as: String.self) == s)
                    #expect(try row.decode(column: "s", as: String?.self) == s, "an empty string is not NULL")
                    #expect(try row.decode(column: "n", as: Int.self) == i * 1_000_000_000_000)
                    #expect(try row.decode(column: "d", as: Double.self) == Double(i) + 0.25)
                }
                let nulls = try #require(try await db.raw("SELECT s, n FROM t WHERE id = 10").first())
                #expect(try nulls.decodeNil(column: "s"))
                #expect(try nulls.decode(column: "s", as: String?.self) == nil)
                #expect(try nulls.decode(column: "n", as: Int?.self) == nil)
                #expect(try await db.raw("SELECT n FROM t WHERE id = 11").first()?.decode(column: "n", as: Int.self) == Int.min)
                #expect(try await db.raw("SELECT COUNT(*) AS c FROM t WHERE s = \(bind: "")").first()?.decode(column: "c", as: Int.self) == 1)
                #expect(try await db.raw("SELECT s FROM t WHERE id = 999").first() == nil)
            }
        }
    }

    @Test func errorsSurfaceAndFailedWritesLeaveNothing() async throws {
        try await withProvider { provider in
            await #expect(throws: SQLiteFailure.self) {
                try await provider.read { db in _ = try await db.raw("SELEKT 1").all() }
            }
            try await provider.write { db in _ = try await db.raw("INSERT INTO t (id, s) VALUES (1, 'one')").all() }
            await #expect(throws: SQLiteFailure.self) {
                try await provider.write { db in
                    _ = try await db.raw("INSERT INTO t (id, s) VALUES (2, 'two')").all()
                    _ = try await db.raw("INSERT INTO t (id, s) VALUES (3, 'one')").all()   // breaks UNIQUE (s)
                }
            }
            let count = try await provider.read { db in
                try await db.raw("SELECT COUNT(*) AS c FROM t").first()?.decode(column: "c", as: Int.self)
            }
            #expect(count == 1, "the failed write was rolled back whole")
            // The connections still work after an error.
            try await provider.write { db in _ = try await db.raw("INSERT INTO t (id, s) VALUES (2, 'two')").all() }
        }
    }

    /// Many distinct statements (more than a connection keeps prepared) and the same statement
    /// with many different values all answer correctly.
    @Test func preparedStatementsAreReusedSafely() async throws {
        try await withProvider { provider in
            try await provider.write { db in
                for i in 1...600 { _ = try await db.raw("INSERT INTO t (id, s, n) VALUES (\(bind: i), \(bind: "s\(i)"), \(bind: i))").all() }
            }
            try await provider.read { db in
                for i in stride(from: 1, through: 600, by: 7) {
                    let ids = Array(1...((i % 40) + 1))
                    let sql: SQLQueryString = "SELECT COUNT(*) AS c FROM t WHERE id IN (\(binds: ids)) AND n > 0 AND \(unsafeRaw: String(i % 3)) >= 0"
                    #expect(try await db.raw(sql).first()?.decode(column: "c", as: Int.self) == ids.count)
                    #expect(try await db.raw("SELECT s FROM t WHERE id = \(bind: i)").first()?.decode(column: "s", as: String.self) == "s\(i)")
                }
                for i in 1...600 {
                    _ = try await db.raw("SELECT \(unsafeRaw: String(i)) AS v").first()
                }
                #expect(try await db.raw("SELECT 42 AS v").first()?.decode(column: "v", as: Int.self) == 42)
            }
        }
    }
}
