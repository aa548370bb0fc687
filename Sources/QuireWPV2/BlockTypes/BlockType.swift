import QuireREST

/// A block the editor can insert, as the block registry holds it: what its `block.json`
/// declares, the attributes its supports add, and the variations the site gives it.
///
///     let paragraph = library.blockTypes.first { $0.name == "core/paragraph" }
///     paragraph?.attributes.keys   // ["align", "content", …, "lock", "style", …, "fontFamily"]
public struct BlockType: Sendable {
    /// `namespace/name`, as `core/paragraph`.
    public var name: String
    public var apiVersion = 1
    public var title = ""
    public var description = ""
    public var category: String?
    /// A dashicon name or SVG markup; most core blocks name theirs in JavaScript only.
    public var icon: JSON?
    public var keywords: [String] = []
    public var parent: [String]?
    public var ancestor: [String]?
    /// The attributes' definitions, in registration order: the block's own, then the global
    /// `lock`, then those its supports add (see `BlockSupports`).
    public var attributes = JSONObject()
    public var providesContext: JSON = .object(JSONObject())
    public var usesContext: [String] = []
    public var supports: JSON = .object(JSONObject())
    public var styles: [JSON] = []
    public var example: JSON?
    public var variations: [JSON] = []
    /// Whether the server renders it (a `render_callback`), so the editor previews it through
    /// the block renderer.
    public var isDynamic = false
    public var assets = Assets()

    /// The script and style handles a block asks for, by where they load.
    public struct Assets: Sendable, Equatable {
        public var editorScripts: [String] = []
        public var scripts: [String] = []
        public var viewScripts: [String] = []
        public var editorStyles: [String] = []
        public var styles: [String] = []
        public init() {}
    }

    /// The namespace part of the name: `core` for `core/paragraph`.
    public var namespace: String { String(name.split(separator: "/", maxSplits: 1).first ?? "") }

    public init(name: String) {
        self.name = name
    }

    /// A block described by its `block.json` (`register_block_type_from_metadata`): its
    /// settings under WordPress's property names, the handles of its assets, and the
    /// attributes of the global `lock` and of its supports.
    ///
    ///     let type = BlockType(metadata: ["name": "acme/note", "title": "Note", "supports": ["color": true]])
    ///     type?.attributes.keys   // ["lock", "style", "backgroundColor", "textColor", "className"]
    public init?(metadata m: JSONObject, dynamic: Bool = false) {
        guard case .string(let name)? = m["name"], !name.isEmpty else { return nil }
        self.name = name
        if let v = m["apiVersion"]?.intValue { apiVersion = v }
        if case .string(let s)? = m["title"] { title = s }
        if case .string(let s)? = m["description"] { description = s }
        if case .string(let s)? = m["category"] { category = s }
        if let icon = m["icon"], !icon.isNull { self.icon = icon }
        keywords = Self.strings(m["keywords"]) ?? []
        parent = Self.strings(m["parent"])
        ancestor = Self.strings(m["ancestor"])
        if case .object(let a)? = m["attributes"] { attributes = a }
        if let c = m["providesContext"], c.objectValue != nil || c.arrayValue != nil { providesContext = c }
        usesContext = Self.strings(m["usesContext"]) ?? []
        if let s = m["supports"], s.objectValue != nil || s.arrayValue != nil { supports = s }
        styles = m["styles"]?.arrayValue ?? []
        if let e = m["example"], !e.isNull { example = e }
        variations = m["variations"]?.arrayValue ?? []
        isDynamic = dynamic
        let core = name.hasPrefix("core/")
        let short = core ? String(name.dropFirst(5)) : name
        assets.editorScripts = Self.handles(m["editorScript"], field: "editorScript", block: name)
        assets.scripts = Self.handles(m["script"], field: "script", block: name)
        assets.viewScripts = Self.handles(m["viewScript"], field: "viewScript", block: name)
        // Core blocks load their stylesheets under handles named after them, declared or not.
        assets.editorStyles = Self.handles(m["editorStyle"] ?? (core ? .string("wp-block-\(short)-editor") : nil), field: "editorStyle", block: name)
        assets.styles = Self.handles(m["style"] ?? (core ? .string("wp-block-\(short)") : nil), field: "style", block: name)
        finishRegistration()
    }

    /// What registration adds to every block: the global `lock` attribute (unless the block
    /// defines its own), then the attributes of its supports.
    public mutating func finishRegistration() {
        if attributes["lock"] == nil { attributes["lock"] = ["type": "object"] }
        attributes = BlockSupports.attributes(attributes, supports: supports)
    }

    static func strings(_ v: JSON?) -> [String]? {
        guard case .array(let a)? = v else { return nil }
        return a.compactMap(\.stringValue)
    }

    /// The handles of one asset field: a handle is kept as written, a `file:` path gets the
    /// handle WordPress generates for it (`generate_block_asset_handle`); a core block's first
    /// stylesheet always has its generated handle.
    static func handles(_ value: JSON?, field: String, block: String) -> [String] {
        let listed: [String]
        switch value {
        case .string(let s)?: listed = s.isEmpty ? [] : [s]
        case .array(let a)?: listed = a.compactMap(\.stringValue)
        default: listed = []
        }
        let core = block.hasPrefix("core/")
        return listed.enumerated().map { index, handle in
            let isStyle = field == "style" || field == "editorStyle"
            if handle.hasPrefix("file:") || (core && isStyle && index == 0) { return generatedHandle(block: block, field: field, index: index) }
            return handle
        }
    }

    static func generatedHandle(block: String, field: String, index: Int) -> String {
        var handle: String
        if block.hasPrefix("core/") {
            handle = "wp-block-" + block.dropFirst(5)
            if field.hasPrefix("editor") { handle += "-editor" }
            if field.hasPrefix("view") { handle += "-view" }
        } else {
            let suffix = ["editorScript": "editor-script", "script": "script", "viewScript": "view-script",
                          "editorStyle": "editor-style", "style": "style"][field] ?? field
            handle = block.replacingOccurrences(of: "/", with: "-") + "-" + suffix
        }
        if index > 0 { handle += "-\(index + 1)" }
        return handle
    }
}

extension BlockType {
    /// What the editor page gives the block editor about this block before it starts
    /// (`get_block_editor_server_block_settings`): the settings under their `block.json` names,
    /// those never set left out.
    public var editorDefinition: JSONObject {
        var o: JSONObject = ["apiVersion": .int(apiVersion), "title": .string(title), "description": .string(description)]
        if let icon { o["icon"] = icon }
        o["attributes"] = .object(attributes)
        o["providesContext"] = providesContext
        o["usesContext"] = .array(usesContext.map(JSON.string))
        o["supports"] = supports
        if let category { o["category"] = .string(category) }
        o["styles"] = .array(styles)
        if let parent { o["parent"] = .array(parent.map(JSON.string)) }
        if let ancestor { o["ancestor"] = .array(ancestor.map(JSON.string)) }
        o["keywords"] = .array(keywords.map(JSON.string))
        if let example { o["example"] = example }
        o["variations"] = .array(variations)
        return o
    }
}
