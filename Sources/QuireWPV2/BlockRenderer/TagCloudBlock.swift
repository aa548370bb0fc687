import Foundation
import QuireREST
import QuireStore

/// `core/tag-cloud` (`render_block_core_tag_cloud` over `wp_tag_cloud`): a taxonomy's most
/// used terms, by name, each sized between the smallest and largest size by how much it is
/// used (on a log scale, `default_topic_count_scale`).
enum TagCloudBlock {
    static func render(_ c: ServerBlocks.Context) async throws -> String {
        let taxonomyName = c.attributes["taxonomy"].map(PHPScalar.toString) ?? "post_tag"
        let smallestText = c.string("smallestFontSize"), largestText = c.string("largestFontSize")
        let unit = Self.unit(smallestText) ?? "pt"
        let smallest = PHPScalar.toDouble(.string(smallestText)), largest = PHPScalar.toDouble(.string(largestText))
        let number = max(0, PHPScalar.toInt(c.attributes["numberOfTags"] ?? 45))
        var cloud = ""
        if let taxonomy = c.types.taxonomy(taxonomyName) {
            var q = TermQuery(taxonomy: taxonomyName)
            q.hideEmpty = true
            q.orderBy = "count"
            q.ascending = false
            q.limit = number > 0 ? number : 10_000
            var terms = try await c.store.terms(q).terms
            terms.sort { $0.name.compare($1.name, options: [.caseInsensitive, .numeric]) == .orderedAscending }
            let paths = try await TermPaths.load(for: terms, in: c.store)
            let scaled = terms.map { (log10(Double($0.count) + 1) * 100).rounded() }
            let minimum = scaled.min() ?? 0
            var spread = (scaled.max() ?? 0) - minimum
            if spread <= 0 { spread = 1 }
            var fontSpread = largest - smallest
            if fontSpread < 0 { fontSpread = 1 }
            let step = fontSpread / spread
            cloud = terms.enumerated().map { i, term in
                let size = Self.phpNumber(smallest + (scaled[i] - minimum) * step) + unit
                let items = "\(term.count) \(term.count == 1 ? "item" : "items")"
                let url = TermPaths.link(term, path: paths[term.id], taxonomy: taxonomy, home: c.home)
                return "<a href=\"\(HTMLText.escape(url))\" class=\"tag-cloud-link tag-link-\(term.id) tag-link-position-\(i + 1)\" "
                    + "style=\"font-size: \(HTMLText.escape(size));\" aria-label=\"\(HTMLText.escape(term.name)) (\(items))\">\(HTMLText.escape(term.name))"
                    + (c.bool("showTagCounts") ? "<span class=\"tag-link-count\"> (\(term.count))</span>" : "") + "</a>"
            }.joined(separator: "\n")
        }
        if cloud.isEmpty {
            let name = (c.types.taxonomy(taxonomyName)?.label ?? taxonomyName).lowercased()
            cloud = "Your site doesn&#8217;t have any \(HTMLText.escape(name)), so there&#8217;s nothing to display here at the moment."
        }
        return "<p \(c.wrapper())>\(cloud)</p>"
    }

    /// The unit after a size's number (`8pt`, `1.5em`), if it has one.
    static func unit(_ size: String) -> String? {
        guard let r = size.range(of: "^[0-9.]+[a-zA-Z%]+$", options: .regularExpression) else { return nil }
        return String(size[r].drop(while: { $0.isNumber || $0 == "." }))
    }

    /// A float as PHP writes it (14 significant digits, no trailing zeros).
    static func phpNumber(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.14G", v)
    }
}
