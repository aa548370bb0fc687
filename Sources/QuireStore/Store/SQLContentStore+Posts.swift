import Foundation
import QuireValues
import SQLKit
import Synchronization

extension SQLContentStore {
    static let postColumns: SQLQueryString = "\(unsafeRaw: postColumnNames.joined(separator: ", "))"

    /// The names of ``postColumns``, in their order.
    static let postColumnNames = ["id", "author", "date", "date_gmt", "content", "title", "excerpt", "status", "comment_status",
                                  "ping_status", "password", "slug", "modified", "modified_gmt", "parent", "guid", "menu_order",
                                  "type", "mime_type", "comment_count", "format", "sticky", "template"]

    static func post(_ r: any SQLRow) throws -> Post {
        if let row = r as? SQLiteResultRow, let post = post(positionally: row) { return post }
        return Post(id: try r.int("id"), author: try r.int("author"), date: try r.string("date"), dateGMT: try r.string("date_gmt"),
             content: try r.string("content"), title: try r.string("title"), excerpt: try r.string("excerpt"),
             status: PostStatus(try r.string("status")), commentStatus: try r.string("comment_status"),
             pingStatus: try r.string("ping_status"), password: try r.string("password"), slug: try r.string("slug"),
             modified: try r.string("modified"), modifiedGMT: try r.string("modified_gmt"), parent: try r.int("parent"),
             guid: try r.string("guid"), menuOrder: try r.int("menu_order"), type: try r.string("type"),
             mimeType: try r.string("mime_type"), commentCount: try r.int("comment_count"), format: try r.string("format"),
             sticky: try r.int("sticky") != 0, template: try r.string("template"))
    }

    /// A SQLite row of exactly ``postColumns`` read by position, without looking each column up
    /// by name; nil when the row holds other columns or a value of another type.
    private static func post(positionally row: SQLiteResultRow) -> Post? {
        let v = row.values
        guard v.count == postColumnNames.count, row.columns.names == postColumnNames else { return nil }
        func text(_ i: Int) -> String? { if case .text(let s) = v[i] { return s } else { return nil } }
        func int(_ i: Int) -> Int? { if case .integer(let n) = v[i] { return n } else { return nil } }
        guard let id = int(0), let author = int(1), let date = text(2), let dateGMT = text(3), let content = text(4),
              let title = text(5), let excerpt = text(6), let status = text(7), let commentStatus = text(8),
              let pingStatus = text(9), let password = text(10), let slug = text(11), let modified = text(12),
              let modifiedGMT = text(13), let parent = int(14), let guid = text(15), let menuOrder = int(16),
              let type = text(17), let mimeType = text(18), let commentCount = int(19), let format = text(20),
              let sticky = int(21), let template = text(22) else { return nil }
        return Post(id: id, author: author, date: date, dateGMT: dateGMT, content: content, title: title, excerpt: excerpt,
                    status: PostStatus(status), commentStatus: commentStatus, pingStatus: pingStatus, password: password,
                    slug: slug, modified: modified, modifiedGMT: modifiedGMT, parent: parent, guid: guid, menuOrder: menuOrder,
                    type: type, mimeType: mimeType, commentCount: commentCount, format: format, sticky: sticky != 0,
                    template: template)
    }

    public func post(id: Int) async throws -> Post? {
        let memo = provider.snapshotMemo, key = Self.memoKey(post: id)
        if let memo, let kept = memo.value(key, as: Post?.self) { return kept }
        let post = try await provider.read { db in
            try await db.raw("SELECT \(Self.postColumns) FROM posts WHERE id = \(bind: id)").first().map(Self.post)
        }
        memo?.keep(post, for: key)
        return post
    }

    public func posts(ids: [Int]) async throws -> [Post] {
        guard !ids.isEmpty else { return [] }
        return try await rows(of: "posts", columns: Self.postColumns, where: .inList("id", ids), Self.post)
    }

