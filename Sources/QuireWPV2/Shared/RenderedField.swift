import QuireREST

extension Schema {
    /// A text kept as written and shown transformed (a title, a caption): an object of `raw`,
    /// seen when editing, and read-only `rendered`, then any further members.
    ///
    ///     Schema.rendered("The attachment caption.", .view, .edit, .embed,
    ///                     raw: "Caption for the attachment, as it exists in the database.",
    ///                     rendered: "HTML caption for the attachment, transformed for display.")
    static func rendered(_ description: String, _ context: RESTContext..., raw: String, rendered: String,
                         more: [(String, Schema)] = []) -> Schema {
        Schema(description, .object).context(context).properties([
            ("raw", Schema(raw, .string).context(.edit)),
            ("rendered", Schema(rendered, .string).context(context).readonly()),
        ] + more)
    }
}
