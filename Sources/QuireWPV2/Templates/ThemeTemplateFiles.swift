import Foundation
import QuireREST

/// The template files of the active block theme and of its parent: `templates/*.html` and
/// `parts/*.html` (or the folders' names before WordPress 5.9), titled, placed and offered to
/// post types by the theme's `theme.json` (`customTemplates`, `templateParts`). Files are
/// taken in the order their folder lists them, as WordPress takes them; a child theme's file
/// hides its parent's.
struct ThemeTemplateFiles: Sendable {
    struct File: Sendable {
        var slug: String
        var path: URL
        /// The theme whose folder holds it.
        var theme: String
        var title: String?
        var area: String?
        var postTypes: [String]?
    }

    /// The active theme's name (`get_stylesheet`); templates are stored under it.
    let stylesheet: String
    let chain: [InstalledTheme]

    static let maxFiles = 500
    static let maxFileSize = 1 << 20

    init(themes: ThemeLibrary) {
        stylesheet = themes.activeStylesheet
        chain = themes.active?.isBlockTheme == true ? themes.activeChain : []
    }

    /// The folder a theme keeps this kind in (`get_block_theme_folders`).
    func folder(_ theme: InstalledTheme, _ kind: TemplateKind) -> URL {
        let former = ["block-templates", "block-template-parts"].contains {
            FileManager.default.fileExists(atPath: theme.folder.appendingPathComponent($0).path)
        }
        return theme.folder.appendingPathComponent(former ? kind.folders.former : kind.folders.current)
    }

    func files(_ kind: TemplateKind) -> [File] {
        var found: [File] = []
        for theme in chain {
            let base = folder(theme, kind)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
            for name in names.prefix(Self.maxFiles) where name.hasSuffix(".html") {
                let slug = String(name.dropLast(5))
                found.append(describe(slug: slug, path: base.appendingPathComponent(name), theme: theme.stylesheet, kind))
            }
        }
        return found
    }

    func file(_ kind: TemplateKind, slug: String) -> File? {
        guard !slug.isEmpty, !slug.contains("..") else { return nil }
        for theme in chain {
            let path = folder(theme, kind).appendingPathComponent(slug + ".html")
            if FileManager.default.fileExists(atPath: path.path) { return describe(slug: slug, path: path, theme: theme.stylesheet, kind) }
        }
        return nil
    }

    /// What `theme.json` says of a file.
    func describe(slug: String, path: URL, theme: String, _ kind: TemplateKind) -> File {
        var file = File(slug: slug, path: path, theme: theme)
        switch kind {
        case .template:
            if let entry = declared("customTemplates", slug) {
                file.title = entry["title"]?.stringValue
                // A custom template that names no post types is for pages.
                file.postTypes = entry["postTypes"]?.arrayValue?.compactMap(\.stringValue) ?? ["page"]
            }
        case .part:
            let entry = declared("templateParts", slug)
            file.title = entry?["title"]?.stringValue
            file.area = TemplatePartArea.filtered(entry?["area"]?.stringValue ?? TemplatePartArea.uncategorized)
        }
        return file
    }

    func declared(_ list: String, _ slug: String) -> JSONObject? {
        for theme in chain {
            if let entry = theme.themeJSON?[list]?.arrayValue?.first(where: { $0["name"]?.stringValue == slug })?.objectValue { return entry }
        }
        return nil
    }

    /// The file as a template of the active theme (`_build_block_template_result_from_file`).
    func template(_ file: File, _ kind: TemplateKind) -> BlockTemplate {
        var t = BlockTemplate(kind: kind, theme: stylesheet, slug: file.slug)
        let data = FileManager.default.contents(atPath: file.path.path).map { $0.prefix(Self.maxFileSize) } ?? Data()
        t.content = TemplateContent.addingTheme(stylesheet, to: String(decoding: data, as: UTF8.self))
        t.title = (file.title?.isEmpty == false ? file.title : nil) ?? file.slug
        t.hasThemeFile = true
        t.isCustom = true
        if kind == .template, let known = DefaultTemplateTypes.all[file.slug] {
            t.description = known.description
            t.title = known.title
            t.isCustom = false
        }
        if kind == .template { t.postTypes = file.postTypes }
        if kind == .part { t.area = file.area }
        return t
    }
}
