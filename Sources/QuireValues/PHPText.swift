import Foundation

/// Text rules of PHP's and WordPress's that the REST core and the store both apply: PHP's
/// `trim()` and `wp_strip_all_tags()`.
///
///     PHPText.stripAllTags("<p>Hello <script>x()</script>world</p> ")   // "Hello world"
public enum PHPText {
    /// PHP's `trim()` default set.
    public static func phpTrim(_ s: String) -> String {
        trim(s) { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\0" || $0 == "\u{0B}" }
    }

    /// The text without the leading and trailing scalars `drop` answers true for.
    public static func trim(_ s: String, where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return String(s[first..<scalars.index(after: last)])
    }

    /// `wp_strip_all_tags()`: drops script and style elements with their content, then every tag
    /// (from "<" to the next ">", or to the end when none follows). A tag whose name is in
    /// `breaking` leaves a line break, so the words on either side stay apart. A byte scan:
    /// this runs on the content of every post in a list.
    public static func stripAllTags(_ s: String, breaking: Set<String> = []) -> String {
        guard s.utf8.contains(0x3C) else { return phpTrim(s) }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            guard b[i] == 0x3C else { out.append(b[i]); i += 1; continue }
            if let end = endOfRawTextElement(b, at: i) { i = end; continue }
            guard let close = b[(i + 1)...].firstIndex(of: 0x3E) else { break }
            if !breaking.isEmpty, breaking.contains(tagName(b, from: i + 1)) { out.append(0x0A) }
            i = close + 1
        }
        return phpTrim(String(decoding: out, as: UTF8.self))
    }

    /// The lower-cased name of the tag whose text starts at `start` (after "<"), skipping a "/".
    private static func tagName(_ b: [UInt8], from start: Int) -> String {
        var k = start
        if k < b.count, b[k] == 0x2F { k += 1 }
        var name: [UInt8] = []
        while k < b.count, isWordByte(b[k]) { name.append(ByteText.lowered(b[k])); k += 1 }
        return String(decoding: name, as: UTF8.self)
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    /// For `<script ...>...</script>` or `<style ...>...</style>` (any case) at `i`: the index just
    /// past the closing tag. Nil when `i` opens neither or the element is never closed.
    private static func endOfRawTextElement(_ b: [UInt8], at i: Int) -> Int? {
        for name in [Array("script".utf8), Array("style".utf8)]
        where ByteText.matches(name, in: b, at: i + 1, ignoringASCIICase: true) {
            guard let openEnd = b[(i + 1 + name.count)...].firstIndex(of: 0x3E) else { return nil }
            let close = [0x3C, 0x2F] + name
            var from = openEnd + 1
            while let at = ByteText.firstOffset(of: close, in: b, from: from, ignoringASCIICase: true) {
                let after = at + close.count
                if after < b.count, b[after] == 0x3E { return after + 1 }
                from = at + 1
            }
            return nil
        }
        return nil
    }

}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs, as HTTP header values are read.
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
