import Foundation
import HummingbirdTesting
import Quire
import QuireAuth
import QuireREST
import QuireStore
import Testing

/// A classic theme's menu locations, registered in its `functions.php` as WordPress's own
/// classic themes register them, are what `/wp/v2/menu-locations` lists to those who may edit
/// the theme's options. (Block themes register none: `compat/cases/22-menu-locations.json`.)
@Suite struct MenuLocationsTests {
    static let functions = """
        <?php
        function classic_setup() {
            register_nav_menus(
                array(
                    'primary' => esc_html__( 'Primary menu', 'classic' ),
                    'footer'  => __( 'Secondary menu', 'classic' ),
                )
            );
        }
        add_action( 'after_setup_theme', 'classic_setup' );
        """

    @Test(.enabled(if: WordPressPackage.locate() != nil)) func aClassicThemesLocationsAreListed() async throws {
        let installed = try #require(WordPressPackage.locate())
        // A WordPress tree with the package's files and one more theme: a classic one, active.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-menus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("wordpress")
        let themes = root.appendingPathComponent("wp-content/themes")
        try FileManager.default.createDirectory(at: themes.appendingPathComponent("classic"), withIntermediateDirectories: true)
        for name in ["wp-includes", "wp-admin"] {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(name), withDestinationURL: installed.root.appendingPathComponent(name))
        }
        try "/*\nTheme Name: Classic\nVersion: 1.0\n*/\n".write(to: themes.appendingPathComponent("classic/style.css"), atomically: true, encoding: .utf8)
        try Self.functions.write(to: themes.appendingPathComponent("classic/functions.php"), atomically: true, encoding: .utf8)
        let wordpress = try #require(WordPressPackage.locate(root.path))

        let store = try await SQLContentStore.openSQLite(path: folder.appendingPathComponent("site.sqlite").path)
        _ = try await SiteInstaller.install(store, url: TestSite.url, adminPassword: "admin-pass-123")
        try await store.setOptions([("stylesheet", "classic"), ("template", "classic"),
                                    ("theme_mods_classic", ["nav_menu_locations": ["footer": 7]])])
        let (_, appPassword) = try await ApplicationPasswords.create(for: 1, name: "menus", in: store)
        let quire = try await QuireSite.make(store: store, url: TestSite.url, uploads: folder.appendingPathComponent("uploads"),
                                             wordpress: wordpress)
        let site = TestSite(directory: folder, database: .sqlite, postgres: nil, site: quire, credentials: ["admin": (1, appPassword)])
        try await site.application.test(.router) { client in
            let list = try await client.call("GET", "/wp-json/wp/v2/menu-locations", as: "admin", site: site)
            #expect(list.status == 200)
            #expect(list.json["primary"]?["description"] == "Primary menu")
            #expect(list.json["primary"]?["menu"] == 0)
            #expect(list.json["footer"]?["description"] == "Secondary menu")
            #expect(list.json["footer"]?["menu"] == 7, "the theme mod places menu 7 there")
            #expect(list.json["footer"]?["_links"]?["self"]?[0]?["href"] == .string("\(TestSite.url)/wp-json/wp/v2/menu-locations/footer"))
            let one = try await client.call("GET", "/wp-json/wp/v2/menu-locations/primary", as: "admin", site: site)
            #expect(one.status == 200 && one.json["name"] == "primary")
            let anonymous = try await client.call("GET", "/wp-json/wp/v2/menu-locations", site: site)
            #expect(anonymous.status == 401 && anonymous.json["code"] == "rest_cannot_view")
        }
        await store.shutdown()
    }
}
