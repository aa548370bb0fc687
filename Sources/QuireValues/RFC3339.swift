/// Dates as the REST API accepts them: `YYYY-MM-DDTHH:MM:SS`, optional fraction and offset.
public enum RFC3339 {
    public struct Parts: Sendable, Equatable {
        public var year, month, day, hour, minute, second: Int
        /// Offset from UTC in seconds, when the text gave one.
        public var offset: Int?
    }

    public static func parse(_ s: String) -> Parts? {
        let b = Array(s.utf8)
        func num(_ at: Int, _ len: Int) -> Int? {
            guard at + len <= b.count else { return nil }
            var v = 0
            for i in at..<at + len {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 19, let y = num(0, 4), b[4] == UInt8(ascii: "-"), let mo = num(5, 2), b[7] == UInt8(ascii: "-"),
              let d = num(8, 2), [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[10]),
              let h = num(11, 2), b[13] == UInt8(ascii: ":"), let mi = num(14, 2), b[16] == UInt8(ascii: ":"),
              let sec = num(17, 2) else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
            if i == start { return nil }
        }
        var offset: Int? = nil
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") {
                offset = 0
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                guard let oh = num(i + 1, 2) else { return nil }
                i += 3
                var om = 0
                if i < b.count, b[i] == UInt8(ascii: ":") {
                    guard let m = num(i + 1, 2) else { return nil }
                    om = m
                    i += 3
                }
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        guard i == b.count else { return nil }
        guard (1...12).contains(mo), (1...31).contains(d), h <= 24, mi <= 59, sec <= 60 else { return nil }
        return Parts(year: y, month: mo, day: d, hour: h, minute: mi, second: sec, offset: offset)
    }
}
