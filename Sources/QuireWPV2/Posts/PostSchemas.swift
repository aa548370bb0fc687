import QuireREST

/// The schema and collection filters of a post type served by the posts controller, built from
/// what the type is and supports, as `/wp/v2/posts`, `/wp/v2/pages` and plugins' types describe
/// them (`WP_REST_Posts_Controller::get_item_schema`, `get_collection_params`).
///
///     PostSchemas.item(PostTypes.page, taxonomies: [])["properties"]?["menu_order"]
///     // {"description": "The order of the post in relation to other posts.", "type": "integer", …}
enum PostSchemas {
    /// The features whose fields `post` and `page` always have, whatever they support; other
    /// types have the fields of what they support.
    static let fixedFeatures: [String: Set<String>] = [
        "post": ["title", "editor", "author", "excerpt", "thumbnail", "comments", "revisions", "post-formats", "custom-fields"],
        "page": ["title", "editor", "author", "excerpt", "thumbnail", "comments", "revisions", "page-attributes", "custom-fields"],
    ]

    static func features(of type: PostType) -> Set<String> { fixedFeatures[type.name] ?? type.supports }

    /// Whether the type's collection is filtered and sorted by `menu_order`.
    static func hasMenuOrder(_ type: PostType) -> Bool { type.name == "page" || type.supports.contains("page-attributes") }

    /// The item schema: the fields every post has, then those of what the type supports, then
    /// one per taxonomy.
    static func item(_ type: PostType, taxonomies: [TaxonomyInfo]) -> JSONObject {
        var fields = Fields.common
        if type.isViewable && type.isPublic { fields += [Fields.permalinkTemplate, Fields.generatedSlug] }
        if type.hierarchical { fields.append(Fields.parent) }
        let features = features(of: type)
        let rawTexts = type.controller == .blocks
        for feature in ["title", "editor", "author", "excerpt", "thumbnail", "comments", "page-attributes", "post-formats", "custom-fields"]
        where features.contains(feature) {
            switch feature {
            case "title": fields.append(rawTexts ? Fields.rawOnly(Fields.title) : Fields.title)
            case "editor": fields.append(rawTexts ? Fields.rawOnly(Fields.content) : Fields.content)
            case "author": fields.append(Fields.author)
            case "excerpt": fields.append(Fields.excerpt)
            case "thumbnail": fields.append(Fields.featuredMedia)
            case "comments": fields += [Fields.commentStatus, Fields.pingStatus]
            case "page-attributes": fields.append(Fields.menuOrder)
            case "post-formats": fields.append(Fields.format)
            default: fields.append(Fields.meta)
            }
        }
        if type.name == "post" { fields.append(Fields.sticky) }
        fields.append(Fields.template)
        for taxonomy in taxonomies {
            fields.append((taxonomy.restBase, Schema("The terms assigned to the post in the \(taxonomy.name) taxonomy.", .array)
                .items(Schema(.integer)).context(.view, .edit)))
        }
        return Schema.resource(type.name, fields)
    }

    /// The filters its collection takes.
    static func collection(_ type: PostType, taxonomies: [TaxonomyInfo]) -> JSONObject {
        var args = [Filters.context, Filters.page, Filters.perPage, Filters.search, Filters.after, Filters.modifiedAfter]
        if type.supports.contains("author") { args += [Filters.author, Filters.authorExclude] }
        args += [Filters.before, Filters.modifiedBefore, Filters.exclude, Filters.include]
        let menuOrder = hasMenuOrder(type)
        if menuOrder { args.append(Filters.menuOrder) }
        args += [Filters.offset, Filters.order, Filters.orderby(menuOrder: menuOrder)]
        if type.hierarchical { args += [Filters.parent, Filters.parentExclude] }
        args += [Filters.slug, Filters.status]
        if !taxonomies.isEmpty { args.append(Filters.taxRelation) }
        for taxonomy in taxonomies {
            args.append((taxonomy.restBase, termLimit("Limit result set to items with specific terms assigned in the \(taxonomy.restBase) taxonomy.",
                                                      hierarchical: taxonomy.hierarchical, including: true)))
            args.append(("\(taxonomy.restBase)_exclude",
                         termLimit("Limit result set to items except those with specific terms assigned in the \(taxonomy.restBase) taxonomy.",
                                   hierarchical: taxonomy.hierarchical, including: false)))
        }
        if type.name == "post" { args.append(Filters.sticky) }
        return Schema.arguments(args)
    }

    /// A filter by a taxonomy's terms (`prepare_taxonomy_limit_schema`): a list of ids, or
    /// `{terms, include_children, operator}`; children only for hierarchical taxonomies, the
    /// operator only when including.
    static func termLimit(_ description: String, hierarchical: Bool, including: Bool) -> Schema {
        var query = [("terms", Schema("Term IDs.", .array).items(Schema(.integer)).default(.array([])))]
        if hierarchical {
            query.append(("include_children", Schema("Whether to include child terms in the terms limiting the result set.", .boolean)
                .default(false)))
        }
        if including {
            query.append(("operator", Schema("Whether items must be assigned all or any of the specified terms.", .string)
                .enum("AND", "OR").default("OR")))
        }
        return Schema(description, .object, .array).oneOf([
            Schema().title("Term ID List").description("Match terms with the listed IDs.").type(.array).items(Schema(.integer)),
            Schema().title("Term ID Taxonomy Query").description("Perform an advanced term query.").type(.object)
                .properties(query).additionalProperties(false),
        ])
    }
}
