import Foundation
import QuireAuth
import QuireREST
import QuireStore
import QuireWPV2

/// `/wp-admin/edit.php`: the posts of one type its user may edit, twenty a page, filtered by
/// status (All, Published, Drafts, Pending, Private, Scheduled, Trash, with their counts), each
/// linking to its editor. The list is read through the API as the signed-in user, so it shows
/// exactly what the API would let that user see.
struct PostListPage {
    let types: ContentTypes
    let siteURL: String

    static let filters: [(status: String, label: String)] = [
        ("publish", "Published"), ("future", "Scheduled"), ("draft", "Drafts"), ("pending", "Pending"),
        ("private", "Private"), ("trash", "Trash"),
    ]
    static let perPage = 20

    func page(typeName: String, status: String?, page: Int, user: SiteUser, server: RESTServer) async -> HTTPOutput {
        guard let type = types.postType(typeName), type.showInREST, type.name != "attachment",
              user.can(type.capabilities.editPosts) else {
            return EditorPages.refusal(403, "Sorry, you are not allowed to edit posts in this post type.")
        }
        let chosen = status.flatMap { s in Self.filters.contains { $0.status == s } ? s : nil }
        func list(_ status: String, perPage: Int, page: Int) async -> (items: [JSON], total: Int) {
            let query: JSONObject = ["context": "edit", "status": .string(status), "per_page": .string(String(perPage)),
                                     "page": .string(String(page)), "orderby": "date", "order": "desc"]
            let response = await server.handle(RESTRequest(method: .get, route: type.route, query: query, user: user), allowHeader: false)
            guard response.status == 200 else { return ([], 0) }
            return (response.data.arrayValue ?? [], Int(response.headers["X-WP-Total"] ?? "") ?? 0)
        }
        let visible = "publish,future,draft,pending,private"
        var counts: [String: Int] = [:]
        for filter in Self.filters { counts[filter.status] = await list(filter.status, perPage: 1, page: 1).total }
        let all = Self.filters.filter { $0.status != "trash" }.reduce(0) { $0 + (counts[$1.status] ?? 0) }
        let shown = await list(chosen ?? visible, perPage: Self.perPage, page: max(1, page))
        let base = "\(siteURL)/wp-admin/edit.php?post_type=\(SignInPages.encode(type.name))"

        var body = "<h1>\(HTMLText.escape(type.label))"
        if user.can(type.capabilities.createPosts) {
            body += " <a class=\"page-title-action\" href=\"\(HTMLText.escape("\(siteURL)/wp-admin/post-new.php?post_type=\(SignInPages.encode(type.name))"))\">Add New</a>"
        }
        body += "</h1>\n<ul class=\"subsubsub\">"
        var links = ["<li class=\"all\"><a href=\"\(HTMLText.escape(base))\"\(chosen == nil ? " class=\"current\" aria-current=\"page\"" : "")>All <span class=\"count\">(\(all))</span></a></li>"]
        for filter in Self.filters where (counts[filter.status] ?? 0) > 0 {
            let current = chosen == filter.status ? " class=\"current\" aria-current=\"page\"" : ""
            links.append("<li class=\"\(filter.status)\"><a href=\"\(HTMLText.escape("\(base)&post_status=\(filter.status)"))\"\(current)>\(filter.label) <span class=\"count\">(\(counts[filter.status] ?? 0))</span></a></li>")
        }
        body += links.joined(separator: " | ") + "</ul>\n"
        body += "<table class=\"wp-list-table widefat fixed striped\"><thead><tr><th>Title</th><th>Status</th><th>Date</th></tr></thead><tbody>\n"
        if shown.items.isEmpty { body += "<tr class=\"no-items\"><td colspan=\"3\">No \(HTMLText.escape(type.label.lowercased())) found.</td></tr>\n" }
        for case .object(let item) in shown.items {
            let id = item["id"]?.intValue ?? 0
            let raw = item["title"]?.objectValue?["raw"]?.stringValue ?? ""
            let title = raw.isEmpty ? "(no title)" : raw
            let state = item["status"]?.stringValue ?? ""
            let label = Self.filters.first { $0.status == state }?.label ?? state
            body += "<tr id=\"post-\(id)\"><td class=\"title column-title\"><strong><a class=\"row-title\" href=\"\(HTMLText.escape("\(siteURL)/wp-admin/post.php?post=\(id)&action=edit"))\">\(HTMLText.escape(title))</a></strong></td>"
                + "<td>\(HTMLText.escape(label))</td><td>\(HTMLText.escape(item["date"]?.stringValue ?? ""))</td></tr>\n"
        }
        body += "</tbody></table>\n"
        let pages = max(1, (shown.total + Self.perPage - 1) / Self.perPage)
        if pages > 1 {
            let statusPart = chosen.map { "&post_status=\($0)" } ?? ""
            body += "<p class=\"tablenav-pages\">Page \(max(1, page)) of \(pages)"
            if page > 1 { body += " · <a href=\"\(HTMLText.escape("\(base)\(statusPart)&paged=\(page - 1)"))\">Previous</a>" }
            if page < pages { body += " · <a href=\"\(HTMLText.escape("\(base)\(statusPart)&paged=\(page + 1)"))\">Next</a>" }
            body += "</p>\n"
        }
        return AdminPage.render(title: type.label, siteURL: siteURL, body: body)
    }
}

/// The frame of the admin pages that are not the editor: a bar of links and the content.
enum AdminPage {
    static func render(title: String, siteURL: String, body: String) -> HTTPOutput {
        let html = """
            <!DOCTYPE html>
            <html lang="en-US"><head><meta charset="UTF-8" /><meta name="robots" content="noindex, noarchive" />
            <meta name="viewport" content="width=device-width, initial-scale=1" /><title>\(HTMLText.escape(title))</title>
            <link rel="stylesheet" href="\(HTMLText.escape(siteURL))/wp-includes/css/dashicons.min.css" />
            <link rel="stylesheet" href="\(HTMLText.escape(siteURL))/wp-includes/css/buttons.min.css" />
            <link rel="stylesheet" href="\(HTMLText.escape(siteURL))/wp-admin/css/common.min.css" />
            <link rel="stylesheet" href="\(HTMLText.escape(siteURL))/wp-admin/css/list-tables.min.css" />
            <style>#wpcontent{margin-left:0;padding:0 20px}nav.quire-admin{padding:8px 0;border-bottom:1px solid #c3c4c7;margin-bottom:12px}
            nav.quire-admin a{margin-right:16px}</style></head>
            <body class="wp-admin wp-core-ui js"><div id="wpwrap"><div id="wpcontent"><div id="wpbody"><div class="wrap">
            <nav class="quire-admin"><a href="\(HTMLText.escape(siteURL))/wp-admin/">Dashboard</a>
            <a href="\(HTMLText.escape(siteURL))/wp-admin/edit.php">Posts</a>
            <a href="\(HTMLText.escape(siteURL))/wp-admin/edit.php?post_type=page">Pages</a></nav>
            \(body)
            </div></div></div></div></body></html>

            """
        return HTTPOutput(status: 200, headers: EditorPages.pageHeaders, body: Array(html.utf8))
    }
}
