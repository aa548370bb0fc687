import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Quire
import QuireREST
import QuireStore
import QuireWPV2
import Synchronization
import Testing

/// `quire export wxr`: the site written as WordPress eXtended RSS 1.2, read back with an XML parser.
@Suite struct WXRExportTests {
    /// Every element's text by name, in document order, with the items' own elements apart.
    final class Reader: NSObject, XMLParserDelegate, @unchecked Sendable {
        var texts: [(name: String, text: String, attributes: [String: String])] = []
        var items: [[(name: String, text: String, attributes: [String: String])]] = []
        private var stack: [(String, String, [String: String])] = []
        private var inItem = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "item" { inItem = true; items.append([]) }
            stack.append((name, "", attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if !stack.isEmpty { stack[stack.count - 1].1 += string } }
        func parser(_ parser: XMLParser, foundCDATA data: Data) { if !stack.isEmpty { stack[stack.count - 1].1 += String(decoding: data, as: UTF8.self) } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let (n, text, attributes) = stack.removeLast()
            if n == "item" { inItem = false; return }
            if inItem { items[items.count - 1].append((n, text, attributes)) } else { texts.append((n, text, attributes)) }
        }
    }

    @Test func theSiteIsWrittenAsWordPressExportsIt() async throws {
        try await TestSite.with { site, client in
            let parent = try await client.call("POST", "/wp-json/wp/v2/categories", as: "admin", site: site, json: ["name": "Parent", "description": "Top"])
            let child = try await client.call("POST", "/wp-json/wp/v2/categories", as: "admin", site: site, json: ["name": "Child", "parent": parent.json["id"]!])
            let tag = try await client.call("POST", "/wp-json/wp/v2/tags", as: "admin", site: site, json: ["name": "Swift"])
            let post = try await client.call("POST", "/wp-json/wp/v2/posts", as: "editor", site: site, json: [
                "title": "Exported & kept", "content": "A ]]> in the text.\u{0001}", "status": "publish", "sticky": true,
                "categories": [child.json["id"]!], "tags": [tag.json["id"]!],
            ])
            let id = try #require(post.json["id"]?.intValue)
            _ = try await client.call("POST", "/wp-json/wp/v2/comments", as: "admin", site: site, json: ["post": .int(id), "content": "Well said."])
            // More comments than one page of them, and one that is spam.
            for n in 0..<(WXRExport.pageSize + 5) {
                _ = try await site.store.insertComment(Comment(postID: id, author: "Reader \(n)", date: "2024-02-01 10:00:00",
                                                               dateGMT: "2024-02-01 10:00:00", content: "Comment \(n)"))
            }
            _ = try await site.store.insertComment(Comment(postID: id, author: "Spammer", date: "2024-02-01 10:00:00",
                                                           dateGMT: "2024-02-01 10:00:00", content: "Buy now", approved: "spam"))
            _ = try await client.call("POST", "/wp-json/wp/v2/posts", as: "author", site: site, json: ["title": "Still a draft"])

            let options = try await site.store.allOptions()
            let export = WXRExport(store: site.store, types: ContentTypes(), siteURL: TestSite.url,
                                   siteName: options["blogname"]?.stringValue ?? "", siteDescription: "")
            let text = Mutex("")
            try await export.write { chunk in text.withLock { $0 += chunk } }
            let xml = text.withLock { $0 }
            let reader = Reader()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = reader
            #expect(parser.parse(), "well-formed: \(parser.parserError.map { "\($0)" } ?? "")")

            let value = { (name: String) in reader.texts.filter { $0.name == name }.map(\.text) }
            #expect(value("wp:wxr_version") == ["1.2"])
            #expect(Set(value("wp:author_login")) == ["admin", "editor", "author", "contributor", "subscriber"])
            #expect(value("wp:category_nicename").firstIndex(of: "parent")! < value("wp:category_nicename").firstIndex(of: "child")!,
                    "a parent comes before its child")
            #expect(value("wp:category_parent").contains("parent"))
            #expect(value("wp:category_description").contains("Top"))
            #expect(value("wp:tag_slug") == ["swift"])

            let byTitle = Dictionary(uniqueKeysWithValues: reader.items.map { item in (item.first { $0.name == "title" }?.text ?? "", item) })
            #expect(Set(byTitle.keys).isSuperset(of: ["Hello world!", "Sample Page", "Privacy Policy", "Exported & kept", "Still a draft"]))
            let exported = try #require(byTitle["Exported & kept"])
            let field = { (name: String) in exported.first { $0.name == name }?.text }
            #expect(field("content:encoded") == "A ]]> in the text.",
                    "CDATA that holds ]]> is split and read back whole, a control character XML cannot hold is left out")
            #expect(field("dc:creator") == "editor")
            #expect(field("wp:status") == "publish")
            #expect(field("wp:is_sticky") == "1")
            #expect(field("wp:post_type") == "post")
            #expect(field("wp:post_date")?.contains("T") == false, "dates as MySQL writes them")
            #expect(field("pubDate")?.hasSuffix("+0000") == true)
            let categories = exported.filter { $0.name == "category" }.map { "\($0.attributes["domain"] ?? ""):\($0.attributes["nicename"] ?? "")" }
            #expect(Set(categories) == ["category:child", "post_tag:swift"])
            #expect(exported.contains { $0.name == "wp:comment_content" && $0.text == "Well said." })
            #expect(exported.filter { $0.name == "wp:comment_id" }.count == WXRExport.pageSize + 6, "every comment, past one page, spam left out")
            #expect(!exported.contains { $0.name == "wp:comment_content" && $0.text == "Buy now" })
            #expect(byTitle["Still a draft"]?.first { $0.name == "wp:status" }?.text == "draft")

            // Only pages, when asked.
            var pagesOnly = export
            pagesOnly.postTypes = ["page"]
            let pages = Mutex("")
            try await pagesOnly.write { chunk in pages.withLock { $0 += chunk } }
            #expect(pages.withLock { $0 }.contains("Sample Page"))
            #expect(!pages.withLock { $0 }.contains("Exported &amp; kept") && !pages.withLock { $0 }.contains("Exported & kept"))
        }
    }

    @Test func metaValuesAreWrittenAsPHPStoresThem() {
        #expect(PHPSerialization.serialize(["a", 2]) == #"a:2:{i:0;s:1:"a";i:1;i:2;}"#)
        #expect(PHPSerialization.serialize(["é": true, "7": .null]) == #"a:2:{s:2:"é";b:1;i:7;N;}"#, "lengths in bytes; numeric keys as integers")
        #expect(PHPSerialization.metaValue("plain") == "plain")
        #expect(PHPSerialization.metaValue(3) == "3")
    }
}
