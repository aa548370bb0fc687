import QuireREST

/// The `block-type` schema (`WP_REST_Block_Types_Controller::get_item_schema`): every field is
/// read-only and shown in every context.
enum BlockTypeSchema {
    static let everyContext: JSON = ["embed", "view", "edit"]

    /// A read-only field: `description`, `type`, then `extra` (items, properties…) and `default`,
    /// or `default` first where WordPress writes it first.
    static func field(_ description: String, _ type: JSON, default value: JSON, _ extra: JSONObject = [:],
                      defaultFirst: Bool = false) -> JSON {
        var o: JSONObject = ["description": .string(description), "type": type]
        if defaultFirst { o["default"] = value }
        for (k, v) in extra { o[k] = v }
        o["default"] = value
        o["context"] = everyContext
        o["readonly"] = true
        return .object(o)
    }

    static let strings: JSON = ["type": "string"]
    static let stringOrNull: JSON = ["string", "null"]
    static let emptyList = JSON.array([])
    static let emptyMap = JSON.object(JSONObject())

    static func handles(_ description: String) -> JSON {
        field(description, ["array"], default: emptyList, ["items": strings], defaultFirst: true)
    }

    static func deprecated(_ description: String, instead: String) -> JSON {
        field("\(description) DEPRECATED: Use `\(instead)` instead.", stringOrNull, default: .null)
    }

    static let innerBlocks: JSON = [
        "description": "The list of inner blocks used in the example.", "type": "array",
        "items": ["type": "object", "properties": [
            "name": ["description": "The name of the inner block.", "type": "string"],
            "attributes": ["description": "The attributes of the inner block.", "type": "object"],
            "innerBlocks": ["description": "A list of the inner block's own inner blocks. This is a recursive definition following the parent innerBlocks schema.", "type": "array"],
        ]],
    ]

    static let example = field("Block example.", ["object", "null"], default: .null, ["properties": [
        "attributes": ["description": "The attributes used in the example.", "type": "object"],
        "innerBlocks": innerBlocks,
    ]], defaultFirst: true)

    static let category = field("Block category.", stringOrNull, default: .null)
    static let icon = field("Icon of block type.", stringOrNull, default: .null)
    static let keywords = field("Block keywords.", "array", default: emptyList, ["items": strings])

    static let styles = field("Block style variations.", "array", default: emptyList, ["items": ["type": "object", "properties": [
        "name": ["description": "Unique name identifying the style.", "type": "string", "required": true],
        "label": ["description": "The human-readable label for the style.", "type": "string"],
        "inline_style": ["description": "Inline CSS code that registers the CSS class required for the style.", "type": "string"],
        "style_handle": ["description": "Contains the handle that defines the block style.", "type": "string"],
    ]]])

    static let variations: JSON = [
        "description": "Block variations.", "type": "array",
        "items": ["type": "object", "properties": [
            "name": ["description": "The unique and machine-readable name.", "type": "string", "required": true],
            "title": ["description": "A human-readable variation title.", "type": "string", "required": true],
            "description": ["description": "A detailed variation description.", "type": "string", "required": false],
            "category": category,
            "icon": icon,
            "isDefault": ["description": "Indicates whether the current variation is the default one.", "type": "boolean",
                          "required": false, "default": false],
            "attributes": ["description": "The initial values for attributes.", "type": "object"],
            "innerBlocks": innerBlocks,
            "example": example,
            "scope": ["description": "The list of scopes where the variation is applicable. When not provided, it assumes all available scopes.",
                      "type": ["array", "null"], "default": .null, "items": ["type": "string", "enum": ["block", "inserter", "transform"]],
                      "readonly": true],
            "keywords": keywords,
        ]],
        "readonly": true, "context": everyContext, "default": .null,
    ]

    static let schema: JSONObject = [
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "block-type",
        "type": "object",
        "properties": [
            "api_version": field("Version of block API.", "integer", default: 1),
            "title": field("Title of block type.", "string", default: ""),
            "name": field("Unique name identifying the block type.", "string", default: ""),
            "description": field("Description of block type.", "string", default: ""),
            "icon": icon,
            "attributes": ["description": "Block attributes.", "type": ["object", "null"], "properties": emptyList, "default": .null,
                           "additionalProperties": ["type": "object"], "context": everyContext, "readonly": true],
            "provides_context": field("Context provided by blocks of this type.", "object", default: emptyList,
                                      ["properties": emptyList, "additionalProperties": strings]),
            "uses_context": field("Context values inherited by blocks of this type.", "array", default: emptyList, ["items": strings],
                                  defaultFirst: true),
            "supports": field("Block supports.", "object", default: emptyList, ["properties": emptyList], defaultFirst: true),
            "category": category,
            "is_dynamic": field("Is the block dynamically rendered.", "boolean", default: false),
            "editor_script_handles": handles("Editor script handles."),
            "script_handles": handles("Public facing and editor script handles."),
            "view_script_handles": handles("Public facing script handles."),
            "editor_style_handles": handles("Editor style handles."),
            "style_handles": handles("Public facing and editor style handles."),
            "styles": styles,
            "variations": variations,
            "textdomain": field("Public text domain.", stringOrNull, default: .null),
            "parent": field("Parent blocks.", ["array", "null"], default: .null, ["items": strings]),
            "ancestor": field("Ancestor blocks.", ["array", "null"], default: .null, ["items": strings]),
            "keywords": keywords,
            "example": example,
            "editor_script": deprecated("Editor script handle.", instead: "editor_script_handles"),
            "script": deprecated("Public facing and editor script handle.", instead: "script_handles"),
            "view_script": deprecated("Public facing script handle.", instead: "view_script_handles"),
            "editor_style": deprecated("Editor style handle.", instead: "editor_style_handles"),
            "style": deprecated("Public facing and editor style handle.", instead: "style_handles"),
        ],
    ]
}
