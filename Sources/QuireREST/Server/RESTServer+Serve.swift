/// Serving a REST request end to end (`WP_REST_Server::serve_request`): the route from the URL,
/// the API's headers, authentication, method override, `_jsonp`, `_envelope`, `_embed`, HEAD.
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

    /// `wp_check_jsonp_callback`: letters, digits, "_" and "." only.
    static func isValidJSONPCallback(_ v: JSON) -> Bool {
        guard case .string(let s) = v else { return false }
        return s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "."
        }
    }

    public func serve(_ input: HTTPInput) async -> HTTPOutput? {
        let query = FormDecoder.decode(input.query)
        guard let route = Self.restRoute(path: input.path, query: query) else {
            if let pages, let page = await pages.answer(input, server: self) { return page }
            return homePage(input)
        }
        if let refused = await authenticator.refusal(input) {
            var headers = HeaderList()
            headers.add("Content-Type", "application/json; charset=UTF-8")
            if let wait = refused.data["retry_after"]?.intValue { headers.add("Retry-After", String(wait)) }
            return HTTPOutput(status: refused.status, headers: headers, body: JSONEncoding.encode(refused.body))
        }
        let method = input.method.uppercased()
        let authentication = await authenticator.authenticate(input)
        // Only a request shaped by its URL and caller alone may use the cache: parameters can
        // also come in a body (JSON or form), and such an answer must never be stored under,
        // or served from, the entry of the bare URL.
        guard method == "GET" || method == "HEAD", query["_method"] == nil, input.headers["X-HTTP-Method-Override"] == nil,
              input.body.isEmpty else {
            var output = await serve(input, route: route, query: query, authentication: authentication)
            for (name, value) in authentication.headers { output.headers.set(name, value) }
            return output
        }
        // GET answers are cached per caller (anonymous, or each user), checked against the
        // content version, and carry an ETag that a matching If-None-Match turns into a 304.
        var output: HTTPOutput
        let version = await contentVersion?()
        // An answer refused for its credentials is not the anonymous answer: it is never cached.
        if let cache, let version, authentication.error == nil {
            let user = authentication.user
            let key = "\(user?.id ?? 0)|\(input.path)?\(input.query)|\(input.headers["Origin"] ?? "")"
            if let hit = cache.lookup(key, version: version) {
                output = hit
                output.fromCache = true
            } else {
                // HEAD is answered as GET without its body, so one entry serves both.
                var get = input
                get.method = "GET"
                output = await serve(get, route: route, query: query, authentication: authentication)
                if output.status == 200 { output.headers.set("ETag", EntityTag.of(output.body ?? [])) }
                cache.store(key, version: version, output: output)
            }
            // Per-caller headers (a refreshed nonce differs between two sessions of one user) are
            // added to what is sent, never to what is kept.
            for (name, value) in authentication.headers { output.headers.set(name, value) }
        } else {
            output = await serve(input, route: route, query: query, authentication: authentication)
            if output.status == 200 { output.headers.set("ETag", EntityTag.of(output.body ?? [])) }
            for (name, value) in authentication.headers { output.headers.set(name, value) }
        }
        if method == "HEAD" { output.body = nil }
        if let tag = output.headers["ETag"], let wanted = input.headers["If-None-Match"],
           wanted.split(separator: ",").contains(where: { $0.trimmingSpaces() == tag || $0.trimmingSpaces() == "*" }) {
            // The same answer, route and caller, without its body.
            var notModified = output
            notModified.status = 304
            notModified.body = nil
            return notModified
        }
        return output
    }

    /// The site's home page: a short page that points at the API, with the discovery `Link`
    /// header WordPress sends on every page (`rest_output_link_header`); nil for other paths.
    func homePage(_ input: HTTPInput) -> HTTPOutput? {
        let method = input.method.uppercased()
        guard input.path == "/" || input.path == "/index.php", method == "GET" || method == "HEAD" else { return nil }
        var headers = HeaderList()
        headers.add("Content-Type", "text/html; charset=UTF-8")
        headers.add("Link", "<\(site.restRoot)>; rel=\"https://api.w.org/\"")
        let title = HTMLText.escape(site.name)
        let page = "<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>\(title)</title>"
            + "<link rel=\"https://api.w.org/\" href=\"\(site.restRoot)\"></head>"
            + "<body><h1>\(title)</h1><p><a href=\"\(site.restRoot)\">\(site.restRoot)</a></p></body></html>\n"
        return HTTPOutput(status: 200, headers: headers, body: method == "HEAD" ? nil : Array(page.utf8))
    }

    func serve(_ input: HTTPInput, route: String, query: JSONObject, authentication: Authentication) async -> HTTPOutput {
        let jsonp = query["_jsonp"].flatMap { $0.isEmptyLike ? nil : $0 }
        var headers = HeaderList()
        headers.add("Content-Type", (jsonp != nil ? "application/javascript" : "application/json") + "; charset=UTF-8")
        headers.add("X-Robots-Tag", "noindex")
        headers.add("Link", "<\(site.restRoot)>; rel=\"https://api.w.org/\"")
        headers.add("X-Content-Type-Options", "nosniff")
        headers.add("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link")
        headers.add("Access-Control-Allow-Headers", "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type")

        let user = authentication.user
        if user != nil { for (k, v) in Self.noCacheHeaders { headers.set(k, v) } }

        if let jsonp, !Self.isValidJSONPCallback(jsonp) {
            let body = JSONEncoding.encode(["code": "rest_callback_invalid", "message": "Invalid JSONP callback function."])
            return HTTPOutput(status: 400, headers: headers, body: body)
        }

        let realMethod = input.method.uppercased()
        var method = realMethod
        if let m = query["_method"] {
            method = PHPScalar.toString(m).uppercased()
        } else if let m = input.headers["X-HTTP-Method-Override"] {
            method = m.uppercased()
        }
        // A request that only reads reads from one snapshot, embedded resources included.
        if let snapshot, method == "GET" || method == "HEAD" {
            return await snapshot { [headers, method] in
                await self.answer(input, route: route, query: query, method: method, authentication: authentication,
                                  headers: headers, jsonp: jsonp)
            }
        }
        return await answer(input, route: route, query: query, method: method, authentication: authentication, headers: headers, jsonp: jsonp)
    }

    /// The answer to a request whose caller is known: dispatched, shaped and encoded.
    func answer(_ input: HTTPInput, route: String, query: JSONObject, method: String, authentication: Authentication,
                headers: HeaderList, jsonp: JSON?) async -> HTTPOutput {
        var headers = headers
        let user = authentication.user
        let realMethod = input.method.uppercased()
        let overrideHeader = input.headers["X-HTTP-Method-Override"]
        var request = RESTRequest(method: method, route: route, headers: input.headers, query: query,
                                  rawBody: input.body, user: user)
        request.body = bodyParameters(input, realMethod: realMethod, finalMethod: method, files: &request.files)
        request.remoteAddress = input.remoteAddress
        request.isFromClient = true
        request.authenticationError = authentication.error

        var (response, handled) = await dispatchWithRequest(request)
        response = await postDispatch(response, request: handled)
        if overrideHeader != nil && query["_method"] == nil && response.status >= 400 {
            for (k, v) in Self.noCacheHeaders { headers.set(k, v) }
        }

        let embed = query["_embed"].flatMap { EmbedSelection.parse($0) }
        if query["_envelope"] != nil {
            var envelopeHeaders = JSONObject()
            for (name, value) in response.headers {
                if name == "X-WP-Total" || name == "X-WP-TotalPages", let n = Int(value) {
                    envelopeHeaders[name] = .int(n)
                } else {
                    envelopeHeaders[name] = .string(value)
                }
            }
            let envelope: JSON = [
                "body": await responseToData(response, embed: embed, user: user),
                "status": .int(response.status),
                "headers": .object(envelopeHeaders),
            ]
            response = RESTResponse(envelope)
        }

        for (name, value) in response.headers { headers.set(name, value) }
        if let origin = input.headers["Origin"] {
            headers.set("Access-Control-Allow-Origin", origin == "null" ? origin : TextSanitizer.url(origin))
            headers.set("Access-Control-Allow-Methods", "OPTIONS, GET, POST, PUT, PATCH, DELETE")
            headers.set("Access-Control-Allow-Credentials", "true")
            headers.add("Vary", "Origin")
        } else if realMethod == "GET" && user == nil {
            headers.add("Vary", "Origin")
        }

        var output: HTTPOutput
        if method == "HEAD" {
            output = HTTPOutput(status: response.status, headers: headers, body: nil)
        } else {
            if response.status == 204 {
                output = HTTPOutput(status: 204, headers: headers, body: nil)
            } else {
                var body: [UInt8]
                if embed == nil, let encoded = response.encoded {
                    body = encoded
                } else {
                    body = JSONEncoding.encode(await responseToData(response, embed: embed, user: user))
                }
                if let jsonp, case .string(let callback) = jsonp {
                    body = Array("/**/\(callback)(".utf8) + body + Array(")".utf8)
                }
                output = HTTPOutput(status: response.status, headers: headers, body: body)
            }
        }
        output.route = handled.matchedRoute
        output.userID = user?.id
        return output
    }

    /// Form fields of the body: what PHP puts in `$_POST` for a real POST, plus the body parsed
    /// as a form for other methods when it carries no other content type.
    func bodyParameters(_ input: HTTPInput, realMethod: String, finalMethod: String,
                        files: inout [MultipartDecoder.File]) -> JSONObject {
        let ct = input.headers["Content-Type"]
        let media = ct?.split(separator: ";").first.map { $0.trimmingSpaces().lowercased() } ?? ""
        var params = JSONObject()
        if realMethod == "POST" {
            if media == "application/x-www-form-urlencoded" {
                params = FormDecoder.decode(String(decoding: input.body, as: UTF8.self))
            } else if media == "multipart/form-data", let ct, let boundary = MultipartDecoder.boundary(fromContentType: ct) {
                let decoded = MultipartDecoder.decode(input.body, boundary: boundary)
                params = decoded.fields
                files = decoded.files
            }
        }
        if finalMethod != "POST", !input.body.isEmpty, media.isEmpty || media == "application/x-www-form-urlencoded" {
            let parsed = FormDecoder.decode(String(decoding: input.body, as: UTF8.self))
            for (k, v) in parsed where params[k] == nil { params[k] = v }
        }
        return params
    }
}
