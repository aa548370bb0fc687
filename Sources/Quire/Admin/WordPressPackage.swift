import Foundation
import QuireHTTP
import QuireREST
import QuireWPV2

/// An installed WordPress package (Debian's `wordpress`, at `/usr/share/wordpress` by default)
/// whose built editor Quire serves: its scripts and styles under `/wp-includes/` and
/// `/wp-admin/css/`, and its themes under `/wp-content/themes/`. Nothing of it is copied; when it
/// is absent, the admin pages say so and the API is unaffected.
///
///     if let wordpress = WordPressPackage.locate() {
///         wordpress.scripts.load(["wp-edit-post"]).map(\.path)
///     }
public struct WordPressPackage: Sendable {
    public let root: URL
    let scripts: ScriptCatalog
    /// The themes in its themes folder; which one is active is the site's choice (``ThemeLibrary``).
    public let themes: [InstalledTheme]
    /// WordPress's own `wp-includes/theme.json`, under every theme's.
    public let coreThemeJSON: JSONObject

    /// Where the package is looked for unless `QUIRE_WORDPRESS_DIR` or `--wordpress-dir` says otherwise.
    public static let defaultRoot = "/usr/share/wordpress"

    /// The package at `path` (or the configured or default place), or nil when its editor
    /// scripts are not there.
    public static func locate(_ path: String? = nil) -> WordPressPackage? {
        let chosen = path ?? ProcessInfo.processInfo.environment["QUIRE_WORDPRESS_DIR"] ?? defaultRoot
        let root = URL(fileURLWithPath: chosen)
        guard let scripts = try? ScriptCatalog(wordpress: root) else { return nil }
        var core = JSONObject()
        if let data = FileManager.default.contents(atPath: root.appendingPathComponent("wp-includes/theme.json").path),
           case .object(let o)? = try? JSONParser.parse(Array(data)) { core = o }
        return WordPressPackage(root: root, scripts: scripts,
                                themes: ThemeLibrary(folder: root.appendingPathComponent("wp-content/themes")).themes, coreThemeJSON: core)
    }

    /// The package's folders a browser loads files from, each with the extensions served (PHP
    /// files are never among them), kept a day by browsers. Debian links some of the package's
    /// files to copies elsewhere (`/usr/share/javascript`), so links are followed here.
    public var folders: [FileFolder] {
        let assets: Set<String> = ["js", "css", "svg", "png", "gif", "jpg", "jpeg", "webp", "woff", "woff2", "ttf", "eot", "json"]
        let served: [(String, String, Set<String>)] = [
            ("/wp-includes/js/", "wp-includes/js", ["js", "css", "png", "gif", "svg"]),
            ("/wp-includes/css/", "wp-includes/css", ["css"]),
            ("/wp-includes/fonts/", "wp-includes/fonts", ["woff", "woff2", "ttf", "eot", "svg"]),
            ("/wp-includes/images/", "wp-includes/images", ["png", "gif", "svg", "jpg"]),
            ("/wp-admin/css/", "wp-admin/css", ["css", "png", "gif", "svg"]),
            ("/wp-admin/images/", "wp-admin/images", ["png", "gif", "svg", "jpg"]),
            ("/wp-content/themes/", "wp-content/themes", assets),
        ]
        return served.map { FileFolder(prefix: $0.0, root: root.appendingPathComponent($0.1), extensions: $0.2, maxAge: 86_400, followsLinks: true) }
    }
}
