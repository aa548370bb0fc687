import QuireREST

/// The `links` of a post type's schema: the actions a client may ask about (`wp:action-*`).
enum PostSchemaLinks {
    static func schema(for type: PostType, site: SiteInfo, base: JSONObject, types: ContentTypes) -> JSONObject {
        var schema = base
        let href = site.restURL(type.route + "/{id}")
        func link(_ rel: String, _ title: String, _ properties: JSON) -> JSON {
            ["rel": .string("https://api.w.org/\(rel)"), "title": .string(title), "href": .string(href),
             "targetSchema": ["type": "object", "properties": properties]]
        }
        var links: [JSON] = []
        // Attachments are never published, so they have no publish action.
        if type.name != "attachment" {
            links.append(link("action-publish", "The current user can publish this post.", ["status": ["type": "string", "enum": ["publish", "future"]]]))
        }
        links.append(link("action-unfiltered-html", "The current user can post unfiltered HTML markup and JavaScript.", ["content": ["raw": ["type": "string"]]]))
        if type.name == "post" {
            links.append(link("action-sticky", "The current user can sticky this post.", ["sticky": ["type": "boolean"]]))
        }
        if type.supports.contains("author") {
            links.append(link("action-assign-author", "The current user can change the author on this post.", ["author": ["type": "integer"]]))
        }
        for taxonomy in type.taxonomies {
            guard let info = types.taxonomy(taxonomy) else { continue }
            let arrayOfIDs: JSON = ["type": "array", "items": ["type": "integer"]]
            let prop = JSON.object(JSONObject([(info.restBase, arrayOfIDs)]))
            links.append(link("action-assign-\(info.restBase)", "The current user can assign terms in the \(taxonomy) taxonomy.", prop))
            links.append(link("action-create-\(info.restBase)", "The current user can create terms in the \(taxonomy) taxonomy.", prop))
        }
        schema["links"] = .array(links)
        return schema
    }
}
