import Foundation
import QuireREST

/// A block pattern the editor's inserter offers: named, titled, with its block markup.
/// Fields a pattern does not set stay nil and are left out of its REST answer.
public struct BlockPattern: Sendable, Equatable {
    public var name: String
    public var title: String
    public var description: String?
    public var viewportWidth: Int?
    public var blockTypes: [String]?
    public var postTypes: [String]?
    public var categories: [String]?
    public var keywords: [String]?
    public var content: String
    public var inserter: Bool?

    public init(name: String, title: String, description: String? = nil, viewportWidth: Int? = nil, blockTypes: [String]? = nil,
                postTypes: [String]? = nil, categories: [String]? = nil, keywords: [String]? = nil, content: String,
                inserter: Bool? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.viewportWidth = viewportWidth
        self.blockTypes = blockTypes
        self.postTypes = postTypes
        self.categories = categories
        self.keywords = keywords
        self.content = content
        self.inserter = inserter
    }
}

/// A category the inserter groups patterns under.
public struct BlockPatternCategory: Sendable, Equatable {
    public var name: String
    public var label: String
    public init(name: String, label: String) {
        self.name = name
        self.label = label
    }
}

/// The patterns and categories a site offers: WordPress's own (its categories, and the core
/// patterns in the package's `wp-includes/block-patterns/`), then the active theme's
/// `patterns/*.php`, the child theme's before its parent's. Patterns from wordpress.org's
/// directory are not fetched.
///
///     let library = BlockPatternLibrary(wordpress: URL(fileURLWithPath: "/usr/share/wordpress"), themes: themes)
///     library.patterns.map(\.name)   // ["core/query-standard-posts", …, "twentytwentythree/cta", …]
public struct BlockPatternLibrary: Sendable {
    public var patterns: [BlockPattern]
    public var categories: [BlockPatternCategory]

    public init(patterns: [BlockPattern] = [], categories: [BlockPatternCategory] = BlockPatternLibrary.coreCategories) {
        self.patterns = patterns
        self.categories = categories
    }

    /// WordPress's pattern categories (`_register_core_block_patterns_and_categories`).
    public static let coreCategories: [BlockPatternCategory] = [
        ("buttons", "Buttons"), ("columns", "Columns"), ("featured", "Featured"), ("footer", "Footers"),
        ("gallery", "Gallery"), ("header", "Headers"), ("text", "Text"), ("query", "Query"),
    ].map { BlockPatternCategory(name: $0.0, label: $0.1) }

    /// The core patterns WordPress registers, by file name, in its order.
    static let corePatternFiles = [
        "query-standard-posts", "query-medium-posts", "query-small-posts", "query-grid-posts",
        "query-large-title-posts", "query-offset-posts", "social-links-shared-background-color",
    ]

    /// The library of an installed WordPress (nil: none, only the core categories) and its themes.
    public init(wordpress root: URL?, themes: ThemeLibrary) {
        var patterns: [BlockPattern] = []
        if let root {
            let folder = root.appendingPathComponent("wp-includes/block-patterns")
            for file in Self.corePatternFiles {
                if let pattern = PatternFile.core(folder.appendingPathComponent(file + ".php"), name: "core/" + file) {
                    patterns.append(pattern)
                }
            }
        }
        for theme in themes.activeChain {
            for pattern in PatternFile.theme(folder: theme.folder.appendingPathComponent("patterns"))
            where !patterns.contains(where: { $0.name == pattern.name }) {
                patterns.append(pattern)
            }
        }
        self.init(patterns: patterns)
    }
}

/// Reading one pattern file.
enum PatternFile {
    /// Files larger than this are not read.
    static let maxSize = 256 * 1024

    static func read(_ file: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: file.path), data.count <= maxSize else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// A core pattern: a file returning its settings as an array.
    static func core(_ file: URL, name: String) -> BlockPattern? {
        guard let source = read(file), let settings = try? PHPPatternSource.render(source).returned,
              let title = settings["title"]?.string, let content = settings["content"]?.string else { return nil }
        func strings(_ key: String) -> [String]? { settings[key]?.list?.compactMap(\.string) }
        var viewportWidth: Int? = nil
        if case .int(let n)? = settings["viewportWidth"] { viewportWidth = n }
        var inserter: Bool? = nil
        if case .bool(let b)? = settings["inserter"] { inserter = b }
        return BlockPattern(name: name, title: title, description: settings["description"]?.string,
                            viewportWidth: viewportWidth, blockTypes: strings("blockTypes"), postTypes: strings("postTypes"),
                            categories: strings("categories"), keywords: strings("keywords"), content: content, inserter: inserter)
    }

    /// A theme's patterns: each `*.php` of `folder`, by file name, with its header comment
    /// (`Title`, `Slug`, `Categories`, …) and its printed output as content. A file without a
    /// slug, a title or content is left out, as WordPress leaves it out.
    static func theme(folder: URL) -> [BlockPattern] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".php") }.sorted()
        return names.prefix(500).compactMap { name in
            guard let source = read(folder.appendingPathComponent(name)) else { return nil }
            let parsed = InstalledTheme.parseHeader(String(source.utf8.prefix(8192)) ?? source)
            let header = Dictionary(parsed.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
            func field(_ key: String) -> String? { header[key.lowercased()].flatMap { $0.isEmpty ? nil : $0 } }
            func list(_ key: String) -> [String]? {
                field(key).map { $0.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init) }
            }
            guard let slug = field("Slug"), let title = field("Title"),
                  let content = try? PHPPatternSource.render(source).text, !content.isEmpty else { return nil }
            return BlockPattern(name: slug, title: title, description: header["description"] ?? "",
                                viewportWidth: field("Viewport Width").flatMap { Int($0.prefix { $0.isNumber }) }.flatMap { $0 == 0 ? nil : $0 },
                                blockTypes: list("Block Types"), postTypes: list("Post Types"), categories: list("Categories"),
                                keywords: list("Keywords"), content: content,
                                inserter: field("Inserter").map { ["yes", "true"].contains($0.lowercased()) })
        }
    }
}
