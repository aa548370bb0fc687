import SQLKit

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

    /// Whether any of `columns` (from the store's fixed lists) holds `text`, ignoring case: the
    /// `search` of terms and comments. A term too long for any column matches nothing.
    ///
    ///     SQLLike.anyColumn(["name", "slug"], contains: "news")   // (name LIKE '%news%' ESCAPE '\' OR slug …)
    static func anyColumn(_ columns: [String], contains text: String) -> SQLQueryString {
        guard let like = containing(text) else { return "1 = 0" }
        let tests = columns.map { column -> SQLQueryString in "\(unsafeRaw: column) \(caseless) \(bind: like) ESCAPE '\\'" }
        return "(" + tests.joined(separator: " OR ") + ")"
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

    /// `LIKE` that ignores case, as MySQL's matches for WordPress and SQLite's does; on
    /// PostgreSQL, whose `LIKE` heeds case, it is `ILIKE`.
    static let caseless = CaselessLike()

    struct CaselessLike: SQLExpression {
        func serialize(to serializer: inout SQLSerializer) {
            serializer.write(serializer.dialect.name == "postgresql" ? "ILIKE" : "LIKE")
        }
    }

    /// `column LIKE pattern ESCAPE '\\'`, folding case and, on PostgreSQL, accents too (as
    /// MySQL's collation folds them for WordPress; on SQLite the trigram index folds accents
    /// for the words it serves). `column` comes from a fixed list.
    struct Folded: SQLExpression {
        let column: String
        let pattern: String
        init(_ column: String, _ pattern: String) {
            self.column = column
            self.pattern = pattern
        }

        func serialize(to serializer: inout SQLSerializer) {
            if serializer.dialect.name == "postgresql" {
                serializer.write("unaccent(\(column)) ILIKE unaccent(")
                serializer.write(bind: pattern)
                serializer.write(")")
            } else {
                serializer.write("\(column) LIKE ")
                serializer.write(bind: pattern)
            }
            serializer.write(" ESCAPE '\\'")
        }
    }
}
