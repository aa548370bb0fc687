import QuireREST

/// The comment resource as `/wp/v2/comments` describes it, and the filters its collection takes.
enum CommentSchemas {
    static let comment = Schema.resource("comment", [
        ("id", Schema("Unique identifier for the comment.", .integer).context(.view, .edit, .embed).readonly()),
        ("author", Schema("The ID of the user object, if author was a user.", .integer).context(.view, .edit, .embed)),
        ("author_email", Schema("Email address for the comment author.", .string).format(.email).context(.edit)),
        ("author_ip", Schema("IP address for the comment author.", .string).format(.ip).context(.edit)),
        ("author_name", Schema("Display name for the comment author.", .string).context(.view, .edit, .embed)),
        ("author_url", Schema("URL for the comment author.", .string).format(.uri).context(.view, .edit, .embed)),
        ("author_user_agent", Schema("User agent for the comment author.", .string).context(.edit)),
        ("content", .rendered("The content for the comment.", .view, .edit, .embed,
                              raw: "Content for the comment, as it exists in the database.",
                              rendered: "HTML content for the comment, transformed for display.")),
        ("date", Schema("The date the comment was published, in the site's timezone.", .string).format(.dateTime).context(.view, .edit, .embed)),
        ("date_gmt", Schema("The date the comment was published, as GMT.", .string).format(.dateTime).context(.view, .edit)),
        ("link", Schema("URL to the comment.", .string).format(.uri).context(.view, .edit, .embed).readonly()),
        ("parent", Schema("The ID for the parent of the comment.", .integer).context(.view, .edit, .embed).default(0)),
        ("post", Schema("The ID of the associated post object.", .integer).context(.view, .edit).default(0)),
        ("status", Schema("State of the comment.", .string).context(.view, .edit)),
        ("type", Schema("Type of the comment.", .string).context(.view, .edit, .embed).readonly()),
        ("author_avatar_urls", Schema("Avatar URLs for the comment author.", .object).context(.view, .edit, .embed).readonly().properties([
            ("24", Schema("Avatar URL with image size of 24 pixels.", .string).format(.uri).context(.embed, .view, .edit)),
            ("48", Schema("Avatar URL with image size of 48 pixels.", .string).format(.uri).context(.embed, .view, .edit)),
            ("96", Schema("Avatar URL with image size of 96 pixels.", .string).format(.uri).context(.embed, .view, .edit)),
        ])),
        ("meta", Schema("Meta fields.", .object).context(.view, .edit).properties([])),
    ])
    static let commentPlan = ContextPlan(comment)
    static let collection = Schema.arguments([
        ("context", Schema("Scope under which the request is made; determines fields present in response.", .string).enum("view", "embed", "edit").default("view")),
        ("page", Schema("Current page of the collection.", .integer).default(1).minimum(1)),
        ("per_page", Schema("Maximum number of items to be returned in result set.", .integer).default(10).minimum(1).maximum(100)),
        ("search", Schema("Limit results to those matching a string.", .string)),
        ("after", Schema("Limit response to comments published after a given ISO8601 compliant date.", .string).format(.dateTime)),
        ("author", Schema("Limit result set to comments assigned to specific user IDs. Requires authorization.", .array).items(Schema(.integer))),
        ("author_exclude", Schema("Ensure result set excludes comments assigned to specific user IDs. Requires authorization.", .array).items(Schema(.integer))),
        ("author_email", Schema().default(.null).description("Limit result set to that from a specific author email. Requires authorization.").format(.email).type(.string)),
        ("before", Schema("Limit response to comments published before a given ISO8601 compliant date.", .string).format(.dateTime)),
        ("exclude", Schema("Ensure result set excludes specific IDs.", .array).items(Schema(.integer)).default(.array([]))),
        ("include", Schema("Limit result set to specific IDs.", .array).items(Schema(.integer)).default(.array([]))),
        ("offset", Schema("Offset the result set by a specific number of items.", .integer)),
        ("order", Schema("Order sort attribute ascending or descending.", .string).default("desc").enum("asc", "desc")),
        ("orderby", Schema("Sort collection by comment attribute.", .string).default("date_gmt").enum("date", "date_gmt", "id", "include", "post", "parent", "type")),
        ("parent", Schema().default(.array([])).description("Limit result set to comments of specific parent IDs.").type(.array).items(Schema(.integer))),
        ("parent_exclude", Schema().default(.array([])).description("Ensure result set excludes specific parent IDs.").type(.array).items(Schema(.integer))),
        ("post", Schema().default(.array([])).description("Limit result set to comments assigned to specific post IDs.").type(.array).items(Schema(.integer))),
        ("status", Schema().default("approve").description("Limit result set to comments assigned a specific status. Requires authorization.").type(.string)),
        ("type", Schema().default("comment").description("Limit result set to comments assigned a specific type. Requires authorization.").type(.string)),
        ("password", Schema("The password for the post if it is password protected.", .string)),
    ])
}
