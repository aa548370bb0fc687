import Foundation
import QuireStore
import Testing

/// Naming a PostgreSQL database: a URL that cannot be one is refused before anything is tried,
/// and a server that cannot be used is refused with its reason, never a hang or a crash.
@Suite struct PostgresOpeningTests {
    @Test func urlsAreReadOrRefusedPlainly() throws {
        let location = try PostgresLocation(url: "postgres://quire:s%40cret@db.internal:6543/site")
        #expect(location == PostgresLocation(host: "db.internal", port: 6543, user: "quire", password: "s@cret", database: "site"))
        #expect(location.redacted == "postgres://quire:***@db.internal:6543/site")
        #expect(try PostgresLocation(url: "postgresql://quire@db/site").port == 5432)
        for (url, reason) in [("postgres://quire@db", "names no database"), ("postgres://db/site", "names no user"),
                              ("postgres://quire@/site", "names no host"), ("mysql://quire@db/site", "not a postgres:// URL")] {
            #expect { try PostgresLocation(url: url) } throws: { error in "\(error)".contains(reason) }
        }
    }

    /// The reason is the refused connection itself, which only the first, single connection
    /// reports: the pool would keep trying for a minute and then say only that it could not
    /// connect. (Alone this answers in milliseconds; it is not timed, since under the whole
    /// suite on two cores a task may wait tens of seconds for a thread.)
    @Test func anUnreachableServerIsRefusedWithItsReason() async throws {
        await #expect { try await SQLContentStore.open("postgres://quire@127.0.0.1:1/site") } throws: { error in
            "\(error)".contains("cannot use the PostgreSQL database at postgres://quire@127.0.0.1:1/site") && "\(error)".contains("refused")
        }
    }

    @Test(.enabled(if: TestDatabase.server != nil, "needs QUIRE_TEST_POSTGRES_URL"))
    func anUnknownDatabaseIsRefusedWithItsReason() async throws {
        let server = try #require(TestDatabase.server)
        await #expect { try await SQLContentStore.openPostgres(server.database("quire_no_such_database")) } throws: { error in
            "\(error)".contains("database \"quire_no_such_database\" does not exist")
        }
    }
}
