import Foundation
import QuireStore
import Testing

@Suite struct WPDateTests {
    /// The stored form of a moment agrees with Foundation's calendar, across leap days,
    /// century years, the epoch, dates before it, and offsets in both directions.
    @Test func formatAgreesWithTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let moments: [Double] = [0, -1, -86_400, 951_782_400, 951_868_799, 4_107_542_400, 1_700_000_000.75,
                                 -2_208_988_800, 253_402_300_799] + (0..<400).map { Double($0) * 7_777_777 - 1_000_000_000 }
        for t in moments {
            for offset in [0, 3600, -19_800] {
                let date = Date(timeIntervalSince1970: t)
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                                from: date.addingTimeInterval(TimeInterval(offset)))
                let expected = String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
                #expect(WPDate.format(date, offset: offset) == expected, "at \(t) + \(offset)")
            }
        }
    }
}
