import Foundation
import HummingbirdTesting
import QuireREST
import Testing

/// Replays every exchange WordPress 6.1 answered on `quire-test/v1` and compares status,
/// body and the API's headers.
@Suite struct ValidationReplayTests {
    static let groups = ["types", "enum", "defaults", "required", "numbers", "strings", "formats", "arrays", "objects",
                         "combining", "callbacks", "sources", "url-params", "globals", "routing", "items", "permissions",
                         "errors"]

    /// Exchanges known to differ, each with its reason.
    static let knownDifferences: [String: String] = {
        guard let list = try? Fixtures.json("validation-known-differences.json").objectValue else { return [:] }
        return Dictionary(uniqueKeysWithValues: list.map { ($0.key, $0.value.stringValue ?? "") })
    }()

    @Test(arguments: groups)
    func replayGroup(_ group: String) async throws {
        let exchanges = try RecordedExchange.load(group: group)
        let app = try ReplayServer.application()
        let failures = try await app.test(.router) { client in
            var failures: [String] = []
            for exchange in exchanges {
                let diffs = try await exchange.replay(with: client)
                if !diffs.isEmpty && Self.knownDifferences[exchange.id] == nil {
                    failures.append("\(exchange.id) \(exchange.method) \(exchange.uri)\n    " + diffs.joined(separator: "\n    "))
                }
            }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.count) of \(exchanges.count) exchanges differ:\n\(failures.joined(separator: "\n"))")
    }

    @Test func atLeastNinetyFivePercentMatch() async throws {
        let app = try ReplayServer.application()
        let (total, matched) = try await app.test(.router) { client in
            var total = 0, matched = 0
            for group in Self.groups {
                for exchange in try RecordedExchange.load(group: group) {
                    total += 1
                    if try await exchange.replay(with: client).isEmpty { matched += 1 }
                }
            }
            return (total, matched)
        }
        #expect(total == 778)
        #expect(Double(matched) >= Double(total) * 0.95, "\(matched) of \(total) match")
    }
}
