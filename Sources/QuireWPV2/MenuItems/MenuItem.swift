import QuireREST
import QuireStore

/// A classic menu's item as it is stored: a `nav_menu_item` post (title, description as its
/// content, `attr_title` as its excerpt, position as its `menu_order`), the `_menu_item_*`
/// meta that says what it links to, and the one `nav_menu` term it belongs to.
struct MenuItem: Sendable {
    /// What an item links to (`_menu_item_type`).
    enum Kind: String, Sendable, CaseIterable {
        case taxonomy, postType = "post_type", postTypeArchive = "post_type_archive", custom
    }

    var post: Post
    var kind: Kind
    /// The post type or taxonomy of the linked object (`custom` for a custom link).
    var object: String
    var objectID: Int
    /// The item this one is nested under (`_menu_item_menu_item_parent`).
    var parentItem: Int
    var target: String
    var classes: [String]
    var xfn: String
    /// The address of a custom link (others take their object's).
    var url: String
    /// The menu holding the item, or 0.
    var menu: Int
    /// Every meta value the item's post has.
    var storedMeta: [String: JSON]

    init(post: Post, meta: [String: JSON], menu: Int) {
        self.post = post
        kind = meta["_menu_item_type"]?.stringValue.flatMap(Kind.init(rawValue:)) ?? .custom
        object = meta["_menu_item_object"].map(PHPScalar.toString) ?? ""
        objectID = meta["_menu_item_object_id"].map(PHPScalar.toInt) ?? 0
        parentItem = meta["_menu_item_menu_item_parent"].map(PHPScalar.toInt) ?? 0
        target = meta["_menu_item_target"].map(PHPScalar.toString) ?? ""
        classes = meta["_menu_item_classes"]?.arrayValue?.map(PHPScalar.toString) ?? [meta["_menu_item_classes"].map(PHPScalar.toString) ?? ""]
        xfn = meta["_menu_item_xfn"].map(PHPScalar.toString) ?? ""
        url = meta["_menu_item_url"].map(PHPScalar.toString) ?? ""
        self.menu = menu
        storedMeta = meta
        // A custom link is its own object (`wp_update_nav_menu_item`).
        if kind == .custom { objectID = post.id }
    }

    /// The meta an item is stored with (`wp_update_nav_menu_item`).
    var meta: [(String, JSON?)] {
        [("_menu_item_type", .string(kind.rawValue)), ("_menu_item_menu_item_parent", .string(String(parentItem))),
         ("_menu_item_object_id", .string(String(kind == .custom ? 0 : objectID))), ("_menu_item_object", .string(object)),
         ("_menu_item_target", .string(target)), ("_menu_item_classes", .array(classes.map(JSON.string))),
         ("_menu_item_xfn", .string(xfn)), ("_menu_item_url", .string(url))]
    }

    /// `sanitize_html_class`: percent-encoded octets and every character but letters, digits,
    /// `_` and `-` removed.
    static func htmlClass(_ raw: String) -> String {
        var s = raw
        while let r = s.range(of: "%[a-fA-F0-9]{2}", options: .regularExpression) { s.removeSubrange(r) }
        return String(s.unicodeScalars.filter { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" })
    }

    /// `wp_parse_list`: a list as given, or a string split at commas and white space.
    static func parseList(_ v: JSON) -> [String] {
        if let items = v.arrayValue { return items.map(PHPScalar.toString) }
        return PHPScalar.toString(v).split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    /// `wp_specialchars_decode` (no quotes): `&amp;`, `&lt;` and `&gt;`, named or numbered, as the characters.
    static func decodeSpecialChars(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (entities, char) in [(["&lt;", "&#060;", "&#60;", "&#x3c;"], "<"), (["&gt;", "&#062;", "&#62;", "&#x3e;"], ">"),
                                 (["&amp;", "&#038;", "&#38;", "&#x26;"], "&")] {
            for e in entities { out = out.replacingOccurrences(of: e, with: char, options: .caseInsensitive) }
        }
        return out
    }
}
