import Foundation
import QuireREST

/// The block types a site registers: WordPress's core blocks, read from the `block.json`
/// files of the package's `wp-includes/blocks/`, in the order WordPress registers them (its
/// two widget blocks, then the blocks it renders on the server, then the static ones, then
/// the legacy `core/post-comments`), and the variations the site's types, taxonomies and
/// theme give some of them (`BlockVariations`).
///
///     let library = BlockTypeLibrary(wordpress: URL(fileURLWithPath: "/usr/share/wordpress"))
///     library.blockTypes.count   // 90
public struct BlockTypeLibrary: Sendable {
    public var blockTypes: [BlockType]

    public init(blockTypes: [BlockType] = []) {
        self.blockTypes = blockTypes
    }

    /// Files larger than this are not read.
    static let maxMetadataSize = 256 * 1024
    /// WordPress's widget blocks, registered before the others.
    static let registeredFirst = ["legacy-widget", "widget-group"]

    /// The core blocks of the WordPress package at `wordpress`; none when it has no blocks folder.
    public init(wordpress: URL?) {
        guard let folder = wordpress?.appendingPathComponent("wp-includes/blocks"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            self.init()
            return
        }
        var first: [String: BlockType] = [:], rendered: [BlockType] = [], plain: [BlockType] = []
        for name in names.sorted().prefix(1000) {
            let metadataFile = folder.appendingPathComponent(name).appendingPathComponent("block.json")
            guard let data = FileManager.default.contents(atPath: metadataFile.path), data.count <= Self.maxMetadataSize,
                  case .object(let metadata)? = try? JSONParser.parse(Array(data)) else { continue }
            // A block with a PHP file of its own registers there, and is rendered on the server
            // when that file gives it a render callback.
            let script = FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".php").path)
            let dynamic = script.map { String(decoding: $0.prefix(512 * 1024), as: UTF8.self).contains("'render_callback'") } ?? false
            guard let type = BlockType(metadata: metadata, dynamic: dynamic) else { continue }
            if Self.registeredFirst.contains(name) { first[name] = type } else if script != nil { rendered.append(type) } else { plain.append(type) }
        }
        var all = Self.registeredFirst.compactMap { first[$0] } + rendered + plain
        if all.contains(where: { $0.name == "core/comments" }) { all.append(Self.legacyPostComments) }
        self.init(blockTypes: all)
    }

    /// The comments block under its former name, kept so posts written with it still render:
    /// WordPress registers it last, from settings of its own.
    static var legacyPostComments: BlockType {
        var type = BlockType(name: "core/post-comments")
        type.category = "theme"
        type.attributes = ["textAlign": ["type": "string"]]
        type.usesContext = ["postId", "postType"]
        type.supports = [
            "html": false, "align": ["wide", "full"],
            "typography": ["fontSize": true, "lineHeight": true, "__experimentalFontStyle": true, "__experimentalFontWeight": true,
                           "__experimentalLetterSpacing": true, "__experimentalTextTransform": true,
                           "__experimentalDefaultControls": ["fontSize": true]],
            "color": ["gradients": true, "link": true, "__experimentalDefaultControls": ["background": true, "text": true]],
            "inserter": false,
        ]
        type.assets.styles = ["wp-block-post-comments", "wp-block-buttons", "wp-block-button"]
        type.isDynamic = true
        type.finishRegistration()
        return type
    }

    /// The block types with the variations this site gives them.
    public func registered(types: ContentTypes, themes: ThemeLibrary) -> [BlockType] {
        let variations = BlockVariations(types: types, themes: themes)
        return blockTypes.map { type in
            var t = type
            if let extra = variations.of(t.name) { t.variations = extra }
            return t
        }
    }
}
