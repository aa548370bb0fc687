import Foundation
import QuireREST

/// A theme installed in a themes folder, as its `style.css` header and `theme.json` describe it.
///
///     let theme = InstalledTheme(folder: URL(fileURLWithPath: "/usr/share/wordpress/wp-content/themes/twentytwentythree"))
///     theme?.name          // "Twenty Twenty-Three"
///     theme?.isBlockTheme  // true: it has templates/index.html
public struct InstalledTheme: Sendable {
    /// The folder's name, which identifies the theme (`get_stylesheet`).
    public let stylesheet: String
    public let folder: URL
    /// The `style.css` header's fields by name (`Theme Name`, `Version`, …).
    public let header: [String: String]
    /// The theme's `theme.json`, when it has one.
    public let themeJSON: JSONObject?

    public var name: String { header["Theme Name"] ?? stylesheet }
    /// The parent theme's folder (`Template`), or the theme itself.
    public var template: String { header["Template"].flatMap { $0.isEmpty ? nil : $0 } ?? stylesheet }
    /// A block theme has an `index.html` template (`wp_is_block_theme`).
    public var isBlockTheme: Bool {
        ["templates/index.html", "block-templates/index.html"].contains {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }
    public var hasScreenshot: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("screenshot.png").path)
    }

    /// The theme in `folder`, or nil when it has no readable `style.css` naming it.
    public init?(folder: URL) {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("style.css").path),
              case let header = Self.parseHeader(String(decoding: data.prefix(8192), as: UTF8.self)),
              header["Theme Name"] != nil else { return nil }
        self.stylesheet = folder.lastPathComponent
        self.folder = folder
        self.header = header
        if let json = FileManager.default.contents(atPath: folder.appendingPathComponent("theme.json").path),
           json.count <= 4 << 20, case .object(let o)? = try? JSONParser.parse(Array(json)) {
            themeJSON = o
        } else {
            themeJSON = nil
        }
    }

    /// The `Name: value` lines of a file's first comment (`get_file_data`).
    static func parseHeader(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " \t/*#@"))
            guard !name.isEmpty, name.count < 40, fields[name] == nil else { continue }
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "*/", with: "").trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}

/// The themes a site can use, and the one it uses (the `stylesheet` option).
///
///     let themes = ThemeLibrary(folder: URL(fileURLWithPath: "/usr/share/wordpress/wp-content/themes"))
///     themes.active?.stylesheet   // "twentytwentythree"
public struct ThemeLibrary: Sendable {
    public let themes: [InstalledTheme]
    public let activeStylesheet: String
    /// WordPress's own `wp-includes/theme.json`, the layer under every theme's.
    public let coreThemeJSON: JSONObject

    public static let defaultTheme = "twentytwentythree"

    public init(themes: [InstalledTheme], active: String = ThemeLibrary.defaultTheme, coreThemeJSON: JSONObject = JSONObject()) {
        self.themes = themes.sorted { $0.stylesheet < $1.stylesheet }
        self.activeStylesheet = active
        self.coreThemeJSON = coreThemeJSON
    }

    /// Every theme in the subfolders of `folder` (none when it cannot be read).
    public init(folder: URL?, active: String = ThemeLibrary.defaultTheme, coreThemeJSON: JSONObject = JSONObject()) {
        let names = folder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        self.init(themes: names.sorted().prefix(200).compactMap { name in
            folder.flatMap { InstalledTheme(folder: $0.appendingPathComponent(name)) }
        }, active: active, coreThemeJSON: coreThemeJSON)
    }

    public var active: InstalledTheme? { themes.first { $0.stylesheet == activeStylesheet } }
    /// The active theme, then its parent when it is a child theme: where its files are looked for.
    public var activeChain: [InstalledTheme] {
        guard let active else { return [] }
        guard active.template != active.stylesheet, let parent = theme(active.template) else { return [active] }
        return [active, parent]
    }
    public func theme(_ stylesheet: String) -> InstalledTheme? { themes.first { $0.stylesheet == stylesheet } }
}
