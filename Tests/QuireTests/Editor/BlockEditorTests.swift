import QuireAuth
import Foundation
import Quire
import QuireHTTP
import QuireStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A writer's session in WordPress's block editor, served by Quire from the installed
/// `wordpress` package, in headless Chromium driven by Playwright (`Tests/editor/editor.py`):
/// logging in, opening a seeded post, editing and saving it with a new heading, an image
/// uploaded through the image block and one dropped on the canvas, trashing a post, publishing
/// a new one with a reusable block, and finding the editor's preferences kept in a new
/// browser, each result checked through REST.
///
/// It needs Debian's `wordpress`, `wordpress-theme-twentytwentythree` and `chromium`, and
/// Playwright in `.build/editor-venv` (`Tests/editor/install`); `.ci/run` installs them all and
/// sets `QUIRE_TEST_BROWSER=required`, which makes their absence a failure instead of a skip.
/// Screenshots of each step and the list of REST calls the editor made go to
/// `.build/editor-run/` (or `QUIRE_EDITOR_OUTPUT`).
@Suite(.serialized) struct BlockEditorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let environment = ProcessInfo.processInfo.environment
    static let python = environment["QUIRE_EDITOR_VENV"].map { URL(fileURLWithPath: $0) }
        .map { $0.appendingPathComponent("bin/python") } ?? root.appendingPathComponent(".build/editor-venv/bin/python")
    static let chromium = environment["QUIRE_CHROMIUM"] ?? "/usr/bin/chromium"
    static let required = environment["QUIRE_TEST_BROWSER"] == "required"
    static var missing: [String] {
        var missing: [String] = []
        if WordPressPackage.locate() == nil { missing.append("the WordPress package (apt-get install wordpress wordpress-theme-twentytwentythree)") }
        if !FileManager.default.isExecutableFile(atPath: chromium) { missing.append("chromium at \(chromium) (apt-get install chromium)") }
        if !FileManager.default.isExecutableFile(atPath: python.path) { missing.append("Playwright at \(python.path) (bash Tests/editor/install)") }
        return missing
    }
    static var runs: Bool { missing.isEmpty || required }

    @Test(.enabled(if: BlockEditorTests.runs)) func aWriterEditsSavesTrashesAndPublishesInTheBlockEditor() async throws {
        try #require(Self.missing.isEmpty, "missing: \(Self.missing.joined(separator: "; "))")
        let output = Self.environment["QUIRE_EDITOR_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? Self.root.appendingPathComponent(".build/editor-run")
        try? FileManager.default.removeItem(at: output)
        let shots = output.appendingPathComponent("screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let calls = output.appendingPathComponent("rest-calls.json")

        // The site is built as `quire serve --demo` builds it, at the address the browser uses.
        let port = try Self.freePort()
        let url = "http://127.0.0.1:\(port)"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SQLContentStore.openSQLite(path: folder.appendingPathComponent("site.sqlite").path)
        let password = "writer-pass-123"
        _ = try await SiteInstaller.install(store, url: url, adminPassword: password)
        try await DemoContent.seed(store, url: url)
        let (_, appPassword) = try await ApplicationPasswords.create(for: 1, name: "editor-test", in: store)
        let quire = try await QuireSite.make(store: store, url: url, uploads: folder.appendingPathComponent("uploads"))
        let site = TestSite(directory: folder, database: .sqlite, postgres: nil, site: quire, credentials: ["admin": (1, appPassword)])
        let result = try await LiveServer.serve(site, limits: ServerLimits(), observability: .none, port: port,
                                                folders: quire.fileFolders) { _ in
            try await ChildProcess.run(Self.python, [
                Self.root.appendingPathComponent("Tests/editor/editor.py").path,
                "--url", url, "--login", "admin", "--password", password, "--app-password", appPassword,
                "--shots", shots.path, "--calls", calls.path, "--chromium", Self.chromium,
                "--image", Self.root.appendingPathComponent("Tests/QuireTests/Fixtures/media/exif-photo.jpg").path,
                "--dropped-image", Self.root.appendingPathComponent("Tests/QuireTests/Fixtures/media/gradient.png").path,
            ], tail: 20_000)
        }
        await store.shutdown()
        print(result.output)
        #expect(result.status == 0, "the editor session failed:\n\(result.output)")
        // Every call the editor made was answered without a server error, and none was unknown to Quire.
        let made = try JSONSerialization.jsonObject(with: Data(contentsOf: calls)) as? [[String: Any]] ?? []
        #expect(!made.isEmpty, "the editor made no REST calls")
        let failed = made.filter { ($0["status"] as? Int ?? 0) >= 500 || ($0["status"] as? Int) == 404 }
        #expect(failed.isEmpty, "calls answered 404 or 5xx: \(failed)")
    }

    /// A loopback port free right now: the site's URL names it before the server listens on it.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
