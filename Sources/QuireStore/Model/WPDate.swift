import Foundation
import QuireREST

/// Dates as WordPress stores them: `YYYY-MM-DD HH:MM:SS`, in site time and in GMT.
public enum WPDate {
    public static let zero = "0000-00-00 00:00:00"

    public static func now() -> Date { Date() }

    private static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// `Y-m-d H:i:s` of a moment, shifted by an offset in seconds.
    public static func format(_ date: Date, offset: Int = 0) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date.addingTimeInterval(TimeInterval(offset)))
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// The moment a stored `Y-m-d H:i:s` names, read as UTC.
    public static func parse(_ s: String) -> Date? {
        guard s != zero, let p = RFC3339Parts.parse(s) else { return nil }
        var dc = DateComponents()
        (dc.year, dc.month, dc.day, dc.hour, dc.minute, dc.second) = (p.0, p.1, p.2, p.3, p.4, p.5)
        return utc.date(from: dc)
    }

    /// A REST date (`2024-01-01T10:00:00`, offset ignored) in the stored form, or nil.
    public static func stored(fromREST text: String?) -> String? {
        guard let text, let p = RFC3339.parse(text) else { return nil }
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", p.year, p.month, p.day, p.hour, p.minute, p.second)
    }

    /// The REST form: `2024-01-01T10:00:00` (no offset), or null for the zero date.
    public static func rest(_ stored: String) -> String? {
        guard stored != zero, stored.count >= 19 else { return nil }
        return String(stored.prefix(10)) + "T" + String(stored.dropFirst(11).prefix(8))
    }

    /// `2026-11-26T07:48:27+00:00`, as `registered_date` shows.
    public static func iso8601(_ stored: String) -> String {
        (rest(stored) ?? "1970-01-01T00:00:00") + "+00:00"
    }
}

enum RFC3339Parts {
    static func parse(_ s: String) -> (Int, Int, Int, Int, Int, Int)? {
        let b = Array(s.utf8)
        guard b.count >= 19 else { return nil }
        func n(_ a: Int, _ l: Int) -> Int? {
            var v = 0
            for i in a..<a + l {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = n(0, 4), let mo = n(5, 2), let d = n(8, 2), let h = n(11, 2), let mi = n(14, 2), let se = n(17, 2) else { return nil }
        return (y, mo, d, h, mi, se)
    }
}