    /// The SQL conditions of a query. With `fullText`, each searched word of three characters or
    /// more is looked up in the trigram index (`posts_search`), which matches it anywhere in a
    /// title, excerpt or content regardless of case and accents, as WordPress's `LIKE` under
    /// MySQL's Unicode collation does ("aeiou" finds "àéîõü"). Shorter words, and words more
    /// than `commonWordPosts` posts hold, use SQLite's `LIKE` (ASCII case folded, accents kept).
    ///
    /// A filter by terms in `walkedFilters` is written as a check made on each post read, so a
    /// list by date reads its page along the date index and stops there; otherwise the term's
    /// posts are all read and sorted, which suits a term few posts have.
    /// `terms`, when given, are searched instead of the words of `q.search`.
    static func conditions(_ q: PostQuery, fullText: Bool = false, commonWords: Set<String> = [], walkedFilters: Set<Int> = [],
                           terms: [SearchTerms.Term]? = nil) -> SQLQueryString {
        var c: [SQLQueryString] = [.inList("type", q.types)]
        var statusClause: SQLQueryString = .inList("status", q.statuses.map(\.rawValue))
        if let own = q.authorOnlyStatuses, !own.statuses.isEmpty {
            statusClause = "(" + statusClause + " OR (author = \(bind: own.author) AND " + .inList("status", own.statuses.map(\.rawValue)) + "))"
        }
        c.append(statusClause)
        c.restrict("id", to: q.include, excluding: q.exclude)
        c.restrict("author", to: q.authors, excluding: q.authorExclude)
        c.restrict("parent", to: q.parents, excluding: q.parentExclude)
        if !q.slugs.isEmpty { c.append(.inList("slug", q.slugs)) }
        if let v = q.after { c.append("date > \(bind: v)") }
        if let v = q.before { c.append("date < \(bind: v)") }
        if let v = q.modifiedAfter { c.append("modified > \(bind: v)") }
        if let v = q.modifiedBefore { c.append("modified < \(bind: v)") }
        if let s = q.sticky { c.append("sticky = \(bind: s ? 1 : 0)") }
        if let m = q.menuOrder { c.append("menu_order = \(bind: m)") }
        if !q.mimeTypes.isEmpty {
            let each: [SQLQueryString] = q.mimeTypes.map { mime in
                if mime.contains("/") { return "mime_type = \(bind: mime)" }
                let prefix = mime + "/"
                return "substr(mime_type, 1, \(unsafeRaw: String(prefix.count))) = \(bind: prefix)"
            }
            c.append("(" + each.joined(separator: " OR ") + ")")
        }
        if let s = q.search, s.contains(where: { $0 != " " }) {
            for term in terms ?? SearchTerms.parse(s) {
                let word = term.text
                guard let like = SQLLike.containing(word) else { c.append(term.excluded ? "1 = 1" : "1 = 0"); continue }
                let matches: SQLQueryString
                // A word that many posts hold is matched with LIKE along the posts read anyway:
                // checking the trigram index's every posting for it costs more than reading them.
                if Self.findsInIndex(word, fullText: fullText, commonWords: commonWords) {
                    matches = Self.indexMatch(word)
                } else {
                    matches = "(\(SQLLike.Folded("title", like)) OR \(SQLLike.Folded("excerpt", like)) OR \(SQLLike.Folded("content", like)))"
                }
                if q.searchesAttachedFiles, !term.excluded, let file = SQLLike.containing(Self.storedText(word)) {
                    c.append("(" + matches + " OR id IN (SELECT post_id FROM postmeta WHERE meta_key = '_wp_attached_file' AND "
                        + "\(SQLLike.Folded("meta_value", file))))")
                    continue
                }
                c.append(term.excluded ? "NOT " + matches : matches)
            }
            if q.searchSkipsProtected { c.append("password = ''") }
        }
        var tax: [SQLQueryString] = []
        for (i, f) in q.taxQuery.enumerated() {
            let inTerms: SQLQueryString = "SELECT object_id FROM term_relationships WHERE " + .inList("term_id", f.terms)
            switch f.op {
            case "NOT IN": tax.append("id NOT IN (" + inTerms + ")")
            case "AND":
                tax.append("id IN (SELECT object_id FROM term_relationships WHERE " + .inList("term_id", f.terms)
                    + " GROUP BY object_id HAVING COUNT(DISTINCT term_id) = \(bind: f.terms.count))")
            default:
                if walkedFilters.contains(i) {
                    tax.append("EXISTS (SELECT 1 FROM term_relationships tr WHERE tr.object_id = posts.id AND " + .inList("tr.term_id", f.terms) + ")")
                } else {
                    tax.append("id IN (" + inTerms + ")")
                }
            }
        }
        if !tax.isEmpty {
            c.append("(" + tax.joined(separator: q.taxRelation == "OR" ? " OR " : " AND ") + ")")
        }
        return c.joined(separator: " AND ")
    }

    /// Whether a searched word is looked up in the trigram index rather than matched with `LIKE`.
    static func findsInIndex(_ word: String, fullText: Bool, commonWords: Set<String>) -> Bool {
        fullText && word.unicodeScalars.count >= 3 && !commonWords.contains(word)
    }

