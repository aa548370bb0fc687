import Foundation
import QuireREST
import QuireStore
import QuireWPV2

/// Imports a WordPress export (WXR 1.0–1.2) into the site, as WordPress's importer does:
/// authors, terms with their hierarchy, posts of every known type with their terms, meta and
/// comments (threads kept), attachments (their files copied from a local uploads folder and
/// their sizes made), sticky posts and menus.
///
/// - Each post keeps its id when the site has no post with that id; otherwise it gets a new
///   one. Parents, featured images, comment parents, term parents and menu items are remapped.
/// - Running it again changes nothing: a post is matched by its GUID (then by slug and date),
///   a term by its slug, a user by login, a comment by author and date.
/// - The whole import is one transaction: a malformed file, or any failure, leaves the site as
///   it was, and the files copied so far are removed.
///
/// ```swift
/// let summary = try await WXRImport(store: store, types: types, library: library).run(file: url) { print($0) }
/// ```
public struct WXRImport: Sendable {
    /// How the file's authors become users.
    public enum Authors: String, Sendable, CaseIterable {
        /// An author whose login the site has is that user; any other is created (with the
        /// site's default role and a random password).
        case create
        /// Authors are matched to existing users by login, then by email; an author with no
        /// match is attributed to the site's first administrator.
        case map
    }

    public let store: SQLContentStore
    public let types: ContentTypes
    /// Where the site keeps its uploads, and how it makes image sizes.
    public let library: MediaLibrary
    /// The old site's uploads folder (`wp-content/uploads`), to copy attachments' files from.
    public var uploadsSource: URL?
    public var authors: Authors = .create
    /// The site's URL, for the GUIDs and links of copied files.
    public var siteURL: String

    /// Taxonomies imported beside the registered ones (menus are kept for the menu routes).
    static let keptTaxonomies: Set<String> = ["nav_menu"]
    static let keptTypes: Set<String> = ["nav_menu_item"]

    public init(store: SQLContentStore, types: ContentTypes, library: MediaLibrary, siteURL: String,
                uploadsSource: URL? = nil, authors: Authors = .create) {
        (self.store, self.types, self.library, self.siteURL, self.uploadsSource, self.authors) =
            (store, types, library, siteURL, uploadsSource, authors)
    }

    /// Imports the file; `progress` is told after each item. Throws `WXRReadError` for a file
    /// that is not a well-formed export, with nothing imported.
    public func run(file: URL, progress: @escaping @Sendable (WXRImportSummary) -> Void = { _ in }) async throws -> WXRImportSummary {
        let copied = FileLedger()
        do {
            return try await store.provider.write { _ in
                var state = try await ImportState(importer: self, copied: copied)
                for try await record in WXRReader(file: file).records() {
                    try await state.take(record)
                    if case .item = record { progress(state.summary) }
                }
                try await state.finish()
                return state.summary
            }
        } catch {
            copied.removeAll()
            throw error
        }
    }
}

/// What an import did, by kind.
public struct WXRImportSummary: Sendable, Equatable, CustomStringConvertible {
    public var items = 0
    public var usersCreated = 0
    public var usersMatched = 0
    public var termsCreated = 0
    public var termsExisting = 0
    public var postsCreated: [String: Int] = [:]
    public var postsExisting = 0
    public var commentsCreated = 0
    public var commentsExisting = 0
    public var filesCopied = 0
    /// Items not imported, each with its reason.
    public var skipped: [String] = []

    public var description: String {
        let posts = postsCreated.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var lines = [
            "Imported \(items) items: \(posts.isEmpty ? "nothing new" : posts)\(postsExisting > 0 ? "; \(postsExisting) already there" : "").",
            "Users: \(usersCreated) created, \(usersMatched) matched. Terms: \(termsCreated) created, \(termsExisting) already there.",
            "Comments: \(commentsCreated) created, \(commentsExisting) already there. Files copied: \(filesCopied).",
        ]
        if !skipped.isEmpty {
            lines.append("Skipped \(skipped.count):")
            lines += skipped.prefix(50).map { "  \($0)" }
            if skipped.count > 50 { lines.append("  … and \(skipped.count - 50) more") }
        }
        return lines.joined(separator: "\n")
    }
}

/// The files an import has written, removed again if it fails.
final class FileLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [URL] = []
    func add(_ url: URL) { lock.lock(); files.append(url); lock.unlock() }
    func removeAll() {
        lock.lock()
        for f in files { try? FileManager.default.removeItem(at: f) }
        files.removeAll()
        lock.unlock()
    }
}
