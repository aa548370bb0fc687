import QuireREST
import QuireStore

/// The dynamic blocks drawn here, by name: those the editor previews through the block
/// renderer (archives, the tag cloud, latest comments, the calendar).
enum ServerBlocks {
    /// What a block is drawn from.
    struct Context: Sendable {
        let block: BlockType
        /// The block's attributes, defaults filled in.
        let attributes: JSONObject
        let store: any ContentStore
        let types: ContentTypes
        let home: String
        /// Whether the theme asks for font sizes that grow with the window.
        var fluidType = false
        /// The moment drawn for (the calendar's month and today).
        var now = WPDate.now()
        /// Whether the request is a signed-in user's (`is_user_logged_in`).
        var signedIn = false

        func bool(_ key: String) -> Bool { attributes[key].map(PHPScalar.toBool) ?? false }
        func string(_ key: String) -> String { attributes[key].map(PHPScalar.toString) ?? "" }

        /// `get_block_wrapper_attributes(['class' => extra])`.
        func wrapper(class extra: String = "") -> String {
            BlockWrapperAttributes.html(block: block, attributes: attributes, extraClass: extra, fluidType: fluidType)
        }
    }

    typealias Renderer = @Sendable (Context) async throws -> String

    static let renderers: [String: Renderer] = [
        "core/archives": ArchivesBlock.render,
        "core/tag-cloud": TagCloudBlock.render,
        "core/latest-comments": LatestCommentsBlock.render,
        "core/calendar": CalendarBlock.render,
    ]
}