    /// The posts whose title, excerpt or content holds `word`, by the trigram index.
    static func indexMatch(_ word: String) -> SQLQueryString {
        "id IN (SELECT rowid FROM posts_search WHERE posts_search MATCH \(bind: indexPhrase(word)))"
    }

    /// `word` as one phrase of the index's query language.
    static func indexPhrase(_ word: String) -> String {
        "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text as a stored meta value holds it: inside a JSON string, with JSON's escapes.
    static func storedText(_ text: String) -> String {
        String(encode(.string(text)).dropFirst().dropLast())
    }

    /// Whether a query filters only by its types and statuses, so the kept counts answer its
    /// total (any other filter, a plugin's included, is held in the query and would add to the SQL).
    static func filtersOnlyByTypeAndStatus(_ q: PostQuery) -> Bool {
        var plain = PostQuery()
        plain.types = q.types
        plain.statuses = q.statuses
        // These act only on a search, and the relation only between term filters.
        plain.searchSkipsProtected = q.searchSkipsProtected
        plain.searchesAttachedFiles = q.searchesAttachedFiles
        if q.taxQuery.isEmpty { plain.taxRelation = q.taxRelation }
        return plain.filters == q.filters
    }

    static func ordering(_ q: PostQuery) -> SQLQueryString {
        let dir = q.ascending ? "ASC" : "DESC"
        switch q.orderBy {
        case "include" where !q.include.isEmpty:
            let cases = q.include.enumerated().map { "WHEN \($0.element) THEN \($0.offset)" }.joined(separator: " ")
            return "CASE id \(unsafeRaw: cases) ELSE \(unsafeRaw: String(q.include.count)) END ASC"
        case "include_slugs" where !q.slugs.isEmpty:
            var s: SQLQueryString = "CASE slug"
            for (i, slug) in q.slugs.enumerated() { s += " WHEN \(bind: slug) THEN \(unsafeRaw: String(i))" }
            return s + " ELSE \(unsafeRaw: String(q.slugs.count)) END ASC"
        case "relevance" where q.search != nil:
            let like = "%" + SQLLike.escape(String((q.search ?? "").utf8.prefix(SQLLike.maxTermLength)) ?? "") + "%"
            return "CASE WHEN \(SQLLike.Folded("title", like)) THEN 0 ELSE 1 END ASC, date_gmt DESC, id DESC"
        default: break
        }
        let column: String
        switch q.orderBy {
        case "id", "include": column = "id"
        case "author": column = "author"
        case "modified": column = "modified"
        case "parent": column = "parent"
        case "slug", "include_slugs": column = "lower(slug)"
        case "title": column = "lower(title)"
        case "menu_order": column = "menu_order"
        default: column = "date"
        }
        if column == "id" { return "id \(unsafeRaw: dir)" }
        // Ties come in the order MySQL gives WordPress: along its (type, status, date, id) index when
        // one type is listed by date, otherwise in id order.
        if column == "date" && q.types.count == 1 {
            return "\(unsafeRaw: column) \(unsafeRaw: dir), id \(unsafeRaw: dir)"
        }
        return "\(unsafeRaw: column) \(unsafeRaw: dir), id ASC"
    }

    /// The searched words that more than `commonWordPosts` posts hold, judged by their rarest
    /// trigram (folded roughly as the index folds it; the guess only chooses the plan). Each
    /// word's judgement is kept until the database changes: reading a common trigram's
    /// postings costs milliseconds.
    func commonSearchWords(_ q: PostQuery, token: Int?, in db: any SQLDatabase) async throws -> Set<String> {
        guard let s = q.search else { return [] }
        var common: Set<String> = []
        for term in SearchTerms.parse(s) where term.text.unicodeScalars.count >= 3 && term.text.utf8.count <= 200 {
            if let kept = keptCommonWords.value(for: term.text, token: token) {
                if kept { common.insert(term.text) }
                continue
            }
            let folded = Array(term.text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased())
            guard folded.count >= 3 else { continue }
            let trigrams = Set((0...(folded.count - 3)).map { String(folded[$0..<$0 + 3]) })
            // A trigram no post holds makes the word rare, whatever the others say.
            let row = try await db.raw("SELECT COUNT(*) AS k, MIN(doc) AS n FROM posts_search_terms WHERE " + .inList("term", Array(trigrams))).first()
            let isCommon = try row?.optionalInt("k") == trigrams.count && (try row?.optionalInt("n") ?? 0) > Self.commonWordPosts
            if isCommon { common.insert(term.text) }
            keptCommonWords.keep(isCommon, for: term.text, token: token)
        }
        return common
    }

    static let commonWordPosts = 2000

    /// The term filters (by position) better checked post by post along the date index than
    /// read in full: when the page is found after reading about `(offset + limit) × posts ÷
    /// term's posts` index entries, and that is fewer than the term's posts. Only a list of one
    /// type and one status, by date and joined by AND, is read along that index.
    static func walkedFilters(_ q: PostQuery, in db: any SQLDatabase) async throws -> Set<Int> {
        guard !q.taxQuery.isEmpty, q.types.count == 1, q.statuses.count == 1, q.authorOnlyStatuses == nil,
              q.orderBy == "date", q.taxRelation == "AND" || q.taxQuery.count == 1 else { return [] }
        let listed = try await db.raw("SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM post_counts WHERE " + .inList("type", q.types)
            + " AND " + .inList("status", q.statuses.map(\.rawValue))).first()?.int("n") ?? 0
        var walked: Set<Int> = []
        for (i, f) in q.taxQuery.enumerated() where f.op != "NOT IN" && f.op != "AND" && !f.terms.isEmpty {
            let termPosts = try await db.raw("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) AS n FROM terms WHERE " + .inList("id", f.terms)).first()?.int("n") ?? 0
            // Saturating: an offset near the top of the integer range is a valid request.
            let toRead = q.offset.addingReportingOverflow(q.limit)
            let entries = toRead.partialValue.multipliedReportingOverflow(by: listed)
            let squared = termPosts.multipliedReportingOverflow(by: termPosts)
            let readAlongIndex = toRead.overflow || entries.overflow ? Int.max : entries.partialValue
            if squared.overflow || squared.partialValue > readAlongIndex { walked.insert(i) }
        }
        return walked
    }

    public func posts(_ q: PostQuery) async throws -> (posts: [Post], total: Int) {
        let fullText = provider.dialectName == "sqlite"
        let order = Self.ordering(q)
        let limit = q.limit, offset = q.offset
        let token = provider.changeToken()
        let filters = q.filters
        let keptTotal = keptPostTotals.value(for: filters, token: token)
        let result: (posts: [Post], total: Int) = try await provider.read { db in
            let common = fullText ? try await self.commonSearchWords(q, token: token, in: db) : []
            let walked = try await Self.walkedFilters(q, in: db)
            // The page may be found along the date index; a count reads every match either way,
            // and is cheapest driven by the term's own posts.
            let whereClause = Self.conditions(q, fullText: fullText, commonWords: common)
            let pageClause = walked.isEmpty ? whereClause : Self.conditions(q, fullText: fullText, commonWords: common, walkedFilters: walked)
            let rows = try await db.raw("SELECT \(Self.postColumns) FROM posts WHERE " + pageClause
                + " ORDER BY " + order + " LIMIT \(bind: limit) OFFSET \(bind: offset)").all()
            let posts = try rows.map(Self.post)
            let total: Int
            if offset == 0 && posts.count < limit {
                total = posts.count
            } else if let keptTotal {
                total = keptTotal
            } else if fullText, let counted = try await self.totalLeavingOut(q, common: common, token: token, in: db) {
                total = counted
            } else if Self.filtersOnlyByTypeAndStatus(q) {
                total = try await db.raw("SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM post_counts WHERE " + .inList("type", q.types)
                    + " AND " + .inList("status", q.statuses.map(\.rawValue))).first()?.int("n") ?? 0
            } else {
                total = try await db.raw("SELECT COUNT(*) AS n FROM posts WHERE " + whereClause).first()?.int("n") ?? 0
            }
            return (posts, total)
        }
        if keptTotal == nil { keptPostTotals.keep(result.total, for: filters, token: token) }
        // The page's posts, read in this snapshot, answer its later reads of one of them (an
        // embedded term list or reply list first checks its post).
        if let memo = provider.snapshotMemo {
            for post in result.posts { memo.keep(Optional(post), for: Self.memoKey(post: post.id)) }
        }
        return result
    }

    static func memoKey(post id: Int) -> String { "post:\(id)" }

    /// The total of a search with excluded words that the trigram index finds, counted as the
    /// posts the search finds without them (kept until the database changes) less those of
    /// them that hold an excluded word: only the few posts holding that word are read, however
    /// many the search finds. Nil when a search has no such words, or some excluded word is
    /// matched with `LIKE`.
    func totalLeavingOut(_ q: PostQuery, common: Set<String>, token: Int?, in db: any SQLDatabase) async throws -> Int? {
        guard let s = q.search, s.contains(where: { $0 != " " }) else { return nil }
        let terms = SearchTerms.parse(s)
        let excluded = terms.filter(\.excluded).map(\.text)
        guard !excluded.isEmpty, excluded.allSatisfy({ SQLLike.containing($0) != nil && Self.findsInIndex($0, fullText: true, commonWords: common) })
        else { return nil }
        let included = terms.filter { !$0.excluded }
        let searched = Self.conditions(q, fullText: true, commonWords: common, terms: included)
        var filters = q.filters
        filters.search = nil
        let key = IncludedSearch(filters: filters, included: included)
        let all: Int
        if let kept = keptIncludedTotals.value(for: key, token: token) {
            all = kept
        } else {
            all = try await db.raw("SELECT COUNT(*) AS n FROM posts WHERE " + searched).first()?.int("n") ?? 0
            keptIncludedTotals.keep(all, for: key, token: token)
        }
        // Driven by the index's few matches (CROSS JOIN keeps them the outer loop), each post
        // then checked against the search.
        let holding: SQLQueryString = excluded.map { word -> SQLQueryString in
            "SELECT rowid AS matched FROM posts_search WHERE posts_search MATCH \(bind: Self.indexPhrase(word))"
        }.joined(separator: " UNION ")
        let left = try await db.raw("SELECT COUNT(*) AS n FROM (" + holding + ") AS holding CROSS JOIN posts ON posts.id = holding.matched WHERE "
            + searched).first()?.int("n") ?? 0
        return all - left
    }

    public func revisionStats(postIDs: [Int]) async throws -> [Int: (count: Int, latest: Int)] {
        guard !postIDs.isEmpty else { return [:] }
        return try await provider.read { db in
            var out: [Int: (count: Int, latest: Int)] = [:]
            // Autosaves are revisions too: WordPress counts them in the history.
            let rows = try await db.raw("SELECT parent, COUNT(*) AS n, MAX(id) AS latest FROM posts WHERE type = 'revision' AND "
                + .inList("parent", postIDs) + " GROUP BY parent").all()
            for r in rows { out[try r.int("parent")] = (try r.int("n"), try r.int("latest")) }
            return out
        }
    }

    public func publishedDates(type: String) async throws -> [String] {
        try await provider.read { db in
            try await db.raw("SELECT date FROM posts WHERE type = \(bind: type) AND status = 'publish' ORDER BY date DESC").all().map { try $0.string("date") }
        }
    }

    public func uniqueSlug(_ slug: String, types: [String]?, excluding id: Int, parent: Int?, baseTaken: Bool) async throws -> String {
        try await provider.read { db in
            // "slug" itself and every "slug-…" lie in one range of the slug index ("." follows "-");
            // a LIKE would read every post. Rows are read as they come, keeping only which
            // numbers are taken: the first free one is at most one more than their count.
            var q: SQLQueryString = """
                SELECT slug FROM posts WHERE slug >= \(bind: slug) AND slug < \(bind: slug + ".") AND id <> \(bind: id)
                """
            if let types { q += " AND " + .inList("type", types) }
            if let parent { q += " AND parent = \(bind: parent)" }
            var numbers = SlugNumbers(base: slug)
            if baseTaken { numbers.note(slug) }
            let taken = Mutex(numbers)
            try await db.raw(q).run { row in
                guard let other = try? row.string("slug") else { return }
                taken.withLock { $0.note(other) }
            }
            return taken.withLock { $0.firstFree }
        }
    }

    public func postMeta(postIDs: [Int]) async throws -> [Int: [String: JSON]] {
        guard !postIDs.isEmpty else { return [:] }
        return try await provider.read { db in
            var out: [Int: [String: JSON]] = [:]
            for row in try await db.raw("SELECT post_id, meta_key, meta_value FROM postmeta WHERE " + .inList("post_id", postIDs) + " ORDER BY id").all() {
                out[try row.int("post_id"), default: [:]][try row.string("meta_key")] = Self.decode(try row.string("meta_value"))
            }
            return out
        }
    }
}

/// A search's filters with only the words it looks for, not those it leaves out: what a kept
/// total of ``SQLContentStore/totalLeavingOut(_:common:token:in:)`` is found by.
struct IncludedSearch: Hashable, Sendable {
    var filters: PostQuery
    var included: [SearchTerms.Term]
}
