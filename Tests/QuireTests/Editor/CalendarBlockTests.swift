import Foundation
import HummingbirdTesting
import QuireREST
import QuireStore
import Testing

/// The calendar block's preview (`/wp/v2/block-renderer/core/calendar`) on the reference site,
/// against what WordPress 6.1 drew there on the day it was recorded
/// (`Fixtures/block-renderer/calendar.json`, replayed with the clock set to that moment): the
/// month with its weeks from Monday, today marked, the previous month with posts linked; the
/// block's wrapper classes; then with published posts this month and last (and a draft,
/// which does not count) linked by day; and a caller who may not edit posts refused.
@Suite struct CalendarBlockTests {
    @Test func theCalendarIsDrawnAsWordPressDrewItThatDay() async throws {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("block-renderer/calendar.json")
        let fixture = try JSONParser.parse(Array(try Data(contentsOf: url)))
        let recordedAt = try #require(fixture["recorded_at"]?.stringValue.flatMap { WPDate.parse($0.replacingOccurrences(of: "T", with: " ")) })
        let cases = try #require(fixture["cases"]?.arrayValue)
        try await TestSite.with(roleUsers: false, adminAppName: "oracle", adminPassword: "admin-pass-123") { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            try await WPDate.$fixedNow.withValue(recordedAt) {
                for c in cases {
                    let name = c["name"]?.stringValue ?? ""
                    if name == "with-posts" {
                        for post in fixture["posts"]?.arrayValue ?? [] {
                            let made = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: post)
                            #expect(made.status == 201)
                        }
                    }
                    var query = "context=edit"
                    for (k, v) in c["attributes"]?.objectValue ?? JSONObject() {
                        query += "&attributes%5B\(k)%5D=\(PHPScalar.toString(v).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                    }
                    let login = c["as"]?.stringValue.flatMap { $0 == "anonymous" ? nil : $0 }
                    let r = try await client.call("GET", "/wp-json/wp/v2/block-renderer/core/calendar?\(query)", as: login, site: site)
                    #expect(r.status == c["status"]?.intValue, "\(name)")
                    #expect(r.json == c["answer"], "\(name):\n\(r.json["rendered"]?.stringValue ?? r.text)")
                }
            }
        }
    }
}
