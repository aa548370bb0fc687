import Foundation
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
    public let themes: ThemeLibrary

    /// Where the package is looked for unless `QUIRE_WORDPRESS_DIR` or `--wordpress-dir` says otherwise.
    public static let defaultRoot = "/usr/share/wordpress"

    /// The package at `path` (or the configured or default place), or nil when its editor
    /// scripts are not there.
    public static func locate(_ path: String? = nil, activeTheme: String = ThemeLibrary.defaultTheme) -> WordPressPackage? {
        let chosen = path ?? ProcessInfo.processInfo.environment["QUIRE_WORDPRESS_DIR"] ?? defaultRoot
        let root = URL(fileURLWithPath: chosen)
        guard let scripts = try? ScriptCatalog(wordpress: root) else { return nil }
        return WordPressPackage(root: root, scripts: scripts,
                                themes: ThemeLibrary(folder: root.appendingPathComponent("wp-content/themes"), active: activeTheme))
    }

    /// The package's folders a browser loads files from, as (URL path, folder, extensions served).
    /// PHP files are never among them.
    public var folders: [(prefix: String, root: URL, extensions: Set<String>)] {
        let assets: Set<String> = ["js", "css", "svg", "png", "gif", "jpg", "jpeg", "webp", "woff", "woff2", "ttf", "eot", "json"]
        return [
            ("/wp-includes/js/", root.appendingPathComponent("wp-includes/js"), ["js", "css", "png", "gif", "svg"]),
            ("/wp-includes/css/", root.appendingPathComponent("wp-includes/css"), ["css"]),
            ("/wp-includes/fonts/", root.appendingPathComponent("wp-includes/fonts"), ["woff", "woff2", "ttf", "eot", "svg"]),
            ("/wp-includes/images/", root.appendingPathComponent("wp-includes/images"), ["png", "gif", "svg", "jpg"]),
            ("/wp-admin/css/", root.appendingPathComponent("wp-admin/css"), ["css", "png", "gif", "svg"]),
            ("/wp-admin/images/", root.appendingPathComponent("wp-admin/images"), ["png", "gif", "svg", "jpg"]),
            ("/wp-content/themes/", root.appendingPathComponent("wp-content/themes"), assets),
        ]
    }
}
