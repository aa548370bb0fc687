import Foundation
import HummingbirdTesting
import QuireStore
import Testing

/// The recorded WordPress replays pass on a site moved by `quire db copy`: the reference site is
/// seeded on one database, copied to the other (SQLite to PostgreSQL and back, when the tests
/// have a PostgreSQL server; SQLite to another SQLite file otherwise), and every group is
/// replayed on the copy alone, through its own live server.
/// Groups run one at a time: all at once, their sites and servers kept the machine's two cores
/// so busy that the suites timing requests beside them saw answers take over 20 s.
@Suite(.serialized) struct CompatReplayOnCopyTests {
    /// A copy's direction, as "from>to".
    static let directions: [String] = TestDatabase.all.contains(.postgresql)
        ? (TestDatabase.all.contains(.sqlite) ? ["sqlite>postgresql", "postgresql>sqlite"] : ["postgresql>postgresql"])
        : ["sqlite>sqlite"]

    @Test(arguments: CompatReplayTests.groups, directions)
    func replayOnACopy(group name: String, direction: String) async throws {
        let group = try CompatGroup.load(name)
        let ends = direction.split(separator: ">").compactMap { TestDatabase(rawValue: String($0)) }
        let (from, to) = (ends[0], ends[1])
        let (failures, stale) = try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123", live: true,
                                                           signInLimits: .none, databases: [from]) { base, client in
            let original = try await ReferenceSite.seed(base, client: client)
            let target = try await TestSite.emptyStore(to, in: original.directory.appendingPathComponent("copy"))
            do {
                try await SiteCopy.copy(from: original.store, to: target.store)
                let copy = try await original.sharing(target.store, signInLimits: .none)
                let result = try await copy.application.test(.live) { copyClient in
                    try await CompatReplayTests.replayExchanges(group, on: copy, client: copyClient)
                }
                await target.close()
                return result
            } catch {
                await target.close()
                throw error
            }
        }
        try CompatReplayTests.report(group, failures: failures, stale: stale, on: " on a copy (\(direction))")
    }
}
