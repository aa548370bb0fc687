/// A search string split as WordPress splits it (`WP_Query::parse_search`): words separated
/// by spaces, tabs, commas, plus signs or quotes; a quoted phrase kept whole; single letters,
/// lone dashes and stopwords dropped; a leading `-` excluding a word. A string with no word
/// left, or with more than nine, is searched as one phrase.
///
/// ```swift
/// SearchTerms.parse(#"swift "rest api" -draft the"#)
/// // [("swift", false), ("rest api", false), ("draft", true)]
/// ```
public enum SearchTerms {
    public struct Term: Hashable, Sendable {
        public var text: String
        /// Posts containing it are left out.
        public var excluded: Bool
    }

    /// WordPress's English stopwords.
    static let stopwords: Set<String> = [
        "about", "an", "are", "as", "at", "be", "by", "com", "for", "from", "how", "in", "is", "it", "of", "on", "or",
        "that", "the", "this", "to", "was", "what", "when", "where", "who", "will", "with", "www",
    ]

    static func isSeparator(_ c: Character) -> Bool { c == "\t" || c == " " || c == "\"" || c == "," || c == "+" }

    /// The raw pieces: quoted phrases (with their quotes) and runs of other characters.
    static func pieces(_ s: String) -> [String] {
        let chars = Array(s)
        var out: [String] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "\"" {
                var j = i + 1
                while j < chars.count && chars[j] != "\"" { j += 1 }
                let end = min(j + 1, chars.count)
                out.append(String(chars[i..<end]))
                i = end
            } else if !isSeparator(chars[i]) && (i == 0 || isSeparator(chars[i - 1])) {
                var j = i
                while j < chars.count && !isSeparator(chars[j]) { j += 1 }
                out.append(String(chars[i..<j]))
                i = j
            } else {
                i += 1
            }
        }
        return out
    }

    public static func parse(_ search: String) -> [Term] {
        let s = search.filter { $0 != "\r" && $0 != "\n" && $0 != "\r\n" }
        var words: [String] = []
        for piece in pieces(s) {
            let quoted = piece.count >= 3 && piece.hasPrefix("\"") && piece.hasSuffix("\"")
            let term = trim(piece, quoted ? ["\"", "'"] : ["\"", "'", " "])
            if term.isEmpty { continue }
            if term.utf8.count == 1, let c = term.unicodeScalars.first, c == "-" || (c.isASCII && c.properties.isAlphabetic) { continue }
            if stopwords.contains(term.lowercased()) { continue }
            words.append(term)
        }
        if words.isEmpty || words.count > 9 { words = [s] }
        return words.map { w in
            w.hasPrefix("-") ? Term(text: String(w.dropFirst()), excluded: true) : Term(text: w, excluded: false)
        }
    }

    static func trim(_ s: String, _ characters: Set<Character>) -> String {
        var t = Substring(s)
        while let f = t.first, characters.contains(f) { t.removeFirst() }
        while let l = t.last, characters.contains(l) { t.removeLast() }
        return String(t)
    }
}
