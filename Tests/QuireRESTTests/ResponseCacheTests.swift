import QuireREST
import Testing

/// The response cache's bounds and its use of the content version.
@Suite struct ResponseCacheTests {
    func output(_ size: Int) -> HTTPOutput { HTTPOutput(status: 200, headers: HeaderList(), body: [UInt8](repeating: 65, count: size)) }

    @Test func entriesOfAnotherVersionAreNeverServed() {
        let cache = ResponseCache()
        cache.store("a", version: 1, output: output(10))
        #expect(cache.lookup("a", version: 1)?.body?.count == 10)
        #expect(cache.lookup("a", version: 2) == nil)
        #expect(cache.lookup("a", version: 1) == nil, "the stale entry was dropped")
    }

    @Test func staysWithinItsEntriesAndBytes() {
        let byCount = ResponseCache(capacity: 3)
        for i in 0..<10 { byCount.store("k\(i)", version: 1, output: output(10)) }
        #expect(byCount.count <= 3)
        #expect(byCount.lookup("k9", version: 1) != nil, "the newest answer is kept")

        let byBytes = ResponseCache(capacity: 1000, maxBytes: 100_000)
        for i in 0..<50 { byBytes.store("k\(i)", version: 1, output: output(10_000)) }
        #expect(byBytes.bytes <= 100_000)
        #expect(byBytes.lookup("k49", version: 1) != nil)
        byBytes.store("huge", version: 1, output: output(60_000))
        #expect(byBytes.lookup("huge", version: 1) == nil, "an answer larger than a quarter of the budget is not kept")
        // Replacing an entry does not count its bytes twice.
        let same = ResponseCache(capacity: 10, maxBytes: 100_000)
        for _ in 0..<20 { same.store("k", version: 1, output: output(10_000)) }
        #expect(same.count == 1)
        #expect(same.bytes == 2 * 10_000 + "k".utf8.count + 256)
    }

    /// Keys hold URLs a client chooses: thousands of long URLs with small answers stay within the budget.
    @Test func longKeysCountAgainstTheBudget() {
        let cache = ResponseCache(capacity: 100_000, maxBytes: 1_000_000)
        let path = String(repeating: "x", count: 50_000)
        for i in 0..<2000 { cache.store("0|/wp-json/wp/v2/posts?\(path)\(i)", version: 1, output: output(10)) }
        #expect(cache.bytes <= 1_000_000)
        #expect(cache.count < 2000)
    }
}
