import QuireREST

/// The `block-type` schema (`WP_REST_Block_Types_Controller::get_item_schema`): every field is
/// read-only and shown in every context.
enum BlockTypeSchema {
    static let everyContext: [RESTContext] = [.embed, .view, .edit]

    /// A read-only field in every context, with its `default`; `shape` adds what comes between
    /// (items, properties), before the default or after it as WordPress writes each field.
    static func field(_ base: Schema, default value: JSON, defaultFirst: Bool = false,
                      _ shape: (Schema) -> Schema = { $0 }) -> Schema {
        let shaped = defaultFirst ? shape(base.default(value)) : shape(base).default(value)
        return shaped.context(everyContext).readonly()
    }

    static let strings = Schema(.string)

    static func handles(_ description: String) -> Schema {
        field(Schema().description(description).with("type", ["array"]), default: [], defaultFirst: true) { $0.items(strings) }
    }

    static func deprecated(_ description: String, instead: String) -> Schema {
        field(Schema("\(description) DEPRECATED: Use `\(instead)` instead.", .string, .null), default: .null)
    }

    static let innerBlocks = Schema("The list of inner blocks used in the example.", .array).items(Schema(.object).properties([
        ("name", Schema("The name of the inner block.", .string)),
        ("attributes", Schema("The attributes of the inner block.", .object)),
        ("innerBlocks", Schema("A list of the inner block's own inner blocks. This is a recursive definition following the parent innerBlocks schema.", .array)),
    ]))

    static let example = field(Schema("Block example.", .object, .null), default: .null, defaultFirst: true) {
        $0.properties([
            ("attributes", Schema("The attributes used in the example.", .object)),
            ("innerBlocks", innerBlocks),
        ])
    }

    static let category = field(Schema("Block category.", .string, .null), default: .null)
    static let icon = field(Schema("Icon of block type.", .string, .null), default: .null)
    static let keywords = field(Schema("Block keywords.", .array), default: []) { $0.items(strings) }

    static let styles = field(Schema("Block style variations.", .array), default: []) {
        $0.items(Schema(.object).properties([
            ("name", Schema("Unique name identifying the style.", .string).required()),
            ("label", Schema("The human-readable label for the style.", .string)),
            ("inline_style", Schema("Inline CSS code that registers the CSS class required for the style.", .string)),
            ("style_handle", Schema("Contains the handle that defines the block style.", .string)),
        ]))
    }

    static let variations = Schema("Block variations.", .array).items(Schema(.object).properties([
        ("name", Schema("The unique and machine-readable name.", .string).required()),
        ("title", Schema("A human-readable variation title.", .string).required()),
        ("description", Schema("A detailed variation description.", .string).with("required", false)),
        ("category", category),
        ("icon", icon),
        ("isDefault", Schema("Indicates whether the current variation is the default one.", .boolean).with("required", false).default(false)),
        ("attributes", Schema("The initial values for attributes.", .object)),
        ("innerBlocks", innerBlocks),
        ("example", example),
        ("scope", Schema("The list of scopes where the variation is applicable. When not provided, it assumes all available scopes.", .array, .null)
            .default(.null).items(Schema(.string).enum("block", "inserter", "transform")).readonly()),
        ("keywords", keywords),
    ])).readonly().context(everyContext).default(.null)

    static let schema = Schema.resource("block-type", [
        ("api_version", field(Schema("Version of block API.", .integer), default: 1)),
        ("title", field(Schema("Title of block type.", .string), default: "")),
        ("name", field(Schema("Unique name identifying the block type.", .string), default: "")),
        ("description", field(Schema("Description of block type.", .string), default: "")),
        ("icon", icon),
        ("attributes", Schema("Block attributes.", .object, .null).properties([]).default(.null)
            .additionalProperties(Schema(.object)).context(everyContext).readonly()),
        ("provides_context", field(Schema("Context provided by blocks of this type.", .object), default: []) {
            $0.properties([]).additionalProperties(strings)
        }),
        ("uses_context", field(Schema("Context values inherited by blocks of this type.", .array), default: [], defaultFirst: true) {
            $0.items(strings)
        }),
        ("supports", field(Schema("Block supports.", .object), default: [], defaultFirst: true) { $0.properties([]) }),
        ("category", category),
        ("is_dynamic", field(Schema("Is the block dynamically rendered.", .boolean), default: false)),
        ("editor_script_handles", handles("Editor script handles.")),
        ("script_handles", handles("Public facing and editor script handles.")),
        ("view_script_handles", handles("Public facing script handles.")),
        ("editor_style_handles", handles("Editor style handles.")),
        ("style_handles", handles("Public facing and editor style handles.")),
        ("styles", styles),
        ("variations", variations),
        ("textdomain", field(Schema("Public text domain.", .string, .null), default: .null)),
        ("parent", field(Schema("Parent blocks.", .array, .null), default: .null) { $0.items(strings) }),
        ("ancestor", field(Schema("Ancestor blocks.", .array, .null), default: .null) { $0.items(strings) }),
        ("keywords", keywords),
        ("example", example),
        ("editor_script", deprecated("Editor script handle.", instead: "editor_script_handles")),
        ("script", deprecated("Public facing and editor script handle.", instead: "script_handles")),
        ("view_script", deprecated("Public facing script handle.", instead: "view_script_handles")),
        ("editor_style", deprecated("Editor style handle.", instead: "editor_style_handles")),
        ("style", deprecated("Public facing and editor style handle.", instead: "style_handles")),
    ])
}
