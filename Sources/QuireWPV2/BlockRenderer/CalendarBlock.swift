import Foundation
import QuireREST
import QuireStore

/// `core/calendar` (`render_block_core_calendar` over `get_calendar`): the current month in the
/// site's time, weeks from the site's first day, each day with published posts linked to its
/// archive, today marked, and links to the nearest earlier and later months with posts.
/// Nothing is drawn when the site has no published post (a signed-in user is told why). The
/// block's month and year are used only by permalinks holding them, which the REST routes'
/// `/%postname%/` do not, so the preview is always of the current month.
enum CalendarBlock {
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static func render(_ c: ServerBlocks.Context) async throws -> String {
        let dates = try await c.store.publishedDates(type: "post")
        guard !dates.isEmpty else {
            return c.signedIn ? "<div>The calendar block is hidden because there are no published posts.</div>" : ""
        }
        let startOfWeek = try await c.store.option("start_of_week").map { PHPScalar.toInt($0) } ?? 1
        let offset = try await c.store.option("gmt_offset").map(PHPScalar.toDouble) ?? 0
        let today = WPDate.format(c.now, offset: Int((offset * 3600).rounded()))
        let year = Int(today.prefix(4)) ?? 1970, month = Int(today.dropFirst(5).prefix(2)) ?? 1, day = Int(today.dropFirst(8).prefix(2)) ?? 1
        let monthText = String(format: "%04d-%02d", year, month)
        let lastDay = daysIn(month, year)
        // `date` is `YYYY-MM-DD HH:MM:SS` in site time.
        let withPosts = Set(dates.filter { $0.hasPrefix(monthText + "-") }.compactMap { Int($0.dropFirst(8).prefix(2)) })
        let previous = dates.first { $0 < monthText + "-01" }
        let next = dates.last { $0 > String(format: "%@-%02d 23:59:59", monthText, lastDay) }

        var html = "<table id=\"wp-calendar\" class=\"wp-calendar-table\">\n\t<caption>\(months[month - 1]) \(year)</caption>\n\t<thead>\n\t<tr>"
        for i in 0..<7 {
            let name = weekdays[(i + startOfWeek) % 7]
            html += "\n\t\t<th scope=\"col\" title=\"\(name)\">\(name.prefix(1))</th>"
        }
        html += "\n\t</tr>\n\t</thead>\n\t<tbody>\n\t<tr>"
        func column(_ d: Int) -> Int { (weekday(year, month, d) - startOfWeek + 7) % 7 }
        let pad = column(1)
        if pad != 0 { html += "\n\t\t<td colspan=\"\(pad)\" class=\"pad\">&nbsp;</td>" }
        var newRow = false
        for d in 1...lastDay {
            if newRow { html += "\n\t</tr>\n\t<tr>\n\t\t" }
            newRow = false
            html += d == day ? "<td id=\"today\">" : "<td>"
            if withPosts.contains(d) {
                html += "<a href=\"\(c.home)/\(monthText.replacingOccurrences(of: "-", with: "/"))/\(String(format: "%02d", d))/\" "
                    + "aria-label=\"Posts published on \(months[month - 1]) \(d), \(year)\">\(d)</a>"
            } else {
                html += String(d)
            }
            html += "</td>"
            if column(d) == 6 { newRow = true }
        }
        // WordPress measures the closing pad from the day after the last.
        let endPad = 7 - (column(lastDay) + 1) % 7
        if endPad != 0 && endPad != 7 { html += "\n\t\t<td class=\"pad\" colspan=\"\(endPad)\">&nbsp;</td>" }
        html += "\n\t</tr>\n\t</tbody>\n\t</table><nav aria-label=\"Previous and next months\" class=\"wp-calendar-nav\">"
        if let previous, let y = Int(previous.prefix(4)), let m = Int(previous.dropFirst(5).prefix(2)) {
            html += "\n\t\t<span class=\"wp-calendar-nav-prev\"><a href=\"\(c.home)/\(y)/\(String(format: "%02d", m))/\">&laquo; \(months[m - 1].prefix(3))</a></span>"
        } else {
            html += "\n\t\t<span class=\"wp-calendar-nav-prev\">&nbsp;</span>"
        }
        html += "\n\t\t<span class=\"pad\">&nbsp;</span>"
        if let next, let y = Int(next.prefix(4)), let m = Int(next.dropFirst(5).prefix(2)) {
            html += "\n\t\t<span class=\"wp-calendar-nav-next\"><a href=\"\(c.home)/\(y)/\(String(format: "%02d", m))/\">\(months[m - 1].prefix(3)) &raquo;</a></span>"
        } else {
            html += "\n\t\t<span class=\"wp-calendar-nav-next\">&nbsp;</span>"
        }
        html += "\n\t</nav>"
        return "<div \(c.wrapper())>\(html)</div>"
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 0 for Sunday (PHP's `date('w')`), by Sakamoto's method.
    static func weekday(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7
    }
}
