/// Text matched with SQL `LIKE … ESCAPE '\\'`: its own `%`, `_` and `\\` match only themselves,
/// as WordPress's `esc_like` makes them.
///
///     SQLLike.escape("100%_done")   // "100\\%\\_done"
enum SQLLike {
    /// The longest search term looked for (SQLite refuses patterns past 50,000 bytes).
    static let maxTermLength = 10_000

    /// `%text%`, escaped: matches the text anywhere. Nil for a term longer than any stored text
    /// could hold, which matches nothing (and would pass the database's limit on patterns).
    static func containing(_ text: String) -> String? {
        text.utf8.count > maxTermLength ? nil : "%" + escape(text) + "%"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
