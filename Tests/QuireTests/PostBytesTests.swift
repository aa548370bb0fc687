import Testing

/// A post list or single post that nothing reads before the client is written straight to
/// bytes; wrapped in `_envelope` the same answer is built as a tree and encoded. Both must be
/// the same text, for every role, context and kind of post of the reference site.
@Suite struct PostBytesTests {
    /// The body inside an `_envelope` answer, as it was written.
    static func envelopedBody(_ text: String) -> Substring? {
        guard text.hasPrefix("{\"body\":"), let end = text.range(of: ",\"status\":", options: .backwards) else { return nil }
        return text[text.index(text.startIndex, offsetBy: 8)..<end.lowerBound]
    }

    @Test func bytesEqualTheEncodedTree() async throws {
        let failures = try await TestSite.with(roleUsers: false) { base, client in
            let site = try await ReferenceSite.seed(base, client: client)
            var failures: [String] = []
            var compared = 0
            for user in [nil, "admin", "author", "contributor"] as [String?] {
                for route in ["posts", "pages"] {
                    for context in ["view", "embed", "edit"] {
                        let status = user == nil ? "" : "&status=publish,private,draft,pending,future"
                        var uris = ["/wp-json/wp/v2/\(route)?per_page=100&context=\(context)\(status)"]
                        let list = try await client.call("GET", uris[0], as: user, site: site)
                        for id in list.json.arrayValue?.compactMap({ $0["id"]?.intValue }) ?? [] {
                            uris.append("/wp-json/wp/v2/\(route)/\(id)?context=\(context)")
                        }
                        for uri in uris {
                            let plain = try await client.call("GET", uri, as: user, site: site)
                            let wrapped = try await client.call("GET", uri + "&_envelope", as: user, site: site)
                            compared += 1
                            if Self.envelopedBody(wrapped.text).map(String.init) != plain.text {
                                failures.append("\(uri) as \(user ?? "anonymous"):\n  \(plain.text.prefix(300))\n  \(wrapped.text.prefix(300))")
                            }
                        }
                    }
                }
            }
            #expect(compared > 100)
            return failures
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
    }
}
