/// Small number formatting without `String(format:)`, which is slow on hot paths.
public enum Digits {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lower-case hexadecimal, two digits a byte.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A non-negative number padded with zeros to `width` digits (`%0Nd`).
    public static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        let count = s.utf8.count
        return count >= width ? s : String(repeating: "0", count: width - count) + s
    }
}
