import Foundation
import QuireValues

/// Dates as WordPress stores them: `YYYY-MM-DD HH:MM:SS`, in site time and in GMT.
public enum WPDate {
    public static let zero = "0000-00-00 00:00:00"

    /// The current moment, unless a task set one (`$fixedNow.withValue(date) { … }`, for
    /// answers that depend on the day, replayed on the day they were recorded).
    public static func now() -> Date { fixedNow ?? Date() }
    @TaskLocal public static var fixedNow: Date?

    private static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// `Y-m-d H:i:s` of a moment, shifted by an offset in seconds.
    public static func format(_ date: Date, offset: Int = 0) -> String {
        // Whole seconds since 1970, split into days and the time of day; the day number is
        // turned into a proleptic Gregorian date with integer arithmetic.
        let seconds = Int((date.timeIntervalSince1970 + Double(offset)).rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return stored(year, month, day, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// `YYYY-MM-DD HH:MM:SS` from its parts.
    static func stored(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> String {
        Digits.padded(year, 4) + "-" + Digits.padded(month, 2) + "-" + Digits.padded(day, 2) + " "
            + Digits.padded(hour, 2) + ":" + Digits.padded(minute, 2) + ":" + Digits.padded(second, 2)
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
        return stored(p.year, p.month, p.day, p.hour, p.minute, p.second)
    }

    /// The REST form: `2024-01-01T10:00:00` (no offset), or null for the zero date.
    public static func rest(_ stored: String) -> String? {
        guard stored != zero else { return nil }
        // A stored date is ASCII: its first 19 bytes are its first 19 characters.
        if stored.utf8.count >= 19, stored.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: 19) { out in
                for (i, b) in stored.utf8.prefix(19).enumerated() { out[i] = i == 10 ? UInt8(ascii: "T") : b }
                return 19
            }
        }
        guard stored.count >= 19 else { return nil }
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
