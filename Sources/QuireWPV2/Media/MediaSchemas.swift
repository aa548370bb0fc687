import QuireREST

/// The media resource as `/wp/v2/media` describes it, and the filters its collection takes.
enum MediaSchemas {
    /// A post's fields as attachments have them (no password, no content), then their own.
    static let media = Schema.resource("attachment", PostSchemas.Fields.common.filter { $0.0 != "password" } + [
        PostSchemas.Fields.permalinkTemplate, PostSchemas.Fields.generatedSlug, PostSchemas.Fields.title, PostSchemas.Fields.author,
        PostSchemas.Fields.commentStatus, PostSchemas.Fields.pingStatus, PostSchemas.Fields.meta, PostSchemas.Fields.template,
        ("alt_text", Schema("Alternative text to display when attachment is not displayed.", .string).context(.view, .edit, .embed)),
        ("caption", .rendered("The attachment caption.", .view, .edit, .embed,
                              raw: "Caption for the attachment, as it exists in the database.",
                              rendered: "HTML caption for the attachment, transformed for display.")),
        ("description", .rendered("The attachment description.", .view, .edit,
                                  raw: "Description for the attachment, as it exists in the database.",
                                  rendered: "HTML description for the attachment, transformed for display.")),
        ("media_type", Schema("Attachment type.", .string).enum("image", "file").context(.view, .edit, .embed).readonly()),
        ("mime_type", Schema("The attachment MIME type.", .string).context(.view, .edit, .embed).readonly()),
        ("media_details", Schema("Details about the media file, specific to its type.", .object).context(.view, .edit, .embed).readonly()),
        ("post", Schema("The ID for the associated post of the attachment.", .integer).context(.view, .edit)),
        ("source_url", Schema("URL to the original attachment file.", .string).format(.uri).context(.view, .edit, .embed).readonly()),
        ("missing_image_sizes", Schema("List of the missing image sizes of the attachment.", .array).items(Schema(.string)).context(.edit).readonly()),
    ])
    static let mediaPlan = ContextPlan(media)
    typealias Filters = PostSchemas.Filters
    /// A post collection's filters as attachments take them: every attachment has a parent.
    static let collection = Schema.arguments([
        Filters.context, Filters.page, Filters.perPage, Filters.search, Filters.after, Filters.modifiedAfter, Filters.author,
        Filters.authorExclude, Filters.before, Filters.modifiedBefore, Filters.exclude, Filters.include, Filters.offset, Filters.order,
        Filters.orderby(menuOrder: false), Filters.parent, Filters.parentExclude, Filters.slug,
        ("status", Schema().default("inherit").description("Limit result set to posts assigned one or more statuses.").type(.array).items(Schema().enum("inherit", "private", "trash").type(.string))),
        ("media_type", Schema().default(.null).description("Limit result set to attachments of a particular media type.").type(.string).enum("image", "video", "text", "application", "audio")),
        ("mime_type", Schema().default(.null).description("Limit result set to attachments of a particular MIME type.").type(.string)),
    ])
}
