import QuireREST

/// A taxonomy's term schema and collection filters, built from the taxonomy as WordPress builds
/// them (`WP_REST_Terms_Controller::get_item_schema`, `get_collection_params`): titled after the
/// taxonomy (`tag` for `post_tag`), a parent for hierarchical ones, an offset for flat ones.
///
///     TermSchemas.item(PostTypes.customTaxonomy(name: "genre", label: "Genres", singularLabel: "Genre",
///                                               hierarchical: true, types: ["book"]))["title"]   // "genre"
enum TermSchemas {
    static func item(_ taxonomy: TaxonomyInfo) -> JSONObject {
        if taxonomy.controller == .menus { return menu(taxonomy) }
        var fields = [Fields.id, Fields.count, Fields.description, Fields.link, Fields.name, Fields.slug,
                      ("taxonomy", Schema("Type attribution for the term.", .string).enum(taxonomy.name).context(.view, .embed, .edit).readonly())]
        if taxonomy.hierarchical { fields.append(Fields.parent) }
        fields.append(Fields.meta)
        return Schema.resource(taxonomy.name == "post_tag" ? "tag" : taxonomy.name, fields)
    }

    /// A classic menu (`nav_menu`): a term's fields but its count, link and taxonomy; its
    /// locations and `auto_add` are fields of their own (`MenuFields`).
    static func menu(_ taxonomy: TaxonomyInfo) -> JSONObject {
        var fields = [Fields.id, Fields.description, Fields.name, Fields.slug]
        if taxonomy.hierarchical { fields.append(Fields.parent) }
        fields.append(Fields.meta)
        return Schema.resource(taxonomy.name, fields)
    }

    static func collection(_ taxonomy: TaxonomyInfo) -> JSONObject {
        var args = [PostSchemas.Filters.context, PostSchemas.Filters.page, PostSchemas.Filters.perPage, PostSchemas.Filters.search,
                    PostSchemas.Filters.exclude, PostSchemas.Filters.include]
        if !taxonomy.hierarchical { args.append(PostSchemas.Filters.offset) }
        args += [Filters.order, Filters.orderby, Filters.hideEmpty]
        if taxonomy.hierarchical { args.append(Filters.parent) }
        args += [Filters.post, Filters.slug]
        return Schema.arguments(args)
    }

    /// The fields a term may have.
    enum Fields {
        static let id = ("id", Schema("Unique identifier for the term.", .integer).context(.view, .embed, .edit).readonly())
        static let count = ("count", Schema("Number of published posts for the term.", .integer).context(.view, .edit).readonly())
        static let description = ("description", Schema("HTML description of the term.", .string).context(.view, .edit))
        static let link = ("link", Schema("URL of the term.", .string).format(.uri).context(.view, .embed, .edit).readonly())
        static let name = ("name", Schema("HTML title for the term.", .string).context(.view, .embed, .edit).required())
        static let slug = ("slug", Schema("An alphanumeric identifier for the term unique to its type.", .string).context(.view, .embed, .edit))
        static let parent = ("parent", Schema("The parent term ID.", .integer).context(.view, .edit))
        static let meta = ("meta", Schema("Meta fields.", .object).context(.view, .edit).properties([]))
    }

    /// The filters a term collection may take.
    enum Filters {
        static let order = ("order", Schema("Order sort attribute ascending or descending.", .string).default("asc").enum("asc", "desc"))
        static let orderby = ("orderby", Schema("Sort collection by term attribute.", .string).default("name")
            .enum("id", "include", "name", "slug", "include_slugs", "term_group", "description", "count"))
        static let hideEmpty = ("hide_empty", Schema("Whether to hide terms not assigned to any posts.", .boolean).default(false))
        static let parent = ("parent", Schema("Limit result set to terms assigned to a specific parent.", .integer))
        static let post = ("post", Schema("Limit result set to terms assigned to a specific post.", .integer).default(.null))
        static let slug = ("slug", Schema("Limit result set to terms with one or more specific slugs.", .array).items(Schema(.string)))
    }

    /// `/wp/v2/taxonomies`: what a taxonomy is, as `WP_REST_Taxonomies_Controller` describes it.
    static let taxonomy = Schema.resource("taxonomy", [
        ("capabilities", Schema("All capabilities used by the taxonomy.", .object).context(.edit).readonly()),
        ("description", Schema("A human-readable description of the taxonomy.", .string).context(.view, .edit).readonly()),
        ("hierarchical", Schema("Whether or not the taxonomy should have children.", .boolean).context(.view, .edit).readonly()),
        ("labels", Schema("Human-readable labels for the taxonomy for various contexts.", .object).context(.edit).readonly()),
        ("name", Schema("The title for the taxonomy.", .string).context(.view, .edit, .embed).readonly()),
        ("slug", Schema("An alphanumeric identifier for the taxonomy.", .string).context(.view, .edit, .embed).readonly()),
        ("show_cloud", Schema("Whether or not the term cloud should be displayed.", .boolean).context(.edit).readonly()),
        ("types", Schema("Types associated with the taxonomy.", .array).items(Schema(.string)).context(.view, .edit).readonly()),
        ("rest_base", Schema("REST base route for the taxonomy.", .string).context(.view, .edit, .embed).readonly()),
        ("rest_namespace", Schema("REST namespace route for the taxonomy.", .string).context(.view, .edit, .embed).readonly()),
        ("visibility", Schema("The visibility settings for the taxonomy.", .object).context(.edit).readonly().properties([
            ("public", Schema("Whether a taxonomy is intended for use publicly either via the admin interface or by front-end users.", .boolean)),
            ("publicly_queryable", Schema("Whether the taxonomy is publicly queryable.", .boolean)),
            ("show_ui", Schema("Whether to generate a default UI for managing this taxonomy.", .boolean)),
            ("show_admin_column", Schema("Whether to allow automatic creation of taxonomy columns on associated post-types table.", .boolean)),
            ("show_in_nav_menus", Schema("Whether to make the taxonomy available for selection in navigation menus.", .boolean)),
            ("show_in_quick_edit", Schema("Whether to show the taxonomy in the quick/bulk edit panel.", .boolean)),
        ])),
    ])
}
