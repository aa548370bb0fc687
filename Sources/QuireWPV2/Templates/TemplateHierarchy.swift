/// The templates WordPress tries for a page, most specific first (`get_template_hierarchy`).
///
///     TemplateHierarchy.fallbacks(slug: "single-post-hello", isCustom: false, prefix: "single")
///     // ["single-post-hello", "single", "singular", "index"]
enum TemplateHierarchy {
    static func fallbacks(slug: String, isCustom: Bool, prefix: String) -> [String] {
        if slug == "index" { return ["index"] }
        if isCustom { return ["page", "singular", "index"] }
        if slug == "front-page" { return ["front-page", "home", "index"] }
        var hierarchy = [slug]
        // Most default templates have no prefix.
        if !prefix.isEmpty {
            let type = String(prefix.split(separator: "-", omittingEmptySubsequences: false).first ?? "")
            if prefix != slug && prefix != type { hierarchy.append(prefix) }
            if slug != type { hierarchy.append(type) }
        }
        if ["author", "taxonomy", "category", "tag"].contains(where: { slug.hasPrefix($0) }) || slug == "date" { hierarchy.append("archive") }
        if slug == "attachment" { hierarchy.append("single") }
        if slug.hasPrefix("single") || slug.hasPrefix("page") || slug == "attachment" { hierarchy.append("singular") }
        hierarchy.append("index")
        return hierarchy
    }
}
