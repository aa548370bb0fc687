import Foundation
import HummingbirdTesting
import Quire
import QuireREST
import Testing

/// The global settings the post editor starts with, against what WordPress 6.1's post editor
/// started with on the reference site (Twenty Twenty-Three): with no styles of the site's own,
/// after the site's global styles set a palette, font sizes, units and flags through
/// `/wp/v2/global-styles/<id>`, and after they set blocks' gaps. Compared are
/// `__experimentalFeatures` with presets by origin, the preset lists the editor offers, the
/// flags taken out of the settings, and the global stylesheets (preset variables and classes;
/// layout, element, state and block rules).
@Suite(.enabled(if: WordPressPackage.locate() != nil)) struct EditorSettingsTests {
    static func fixture(_ name: String) throws -> JSONObject {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("editor-settings/\(name).json")
        return try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).objectValue)
    }

    /// The settings object an editor page passes to `wp.editPost.initializeEditor`.
    static func settings(in page: String) throws -> JSONObject {
        let call = try #require(page.range(of: "initializeEditor( 'editor', "))
        let open = try #require(page[call.upperBound...].firstIndex(of: "{"))
        var depth = 0, inString = false, escaped = false
        var end = open
        for i in page[open...].indices {
            let c = page[i]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            if c == "\"" { inString = true } else if c == "{" { depth += 1 } else if c == "}" {
                depth -= 1
                if depth == 0 { end = i; break }
            }
        }
        return try #require(try JSONParser.parse(String(page[open...end])).objectValue)
    }

    /// A value with every object's keys sorted, so that two are compared key by key.
    static func sorted(_ v: JSON) -> JSON {
        switch v {
        case .object(let o): return .object(JSONObject(o.keys.sorted().map { ($0, sorted(o[$0]!)) }))
        case .array(let a): return .array(a.map(sorted))
        default: return v
        }
    }

    /// A stylesheet without its `@font-face` rules: WordPress prints the theme's fonts elsewhere.
    static func withoutFontFaces(_ styles: JSON?) -> JSON {
        .array((styles?.arrayValue ?? []).map { chunk in
            guard var o = chunk.objectValue, let css = o["css"]?.stringValue else { return chunk }
            o["css"] = .string(css.replacingOccurrences(of: "@font-face\\{[^}]*\\}", with: "", options: .regularExpression))
            return .object(o)
        })
    }

    static func expectSame(_ wanted: JSONObject, _ got: JSONObject, _ what: String) {
        for key in wanted.keys {
            let mine = key == "styles" ? withoutFontFaces(got[key]) : got[key] ?? .null
            #expect(sorted(mine) == sorted(wanted[key]!), "\(what): \(key)")
        }
        #expect(wanted["styles"]?.arrayValue?.count == 3, "the stylesheets are compared")
    }

    @Test func theEditorStartsWithTheMergedGlobalSettingsAndTheSitesOwnStyles() async throws {
        try await TestSite.with { site, client in
            let post = try await client.call("POST", "/wp-json/wp/v2/posts", as: "admin", site: site, json: ["title": "Styled", "status": "draft"])
            let id = try #require(post.json["id"]?.intValue)
            let (cookie, _) = try await SignInTests.signIn(client, site: site, "admin", "admin-password")
            let session = try #require(cookie)
            func editorSettings() async throws -> JSONObject {
                let page = try await client.call("GET", "/wp-admin/post.php?post=\(id)&action=edit", site: site, headers: [("Cookie", session)])
                #expect(page.status == 200)
                return try Self.settings(in: page.text)
            }
            Self.expectSame(try Self.fixture("theme"), try await editorSettings(), "the theme's")

            let themes = try await client.call("GET", "/wp-json/wp/v2/themes?status=active", as: "admin", site: site)
            let link = try #require(themes.json[0]?["_links"]?["wp:user-global-styles"]?[0]?["href"]?.stringValue)
            let api = try #require(link.range(of: "/wp-json/"))
            let stylesPath = String(link[api.lowerBound...])
            let saved = try await client.call("POST", stylesPath, as: "admin", site: site, json: [
                "settings": ["color": ["palette": [["slug": "ink", "color": "#123456", "name": "Ink"]], "custom": false],
                             "typography": ["lineHeight": false, "fontSizes": [["slug": "huge", "size": "4rem", "name": "Huge"]]],
                             "spacing": ["units": ["px"]]],
                "styles": ["color": ["text": "#222222"]],
            ])
            #expect(saved.status == 200)
            let custom = try await editorSettings()
            Self.expectSame(try Self.fixture("custom-styles"), custom, "with the site's styles")
            // The site's text colour reaches the editor's stylesheet.
            #expect(custom["styles"]?.arrayValue?.contains { $0["css"]?.stringValue?.contains("color: #222222") == true } == true)
            // Blocks' own gaps (one value, rows and columns, zero) space their layouts.
            let gaps = try await client.call("POST", stylesPath, as: "admin", site: site, json: [
                "styles": ["blocks": ["core/columns": ["spacing": ["blockGap": "2rem"]],
                                      "core/group": ["spacing": ["blockGap": ["top": "1rem", "left": "var:preset|spacing|30"]]],
                                      "core/buttons": ["spacing": ["blockGap": "0"]]]],
                "settings": .object(.phpObject),
            ])
            #expect(gaps.status == 200)
            Self.expectSame(try Self.fixture("block-gaps"), try await editorSettings(), "with blocks' gaps")
            // Features with selectors of their own (the image's and featured image's borders, the
            // search block's type) are written under those selectors, after the blocks' rules.
            let featured = try Self.fixture("feature-selectors")
            let features = try await client.call("POST", stylesPath, as: "admin", site: site, json: [
                "styles": try #require(featured["request"]?["styles"]), "settings": .object(.phpObject),
            ])
            #expect(features.status == 200)
            var wanted = featured
            wanted["request"] = nil
            Self.expectSame(wanted, try await editorSettings(), "with features' own selectors")
            // The theme's fonts are loaded from its folder.
            #expect(custom["styles"]?[2]?["css"]?.stringValue?.contains("@font-face{font-family:\"DM Sans\"") == true)
        }
    }
}
