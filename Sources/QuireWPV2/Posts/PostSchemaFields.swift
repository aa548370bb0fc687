import QuireREST
import QuireStore

extension PostSchemas {
    /// The fields a post may have, each as WordPress describes it.
    enum Fields {
        static let common: [(String, Schema)] = [
            ("date", Schema("The date the post was published, in the site's timezone.", .string, .null).format(.dateTime).context(.view, .edit, .embed)),
            ("date_gmt", Schema("The date the post was published, as GMT.", .string, .null).format(.dateTime).context(.view, .edit)),
            ("guid", Schema("The globally unique identifier for the post.", .object).context(.view, .edit).readonly().properties([
                ("raw", Schema("GUID for the post, as it exists in the database.", .string).context(.edit).readonly()),
                ("rendered", Schema("GUID for the post, transformed for display.", .string).context(.view, .edit).readonly()),
            ])),
            ("id", Schema("Unique identifier for the post.", .integer).context(.view, .edit, .embed).readonly()),
            ("link", Schema("URL to the post.", .string).format(.uri).context(.view, .edit, .embed).readonly()),
            ("modified", Schema("The date the post was last modified, in the site's timezone.", .string).format(.dateTime).context(.view, .edit).readonly()),
            ("modified_gmt", Schema("The date the post was last modified, as GMT.", .string).format(.dateTime).context(.view, .edit).readonly()),
            ("slug", Schema("An alphanumeric identifier for the post unique to its type.", .string).context(.view, .edit, .embed)),
            ("status", Schema("A named status for the post.", .string).enum(PostStatus.settable.map(\.rawValue)).context(.view, .edit)),
            ("type", Schema("Type of post.", .string).context(.view, .edit, .embed).readonly()),
            ("password", Schema("A password to protect access to the content and excerpt.", .string).context(.edit)),
        ]
        static let permalinkTemplate = ("permalink_template", Schema("Permalink template for the post.", .string).context(.edit).readonly())
        static let generatedSlug = ("generated_slug", Schema("Slug automatically generated from the post title.", .string).context(.edit).readonly())
        static let parent = ("parent", Schema("The ID for the parent of the post.", .integer).context(.view, .edit))
        static let title = ("title", Schema.rendered("The title for the post.", .view, .edit, .embed,
                                                     raw: "Title for the post, as it exists in the database.",
                                                     rendered: "HTML title for the post, transformed for display."))
        static let content = ("content", Schema.rendered("The content for the post.", .view, .edit,
                                                         raw: "Content for the post, as it exists in the database.",
                                                         rendered: "HTML content for the post, transformed for display.", more: [
            ("block_version", Schema("Version of the content block format used by the post.", .integer).context(.edit).readonly()),
            ("protected", Schema("Whether the content is protected with a password.", .boolean).context(.view, .edit, .embed).readonly()),
        ]))
        static let author = ("author", Schema("The ID for the author of the post.", .integer).context(.view, .edit, .embed))
        static let excerpt = ("excerpt", Schema.rendered("The excerpt for the post.", .view, .edit, .embed,
                                                         raw: "Excerpt for the post, as it exists in the database.",
                                                         rendered: "HTML excerpt for the post, transformed for display.", more: [
            ("protected", Schema("Whether the excerpt is protected with a password.", .boolean).context(.view, .edit, .embed).readonly()),
        ]))
        static let featuredMedia = ("featured_media", Schema("The ID of the featured media for the post.", .integer).context(.view, .edit, .embed))
        static let commentStatus = ("comment_status", Schema("Whether or not comments are open on the post.", .string).enum("open", "closed").context(.view, .edit))
        static let pingStatus = ("ping_status", Schema("Whether or not the post can be pinged.", .string).enum("open", "closed").context(.view, .edit))
        static let menuOrder = ("menu_order", Schema("The order of the post in relation to other posts.", .integer).context(.view, .edit))
        static let format = ("format", Schema("The format for the post.", .string).enum(PostFormats.all).context(.view, .edit))
        static let meta = ("meta", Schema("Meta fields.", .object).context(.view, .edit).properties([]))
        static let sticky = ("sticky", Schema("Whether or not the post should be treated as sticky.", .boolean).context(.view, .edit))
        static let template = ("template", Schema("The theme file to use to display the post.", .string).context(.view, .edit))

