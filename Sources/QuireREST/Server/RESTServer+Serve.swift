/// Serving a request from the web (`WP_REST_Server::serve_request`): the REST route from the URL,
/// the serving steps (`Middleware/`), then dispatch, `_envelope`, `_embed` and encoding.
extension RESTServer {
    static let noCacheHeaders = [("Expires", "Wed, 11 Jan 1984 05:00:00 GMT"),
                                 ("Cache-Control", "no-cache, must-revalidate, max-age=0")]

    /// The REST route a URL asks for: `/wp-json/<route>` or `?rest_route=<route>`; nil when the
    /// URL is not a REST request.
    public static func restRoute(path: String, query: JSONObject) -> String? {
        let decoded = FormDecoder.percentDecodePath(path)
        var route: String
        let pretty = decoded == "/wp-json" || decoded.hasPrefix("/wp-json/")
        // `?rest_route=` wins over the path, as a query variable from the URL wins over the
        // rewritten one in WordPress.
        if pretty || decoded == "/" || decoded == "/index.php", let r = query["rest_route"], !r.isEmptyLike {
            route = PHPScalar.toString(r)
        } else if pretty {
            route = String(decoded.dropFirst("/wp-json".count))
        } else {
            return nil
        }
        while route.count > 1, route.hasSuffix("/") { route.removeLast() }
        if route.isEmpty { route = "/" }
        return route
    }

    /// Answers a request from the web: a REST route through the serving steps (`serveSteps`),
    /// anything else from the site's pages; nil when nothing answers that path.
    public func serve(_ input: HTTPInput) async -> HTTPOutput? {
        let query = FormDecoder.decode(input.query)
        guard let route = Self.restRoute(path: input.path, query: query) else {
            if let pages, let page = await pages.answer(input, server: self) { return page }
            return homePage(input)
        }
        return await serve(ServeExchange(input: input, route: route, query: query), through: Self.serveSteps[...])
    }

    /// The site's home page: a short page that points at the API, with the discovery `Link`
    /// header WordPress sends on every page (`rest_output_link_header`); nil for other paths.
    func homePage(_ input: HTTPInput) -> HTTPOutput? {
        let method = input.method
        guard input.path == "/" || input.path == "/index.php", method.onlyReads else { return nil }
        var headers = HeaderList()
        headers.add("Content-Type", "text/html; charset=UTF-8")
        headers.add("Link", "<\(site.restRoot)>; rel=\"https://api.w.org/\"")
        let title = HTMLText.escape(site.name)
        let page = "<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>\(title)</title>"
            + "<link rel=\"https://api.w.org/\" href=\"\(site.restRoot)\"></head>"
            + "<body><h1>\(title)</h1><p><a href=\"\(site.restRoot)\">\(site.restRoot)</a></p></body></html>\n"
        return HTTPOutput(status: 200, headers: headers, body: method == .head ? nil : Array(page.utf8))
    }

    /// The last serving step: the request dispatched, its answer shaped (`_envelope`, `_embed`)
    /// and encoded, its headers laid over the API's.
    func answer(_ exchange: ServeExchange) async -> HTTPOutput {
        let input = exchange.input, method = exchange.method, user = exchange.authentication.user
        var request = RESTRequest(method: method, route: exchange.route, headers: input.headers, query: exchange.query,
                                  rawBody: input.body, user: user)
        request.body = bodyParameters(input, realMethod: input.method, finalMethod: method, files: &request.files)
        request.remoteAddress = input.remoteAddress
        request.isFromClient = true
        request.authenticationError = exchange.authentication.error

        var response = await handle(request)
        let matchedRoute = response.matchedRoute
        var headers = exchange.headers
        if exchange.methodFromHeader && response.status >= 400 {
            for (name, value) in Self.noCacheHeaders { headers.set(name, value) }
        }
        let embed = exchange.query["_embed"].flatMap { EmbedSelection.parse($0) }
        if exchange.query["_envelope"] != nil {
            response = await enveloped(response, embed: embed, user: user)
        }
        for (name, value) in response.headers { headers.set(name, value) }

        var body: [UInt8]?
        if method != .head && response.status != 204 {
            if embed == nil, let encoded = response.encoded {
                body = encoded
            } else {
                body = JSONEncoding.encode(await responseToData(response, embed: embed, user: user))
            }
        }
        var output = HTTPOutput(status: response.status, headers: headers, body: body)
        output.route = matchedRoute
        output.userID = user?.id
        return output
    }

    /// Form fields of the body: what PHP puts in `$_POST` for a real POST, plus the body parsed
    /// as a form for other methods when it carries no other content type.
    func bodyParameters(_ input: HTTPInput, realMethod: RequestMethod, finalMethod: RequestMethod,
                        files: inout [MultipartDecoder.File]) -> JSONObject {
        let ct = input.headers["Content-Type"]
        let media = ct?.split(separator: ";").first.map { $0.trimmingSpaces().lowercased() } ?? ""
        var params = JSONObject()
        if realMethod == .post {
            if media == "application/x-www-form-urlencoded" {
                params = FormDecoder.decode(String(decoding: input.body, as: UTF8.self))
            } else if media == "multipart/form-data", let ct, let boundary = MultipartDecoder.boundary(fromContentType: ct) {
                let decoded = MultipartDecoder.decode(input.body, boundary: boundary)
                params = decoded.fields
                files = decoded.files
            }
        }
        if finalMethod != .post, !input.body.isEmpty, media.isEmpty || media == "application/x-www-form-urlencoded" {
            let parsed = FormDecoder.decode(String(decoding: input.body, as: UTF8.self))
            for (k, v) in parsed where params[k] == nil { params[k] = v }
        }
        return params
    }
}
