/// `/batch/v1`: several write requests in one call, each dispatched with the caller's
/// identity and answered in order with its own status, headers and body.
extension RESTServer {
    static let maxBatchSize = 25

    static func batchRoute() -> RESTRoute {
        let requestSchema: JSON = [
            "type": "object",
            "properties": [
                "method": ["type": "string", "enum": ["POST", "PUT", "PATCH", "DELETE"], "default": "POST"],
                "path": ["type": "string", "required": true],
                "body": ["type": "object", "properties": .array([]), "additionalProperties": true],
                "headers": ["type": "object", "properties": .array([]),
                            "additionalProperties": ["type": ["string", "array"], "items": ["type": "string"]]],
            ],
        ]
        return RESTRoute(namespace: "", pattern: "/batch/v1", endpoints: [
            RESTEndpoint(RESTEndpoint.creatable, arguments: [
                RESTArgument("validation", schema: ["type": "string", "enum": ["require-all-validate", "normal"], "default": "normal"],
                             validation: .schema, sanitization: .schema),
                RESTArgument("requests", schema: ["required": true, "type": "array", "maxItems": .int(maxBatchSize), "items": requestSchema],
                             validation: .schema, sanitization: .schema),
            ], handler: { request in await request.server.serveBatch(request) }),
        ])
    }

    /// One sub-request as `WP_REST_Request` would be built from the batch item.
    func batchItem(_ item: JSON, parent: RESTRequest) -> RESTRequest {
        let method = item["method"]?.stringValue ?? "POST"
        var path = item["path"]?.stringValue ?? ""
        // A full URL names its path (`wp_parse_url`): the host is not looked at.
        if let scheme = path.range(of: "://"), !path[..<scheme.lowerBound].contains("/") {
            let afterHost = path[scheme.upperBound...]
            path = afterHost.firstIndex(where: { $0 == "/" || $0 == "?" }).map { String(afterHost[$0...]) } ?? "/"
        }
        var query = JSONObject()
        if let q = path.firstIndex(of: "?") {
            query = FormDecoder.decode(path[path.index(after: q)...])
            path = String(path[..<q])
        }
        var headers = parent.headers
        for (name, value) in item["headers"]?.objectValue ?? JSONObject() {
            headers.set(name, value.stringValue ?? value.arrayValue?.compactMap(\.stringValue).joined(separator: ",") ?? "")
        }
        headers.remove("Content-Type")
        var sub = RESTRequest(method: RequestMethod(method), route: path, headers: headers, query: query,
                              body: item["body"]?.objectValue ?? JSONObject(), user: parent.user)
        sub.remoteAddress = parent.remoteAddress
        sub.boundServer = self
        return sub
    }

    /// Matches and validates a sub-request without running it.
    func validateBatchItem(_ sub: inout RESTRequest) async -> RESTError? {
        if let e = match(&sub) { return e }
        guard let pattern = sub.matchedRoute, let route = registry.route(pattern: pattern),
              route.allowBatch, sub.endpoint?.allowBatch == true else {
            return RESTError("rest_batch_not_allowed", "The requested route does not support batch requests.", status: 400)
        }
        return await ParameterValidation.checkAndSanitize(&sub)
    }

    func serveBatch(_ request: RESTRequest) async -> RESTResponse {
        let items = request["requests"]?.arrayValue ?? []
        var subs = items.map { batchItem($0, parent: request) }
        var failures: [RESTError?] = []
        for i in subs.indices { failures.append(await validateBatchItem(&subs[i])) }

        if request["validation"]?.stringValue == "require-all-validate", failures.contains(where: { $0 != nil }) {
            var responses: [JSON] = []
            for f in failures {
                if let f { responses.append(envelope(RESTResponse(error: f))) } else { responses.append(.null) }
            }
            return RESTResponse(["failed": "validation", "responses": .array(responses)], status: 207)
        }
        var responses: [JSON] = []
        for (i, sub) in subs.enumerated() {
            // Each item, already matched and validated, passes through the middleware like any request.
            let failure = failures[i]
            let response = await through(middleware[...], sub) { sub in
                var response = if let failure { RESTResponse(error: failure) } else { await self.respond(sub) }
                response.matchedRoute = sub.matchedRoute
                return await self.finish(response, request: sub, allowHeader: true)
            }
            responses.append(envelope(response))
        }
        return RESTResponse(["responses": .array(responses)], status: 207)
    }

    /// `{body, status, headers}` as `envelope_response` builds it.
    func envelope(_ response: RESTResponse) -> JSON {
        var headers = JSONObject()
        for (name, value) in response.headers { headers[name] = .string(value) }
        return ["body": response.dataWithLinks, "status": .int(response.status), "headers": .object(headers)]
    }
}