        /// A title or content as reusable blocks show it (`WP_REST_Blocks_Controller`): the raw
        /// text in every context, nothing rendered.
        static func rawOnly(_ field: (String, Schema)) -> (String, Schema) {
            guard var members = field.1.keywords["properties"]?.objectValue else { return field }
            members["rendered"] = nil
            if var raw = members["raw"]?.objectValue {
                raw["context"] = ["view", "edit"]
                members["raw"] = .object(raw)
            }
            return (field.0, field.1.with("properties", .object(members)))
        }
    }

    /// The filters a post collection may take.
    enum Filters {
        static let context = ("context", Schema("Scope under which the request is made; determines fields present in response.", .string)
            .enum("view", "embed", "edit").default("view"))
        static let page = ("page", Schema("Current page of the collection.", .integer).default(1).minimum(1))
        static let perPage = ("per_page", Schema("Maximum number of items to be returned in result set.", .integer).default(10).minimum(1).maximum(100))
        static let search = ("search", Schema("Limit results to those matching a string.", .string))
        static let after = ("after", Schema("Limit response to posts published after a given ISO8601 compliant date.", .string).format(.dateTime))
        static let modifiedAfter = ("modified_after", Schema("Limit response to posts modified after a given ISO8601 compliant date.", .string).format(.dateTime))
        static let author = ("author", ids("Limit result set to posts assigned to specific authors."))
        static let authorExclude = ("author_exclude", ids("Ensure result set excludes posts assigned to specific authors."))
        static let before = ("before", Schema("Limit response to posts published before a given ISO8601 compliant date.", .string).format(.dateTime))
        static let modifiedBefore = ("modified_before", Schema("Limit response to posts modified before a given ISO8601 compliant date.", .string).format(.dateTime))
        static let exclude = ("exclude", ids("Ensure result set excludes specific IDs."))
        static let include = ("include", ids("Limit result set to specific IDs."))
        static let menuOrder = ("menu_order", Schema("Limit result set to posts with a specific menu_order value.", .integer))
        static let offset = ("offset", Schema("Offset the result set by a specific number of items.", .integer))
        static let order = ("order", Schema("Order sort attribute ascending or descending.", .string).default("desc").enum("asc", "desc"))
        static func orderby(menuOrder: Bool) -> (String, Schema) {
            let keys = ["author", "date", "id", "include", "modified", "parent", "relevance", "slug", "include_slugs", "title"]
            return ("orderby", Schema("Sort collection by post attribute.", .string).default("date").enum(menuOrder ? keys + ["menu_order"] : keys))
        }
        static let parent = ("parent", ids("Limit result set to items with particular parent IDs."))
        static let parentExclude = ("parent_exclude", ids("Limit result set to all items except those of a particular parent ID."))
        static let slug = ("slug", Schema("Limit result set to posts with one or more specific slugs.", .array).items(Schema(.string)))
        static let status = ("status", Schema().default("publish").description("Limit result set to posts assigned one or more statuses.")
            .type(.array).items(Schema().enum((PostStatus.all + PostStatus.requests).map(\.rawValue) + ["any"]).type(.string)))
        static let taxRelation = ("tax_relation", Schema("Limit result set based on relationship between multiple taxonomies.", .string).enum("AND", "OR"))
        static let sticky = ("sticky", Schema("Limit result set to items that are sticky.", .boolean))

        static func ids(_ description: String) -> Schema {
            Schema(description, .array).items(Schema(.integer)).default(.array([]))
        }
    }
}
