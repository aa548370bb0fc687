import Foundation

/// PHP's `date()` letters, as `date_i18n` and `mysql2date` format a stored date (site time,
/// `Y-m-d H:i:s`) in English.
///
///     PHPDateFormat.format("F j, Y", "2024-02-20 09:30:00")   // "February 20, 2024"
enum PHPDateFormat {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func format(_ format: String, _ stored: String) -> String {
        let parts = stored.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0) ?? 0 }
        guard parts.count >= 3 else { return "" }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        let (h, i, s) = (parts.count > 3 ? parts[3] : 0, parts.count > 4 ? parts[4] : 0, parts.count > 5 ? parts[5] : 0)
        let weekday = dayOfWeek(y, m, d)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = ""
        var escaped = false
        for c in format {
            if escaped { out.append(c); escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "d": out += pad(d)
            case "j": out += "\(d)"
            case "D": out += String(weekdays[weekday].prefix(3))
            case "l": out += weekdays[weekday]
            case "N": out += "\(weekday == 0 ? 7 : weekday)"
            case "w": out += "\(weekday)"
            case "S": out += d % 10 == 1 && d != 11 ? "st" : d % 10 == 2 && d != 12 ? "nd" : d % 10 == 3 && d != 13 ? "rd" : "th"
            case "F": out += months[max(0, min(11, m - 1))]
            case "M": out += String(months[max(0, min(11, m - 1))].prefix(3))
            case "m": out += pad(m)
            case "n": out += "\(m)"
            case "Y": out += "\(y)"
            case "y": out += pad(y % 100)
            case "a": out += h < 12 ? "am" : "pm"
            case "A": out += h < 12 ? "AM" : "PM"
            case "g": out += "\(h % 12 == 0 ? 12 : h % 12)"
            case "G": out += "\(h)"
            case "h": out += pad(h % 12 == 0 ? 12 : h % 12)
            case "H": out += pad(h)
            case "i": out += pad(i)
            case "s": out += pad(s)
            default: out.append(c)
            }
        }
        return out
    }

    /// 0 for Sunday (Sakamoto's method).
    static func dayOfWeek(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let year = m < 3 ? y - 1 : y
        return (year + year / 4 - year / 100 + year / 400 + t[max(0, min(11, m - 1))] + d) % 7
    }
}
