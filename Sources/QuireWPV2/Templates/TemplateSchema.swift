import QuireREST

/// The `wp_template` and `wp_template_part` schemas (`WP_REST_Templates_Controller::get_item_schema`).
enum TemplateSchema {
    static let everyContext: JSON = ["embed", "view", "edit"]

    static func field(_ description: String, _ type: JSON, readonly: Bool = false, _ extra: JSONObject = [:]) -> JSON {
        var o: JSONObject = ["description": .string(description), "type": type]
        for (k, v) in extra { o[k] = v }
        o["context"] = everyContext
        if readonly { o["readonly"] = true }
        return .object(o)
    }

    static func schema(_ kind: TemplateKind) -> JSONObject {
        var properties: JSONObject = [
            "id": field("ID of template.", "string", readonly: true),
            "slug": field("Unique slug identifying the template.", "string", ["required": true, "minLength": 1, "pattern": "[a-zA-Z0-9_\\-]+"]),
            "theme": field("Theme identifier for the template.", "string"),
            "type": field("Type of template.", "string"),
            "source": field("Source of template", "string", readonly: true),
            "origin": field("Source of a customized template", "string", readonly: true),
            "content": field("Content of template.", ["object", "string"], ["default": "", "properties": [
                "raw": ["description": "Content for the template, as it exists in the database.", "type": "string", "context": ["view", "edit"]],
                "block_version": ["description": "Version of the content block format used by the template.", "type": "integer",
                                  "context": ["edit"], "readonly": true],
            ]]),
            "title": field("Title of template.", ["object", "string"], ["default": "", "properties": [
                "raw": ["description": "Title for the template, as it exists in the database.", "type": "string", "context": ["view", "edit", "embed"]],
                "rendered": ["description": "HTML title for the template, transformed for display.", "type": "string",
                             "context": ["view", "edit", "embed"], "readonly": true],
            ]]),
            "description": field("Description of template.", "string", ["default": ""]),
            "status": field("Status of template.", "string", ["enum": ["publish", "future", "draft", "pending", "private"], "default": "publish"]),
            "wp_id": field("Post ID.", "integer", readonly: true),
            "has_theme_file": field("Theme file exists.", "bool", readonly: true),
            "author": ["description": "The ID for the author of the template.", "type": "integer", "context": ["view", "edit", "embed"]],
        ]
        switch kind {
        case .template: properties["is_custom"] = field("Whether a template is a custom template.", "bool", readonly: true)
        case .part: properties["area"] = field("Where the template part is intended for use (header, footer, etc.)", "string")
        }
        return ["$schema": "http://json-schema.org/draft-04/schema#", "title": .string(kind.postType), "type": "object",
                "properties": .object(properties)]
    }
}
