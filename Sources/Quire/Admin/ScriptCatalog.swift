import Foundation
import QuireREST
import QuireWPV2

/// The block editor's scripts as an installed WordPress package registers them: each package
/// under `wp-includes/js/dist/` (handle `wp-<name>`) with the dependencies and version its build
/// wrote into `wp-includes/assets/script-loader-packages.php`, and the vendor libraries under
/// `dist/vendor/` (React, lodash, moment, the polyfills), and the classic scripts
/// `wp-includes/script-loader.php` adds one by one (jQuery, Backbone, the media library).
///
///     let catalog = try ScriptCatalog(wordpress: URL(fileURLWithPath: "/usr/share/wordpress"))
///     catalog.load(["wp-edit-post"])   // every script it needs, each after its dependencies
struct ScriptCatalog: Sendable {
    struct Script: Sendable, Equatable {
        let handle: String
        /// The URL path: `/wp-includes/js/dist/edit-post.min.js`.
        let path: String
        let dependencies: [String]
        let version: String
    }

    let scripts: [String: Script]
    /// The uploader's messages (`pluploadL10n`), from `script-loader.php`.
    let uploaderMessages: JSONObject

    /// The vendor libraries' own dependencies (WordPress registers these in code, not in a file).
    static let vendorDependencies = ["react": ["wp-polyfill"], "react-dom": ["react"], "wp-polyfill": ["regenerator-runtime"]]

    /// Dependencies WordPress adds to packages' own, which their build cannot see.
    static let addedDependencies = ["wp-preferences": ["wp-preferences-persistence"]]

    enum Failure: Error { case missing(String) }

    init(wordpress root: URL) throws {
        let manifest = root.appendingPathComponent("wp-includes/assets/script-loader-packages.php")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { throw Failure.missing(manifest.path) }
        var scripts: [String: Script] = [:]
        for (file, dependencies, version) in Self.parseManifest(text) {
            let name = file.hasSuffix(".js") ? String(file.dropLast(3)) : file
            let handle = "wp-" + name
            scripts[handle] = Script(handle: handle, path: "/wp-includes/js/dist/\(name).min.js",
                                     dependencies: dependencies + (Self.addedDependencies[handle] ?? []), version: version)
        }
        let vendor = root.appendingPathComponent("wp-includes/js/dist/vendor")
        for file in (try? FileManager.default.contentsOfDirectory(atPath: vendor.path)) ?? [] where file.hasSuffix(".min.js") {
            let handle = String(file.dropLast(".min.js".count))
            let size = (try? FileManager.default.attributesOfItem(atPath: vendor.appendingPathComponent(file).path)[.size] as? Int) ?? 0
            scripts[handle] = Script(handle: handle, path: "/wp-includes/js/dist/vendor/\(file)",
                                     dependencies: Self.vendorDependencies[handle] ?? [], version: String(size, radix: 16))
        }
        let loader = (try? String(contentsOf: root.appendingPathComponent("wp-includes/script-loader.php"), encoding: .utf8)) ?? ""
        for script in Self.parseClassic(loader) where scripts[script.handle] == nil { scripts[script.handle] = script }
        uploaderMessages = PHPArrayLiteral.strings(assignedTo: "$uploader_l10n", in: loader) ?? [:]
        guard !scripts.isEmpty else { throw Failure.missing(manifest.path) }
        self.scripts = scripts
    }

    /// The scripts `handles` need, each after everything it depends on (as `WP_Dependencies`
    /// orders them); unknown handles are left out.
    func load(_ handles: [String]) -> [Script] {
        var done = Set<String>(), order: [Script] = []
        func visit(_ handle: String, depth: Int) {
            guard depth < 64, !done.contains(handle), let script = scripts[handle] else { return }
            done.insert(handle)
            for dependency in script.dependencies { visit(dependency, depth: depth + 1) }
            order.append(script)
        }
        for handle in handles { visit(handle, depth: 0) }
        return order
    }

    /// The classic scripts of `script-loader.php`: its literal
    /// `$scripts->add( 'media-views', "/wp-includes/js/media-views$suffix.js", array( 'utils', … ), … )`
    /// lines, minified files chosen. A handle without a file (`'jquery', false`) only groups
    /// its dependencies.
    static func parseClassic(_ text: String) -> [Script] {
        let line = #/\$scripts->add\(\s*'([a-z0-9_-]+)',\s*(?:false|"([^"$]*?)(\$suffix|\$dev_suffix)?\.js"|'([^'$]*)')(?:,\s*(?:array\(([^)]*)\)|false|null))?\s*(?:,\s*'([^']*)')?/#
        return text.matches(of: line).map { match in
            let dependencies = (match.5.map(String.init) ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " '\t\n"))
            }.filter { !$0.isEmpty }
            let path = match.2.map { String($0) + (match.3 == nil ? ".js" : ".min.js") } ?? match.4.map(String.init) ?? ""
            return Script(handle: String(match.1), path: path, dependencies: dependencies, version: match.6.map(String.init) ?? "6.1")
        }
    }

    /// The entries of the manifest, a PHP array literal of the form
    /// `'a11y.js' => array('dependencies' => array('wp-i18n', …), 'version' => '0ee6…')`.
    static func parseManifest(_ text: String) -> [(String, [String], String)] {
        var entries: [(String, [String], String)] = []
        let bytes = Array(text.utf8)
        var i = 0
        func quoted(from start: Int) -> (String, Int)? {
            guard start < bytes.count, bytes[start] == UInt8(ascii: "'") else { return nil }
            var j = start + 1
            while j < bytes.count, bytes[j] != UInt8(ascii: "'") { j += 1 }
            guard j < bytes.count else { return nil }
            return (String(decoding: bytes[(start + 1)..<j], as: UTF8.self), j + 1)
        }
        func skipSpaces(_ k: inout Int) { while k < bytes.count, bytes[k] == 32 || bytes[k] == 10 || bytes[k] == 9 || bytes[k] == 13 { k += 1 } }
        func expect(_ word: String, _ k: inout Int) -> Bool {
            skipSpaces(&k)
            let w = Array(word.utf8)
            guard k + w.count <= bytes.count, Array(bytes[k..<(k + w.count)]) == w else { return false }
            k += w.count
            return true
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "'"), let (file, afterFile) = quoted(from: i), file.hasSuffix(".js") else { i += 1; continue }
            var k = afterFile
            guard expect("=>", &k), expect("array(", &k), expect("'dependencies'", &k), expect("=>", &k), expect("array(", &k) else { i = afterFile; continue }
            var dependencies: [String] = []
            while true {
                skipSpaces(&k)
                if let (name, next) = quoted(from: k) { dependencies.append(name); k = next; _ = expect(",", &k); continue }
                break
            }
            guard expect(")", &k), expect(",", &k), expect("'version'", &k), expect("=>", &k) else { i = k; continue }
            skipSpaces(&k)
            guard let (version, next) = quoted(from: k) else { i = k; continue }
            entries.append((file, dependencies, version))
            i = next
        }
        return entries
    }
}
