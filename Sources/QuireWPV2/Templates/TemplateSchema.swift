import QuireREST
import QuireStore

/// The `wp_template` and `wp_template_part` schemas (`WP_REST_Templates_Controller::get_item_schema`).
enum TemplateSchema {
    static let everyContext: [RESTContext] = [.embed, .view, .edit]

    /// The schema of `kind`, built once.
    static func schema(_ kind: TemplateKind) -> JSONObject {
        switch kind {
        case .template: return templates
        case .part: return parts
        }
    }

    private static let templates = build(.template), parts = build(.part)

    private static func build(_ kind: TemplateKind) -> JSONObject {
        var fields: [(String, Schema)] = [
            ("id", Schema("ID of template.", .string).context(everyContext).readonly()),
            ("slug", Schema("Unique slug identifying the template.", .string).context(everyContext).required()
                .with("minLength", 1).with("pattern", "[a-zA-Z0-9_\\-]+")),
            ("theme", Schema("Theme identifier for the template.", .string).context(everyContext)),
            ("type", Schema("Type of template.", .string).context(everyContext)),
            ("source", Schema("Source of template", .string).context(everyContext).readonly()),
            ("origin", Schema("Source of a customized template", .string).context(everyContext).readonly()),
            ("content", Schema("Content of template.", .object, .string).default("").context(everyContext).properties([
                ("raw", Schema("Content for the template, as it exists in the database.", .string).context(.view, .edit)),
                ("block_version", Schema("Version of the content block format used by the template.", .integer).context(.edit).readonly()),
            ])),
            ("title", Schema("Title of template.", .object, .string).default("").context(everyContext).properties([
                ("raw", Schema("Title for the template, as it exists in the database.", .string).context(.view, .edit, .embed)),
                ("rendered", Schema("HTML title for the template, transformed for display.", .string).context(.view, .edit, .embed).readonly()),
            ])),
            ("description", Schema("Description of template.", .string).default("").context(everyContext)),
            ("status", Schema("Status of template.", .string).enum(PostStatus.settable.map(\.rawValue)).default("publish").context(everyContext)),
            ("wp_id", Schema("Post ID.", .integer).context(everyContext).readonly()),
            ("has_theme_file", Schema("Theme file exists.", .bool).context(everyContext).readonly()),
            ("author", Schema("The ID for the author of the template.", .integer).context(.view, .edit, .embed)),
        ]
        switch kind {
        case .template: fields.append(("is_custom", Schema("Whether a template is a custom template.", .bool).context(everyContext).readonly()))
        case .part: fields.append(("area", Schema("Where the template part is intended for use (header, footer, etc.)", .string).context(everyContext)))
        }
        return Schema.resource(kind.postType, fields)
    }
}

private extension SchemaType {
    /// Not a JSON Schema type: WordPress writes it for the templates' flags, and clients read it so.
    static let bool = SchemaType(rawValue: "bool")
}
