import Foundation
import QuireREST
import QuireStore

/// `core/archives` (`render_block_core_archives` over `wp_get_archives`): the site's posts
/// by year, month, week or day, or one by one by date or title, as a list or a menu, with
/// their counts when asked.
enum ArchivesBlock {
    /// One entry: where it leads, what it says, how many posts it holds.
    struct Entry {
        var url: String
        var text: String
        var count: Int?
    }

    static func render(_ c: ServerBlocks.Context) async throws -> String {
        let type = c.attributes["type"]?.stringValue ?? "monthly"
        let showCount = c.bool("showPostCounts")
        let entries = try await self.entries(type, c)
        if c.bool("displayAsDropdown") {
            let label: String
            switch type {
            case "yearly": label = "Select Year"
            case "monthly": label = "Select Month"
            case "daily": label = "Select Day"
            case "weekly": label = "Select Week"
            default: label = "Select Post"
            }
            let options = entries.map { e in
                "\t<option value='\(escURL(e.url))'> \(ContentRenderer.texturize(e.text)) \(showCount && e.count != nil ? "&nbsp;(\(e.count!))" : "")</option>\n"
            }.joined()
            let hidden = c.bool("showLabel") ? "" : " screen-reader-text"
            // The only dropdown of the request: WordPress numbers them from 1.
            return "<div \(c.wrapper(class: " wp-block-archives-dropdown"))><label for=\"wp-block-archives-1\" class=\"wp-block-archives__label\(hidden)\">Archives</label>\n"
                + "\t\t<select id=\"wp-block-archives-1\" name=\"archive-dropdown\" onchange=\"document.location.href=this.options[this.selectedIndex].value;\">\n"
                + "\t\t<option value=\"\">\(label)</option>\(options)</select></div>"
        }
        let wrapper = c.wrapper(class: " wp-block-archives-list")
        if entries.isEmpty { return "<div \(wrapper)>No archives to show.</div>" }
        let items = entries.map { e in
            "\t<li><a href='\(escURL(e.url))'>\(ContentRenderer.texturize(e.text))</a>\(showCount && e.count != nil ? "&nbsp;(\(e.count!))" : "")</li>\n"
        }.joined()
        return "<ul \(wrapper)>\(items)</ul>"
    }

    /// `esc_url` for an address already built here: `&` written as `&#038;`.
    static func escURL(_ url: String) -> String { url.replacingOccurrences(of: "&", with: "&#038;") }

    static func entries(_ type: String, _ c: ServerBlocks.Context) async throws -> [Entry] {
        let home = c.home
        switch type {
        case "postbypost", "alpha":
            var q = PostQuery()
            q.types = ["post"]
            q.statuses = [.publish]
            q.orderBy = type == "alpha" ? "title" : "date"
            q.ascending = type == "alpha"
            q.limit = 100_000
            let posts = try await c.store.posts(q).posts
            let presenter = PostPresenter(type: PostTypes.post)
            return posts.map { p in
                let title = PHPText.stripAllTags(ContentRenderer.title(p.title))
                return Entry(url: presenter.permalink(p, home: home), text: title.isEmpty ? String(p.id) : title, count: nil)
            }
        default:
            let dates = try await c.store.publishedDates(type: "post")
            var entries: [Entry] = []
            var keys: [String] = []
            var counts: [String: Int] = [:]
            var firsts: [String: String] = [:]
            for date in dates {
                let key: String
                switch type {
                case "yearly": key = String(date.prefix(4))
                case "daily": key = String(date.prefix(10))
                case "weekly": key = "\(date.prefix(4))-\(week(date))"
                default: key = String(date.prefix(7))
                }
                if counts[key] == nil { keys.append(key); firsts[key] = date }
                counts[key, default: 0] += 1
            }
            for key in keys {
                let date = firsts[key] ?? ""
                let y = date.prefix(4), m = date.dropFirst(5).prefix(2), d = date.dropFirst(8).prefix(2)
                switch type {
                case "yearly": entries.append(Entry(url: "\(home)/\(y)/", text: String(y), count: counts[key]))
                case "daily": entries.append(Entry(url: "\(home)/\(y)/\(m)/\(d)/", text: PHPDateFormat.format("F j, Y", date), count: counts[key]))
                case "weekly":
                    let (start, end) = weekBounds(date)
                    entries.append(Entry(url: "\(home)/?m=\(y)&w=\(week(date))",
                                         text: "\(PHPDateFormat.format("F j, Y", start))&#8211;\(PHPDateFormat.format("F j, Y", end))", count: counts[key]))
                default: entries.append(Entry(url: "\(home)/\(y)/\(m)/", text: PHPDateFormat.format("F Y", date), count: counts[key]))
                }
            }
            return entries
        }
    }

    static func parts(_ date: String) -> (Int, Int, Int) {
        let p = date.prefix(10).split(separator: "-").map { Int($0) ?? 0 }
        return p.count == 3 ? (p[0], p[1], p[2]) : (1970, 1, 1)
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static func day(_ date: String) -> Date {
        let (y, m, d) = parts(date)
        return calendar.date(from: DateComponents(year: y, month: m, day: d)) ?? Date(timeIntervalSince1970: 0)
    }

    /// MySQL's `WEEK(date, 1)`: weeks start on Monday; week 1 is the first with four or more
    /// days of the year, the days before it are week 0.
    static func week(_ date: String) -> Int {
        let (y, _, _) = parts(date)
        let jan1 = day("\(y)-01-01")
        let weekdayJan1 = (PHPDateFormat.dayOfWeek(y, 1, 1) + 6) % 7   // 0 for Monday
        let dayOfYear = (calendar.dateComponents([.day], from: jan1, to: day(date)).day ?? 0)
        let firstWeekStart = weekdayJan1 <= 3 ? -weekdayJan1 : 7 - weekdayJan1
        let offset = dayOfYear - firstWeekStart
        return offset < 0 ? 0 : offset / 7 + 1
    }

    /// The Monday and Sunday of a date's week (`get_weekstartend` with weeks starting on Monday).
    static func weekBounds(_ date: String) -> (String, String) {
        let (y, m, d) = parts(date)
        let sinceMonday = (PHPDateFormat.dayOfWeek(y, m, d) + 6) % 7
        let start = calendar.date(byAdding: .day, value: -sinceMonday, to: day(date)) ?? day(date)
        let end = calendar.date(byAdding: .day, value: 6, to: start) ?? start
        func text(_ t: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: t)
            return String(format: "%04d-%02d-%02d 00:00:00", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        }
        return (text(start), text(end))
    }
}
