import QuireREST

/// The API answers the block editor asks for first, fetched inside the server before the page
/// is sent and handed to `wp.apiFetch.createPreloadingMiddleware` (as `block_editor_rest_api_preload`
/// does), so the editor starts without waiting on them.
///
///     let preload = await EditorPreload.answers(["/wp/v2/settings", "OPTIONS /wp/v2/media"], as: user, server: server)
///     // {"/wp/v2/settings": {"body": {…}, "headers": {"Allow": "GET, POST, PUT, PATCH"}}, "OPTIONS": {"/wp/v2/media": {…}}}
enum EditorPreload {
    /// WordPress's list for the post editor (`edit-form-blocks.php`).
    static func paths(postRoute: String, typeName: String, restBase: (String) -> String?) -> [String] {
        var paths = ["/wp/v2/types?context=view", "/wp/v2/taxonomies?context=view"]
        if let blocks = restBase("wp_block") { paths.append("\(blocks)?context=edit&per_page=-1") }
        paths += ["\(postRoute)?context=edit", "/wp/v2/types/\(typeName)?context=edit", "/wp/v2/users/me"]
        for type in ["attachment", "page", "wp_block", "wp_template"] {
            if let route = restBase(type) { paths.append("OPTIONS \(route)") }
        }
        paths += ["\(postRoute)/autosaves?context=edit", "/wp/v2/settings", "OPTIONS /wp/v2/settings"]
        return paths
    }

    /// Each path's answer as `user`; answers that are not 2xx are left out, as WordPress leaves them.
    static func answers(_ paths: [String], as user: any RESTUser, server: RESTServer) async -> JSONObject {
        var out = JSONObject(), options = JSONObject()
        for entry in paths {
            let isOptions = entry.hasPrefix("OPTIONS ")
            let path = isOptions ? String(entry.dropFirst(8)) : entry
            let parts = path.split(separator: "?", maxSplits: 1)
            let route = String(parts[0])
            let query = parts.count > 1 ? FormDecoder.decode(parts[1]) : JSONObject()
            let request = RESTRequest(method: isOptions ? .options : .get, route: route, query: query, user: user)
            let answered = await server.handle(request)
            guard (200..<300).contains(answered.status) else { continue }
            let body = await server.responseToData(answered, embed: nil, user: user)
            var headers = JSONObject()
            for (name, value) in answered.headers { headers[name] = .string(value) }
            let value: JSON = ["body": body, "headers": .object(headers)]
            if isOptions { options[path] = value } else { out[path] = value }
        }
        if !options.isEmpty { out["OPTIONS"] = .object(options) }
        return out
    }
}
