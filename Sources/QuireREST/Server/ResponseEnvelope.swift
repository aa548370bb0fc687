extension RESTServer {
    /// `_envelope`: the answer as `{body, status, headers}` with status 200, for clients that
    /// cannot read statuses or headers (`envelope_response`); the totals are numbers.
    func enveloped(_ response: RESTResponse, embed: EmbedSelection?, user: (any RESTUser)?) async -> RESTResponse {
        var headers = JSONObject()
        for (name, value) in response.headers {
            if name == "X-WP-Total" || name == "X-WP-TotalPages", let n = Int(value) {
                headers[name] = .int(n)
            } else {
                headers[name] = .string(value)
            }
        }
        return RESTResponse([
            "body": await responseToData(response, embed: embed, user: user),
            "status": .int(response.status),
            "headers": .object(headers),
        ])
    }
}
