import HTTPTypes
import HummingbirdTesting
import NIOCore
import QuireREST
import Testing

/// The errors a client meets most, each as WordPress answers it, and never a 500.
@Suite struct CoreBehaviourTests {
    struct Answer { let status: Int; let json: JSON; let headers: HTTPFields }

    func call(_ method: HTTPRequest.Method, _ uri: String, body: String? = nil, contentType: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> Answer {
        let app = try ReplayServer.application()
        return try await app.test(.router) { client in
            var headers = extra
            if let contentType { headers[.contentType] = contentType }
            let r = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            let text = String(buffer: r.body)
            return Answer(status: Int(r.status.code), json: (try? JSONParser.parse(text)) ?? .string(text), headers: r.headers)
        }
    }

    @Test func malformedJSONIsRestInvalidJSON() async throws {
        let a = try await call(.post, "/wp-json/quire-test/v1/types", body: "{bad", contentType: "application/json")
        #expect(a.status == 400)
        #expect(a.json["code"] == "rest_invalid_json")
        #expect(a.json["data"]?["json_error_code"] == 4)
    }

    @Test func unknownRouteAndWrongMethodAreRestNoRoute() async throws {
        for (method, uri) in [(HTTPRequest.Method.get, "/wp-json/quire-test/v1/nope"), (.put, "/wp-json/quire-test/v1/types"),
                              (.delete, "/wp-json/quire-test/v1/items")] {
            let a = try await call(method, uri)
            #expect(a.status == 404)
            #expect(a.json == ["code": "rest_no_route", "message": "No route was found matching the URL and request method.",
                               "data": ["status": 404]])
        }
    }

    @Test func wrongTypeAndOutOfRangeAreRestInvalidParam() async throws {
        let type = try await call(.get, "/wp-json/quire-test/v1/types?i=abc")
        #expect(type.status == 400)
        #expect(type.json["data"]?["details"]?["i"]?["code"] == "rest_invalid_type")
        let range = try await call(.get, "/wp-json/quire-test/v1/items?per_page=1000")
        #expect(range.status == 400)
        #expect(range.json["data"]?["params"]?["per_page"] == "per_page must be between 1 (inclusive) and 100 (inclusive)")
        let missing = try await call(.post, "/wp-json/quire-test/v1/required", body: "{}", contentType: "application/json")
        #expect(missing.json["code"] == "rest_missing_callback_param")
        #expect(missing.json["data"]?["params"] == ["r1", "r2"])
    }

    @Test func permissionsAnswer401AnonymousAnd403SignedIn() async throws {
        let anon = try await call(.get, "/wp-json/quire-test/v1/forbidden")
        #expect(anon.status == 401)
        #expect(anon.json["code"] == "rest_forbidden")
        let admin = try await call(.get, "/wp-json/quire-test/v1/forbidden",
                                   headers: [.authorization: PlaceholderAuthenticator.adminAuthorization])
        #expect(admin.status == 403)
        #expect(admin.headers[.cacheControl] == "no-cache, must-revalidate, max-age=0")
    }

    @Test func invalidJSONPCallbackIsRejected() async throws {
        let a = try await call(.get, "/wp-json/quire-test/v1/types?_jsonp=alert(1)")
        #expect(a.status == 400)
        #expect(a.json == ["code": "rest_callback_invalid", "message": "Invalid JSONP callback function."])
    }

    @Test func everyResponseCarriesTheAPIHeaders() async throws {
        let a = try await call(.get, "/wp-json/quire-test/v1/types")
        #expect(a.headers[.contentType] == "application/json; charset=UTF-8")
        #expect(a.headers[HTTPField.Name("Link")!] == "<http://127.0.0.1:8080/wp-json/>; rel=\"https://api.w.org/\"")
        #expect(a.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        #expect(a.headers[HTTPField.Name("Access-Control-Expose-Headers")!] == "X-WP-Total, X-WP-TotalPages, Link")
        #expect(a.headers[HTTPField.Name("Allow")!] == "GET, POST")
    }

    @Test func garbageNeverGivesA500() async throws {
        let bodies = ["[", "{\"a\":", "\u{0}", "{\"i\": 1e999999}", String(repeating: "[", count: 600)]
        for body in bodies {
            let a = try await call(.post, "/wp-json/quire-test/v1/types", body: body, contentType: "application/json")
            #expect(a.status < 500, "\(body.prefix(20))")
        }
        for uri in ["/wp-json/%ff%fe", "/wp-json/quire-test/v1/things/99999999999999999999999", "/wp-json/quire-test/v1/types?a[[[=1&=&&[]=2"] {
            #expect(try await call(.get, uri).status < 500, "\(uri)")
        }
    }
}
