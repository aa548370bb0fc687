import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import QuireHTTP
import QuireREST

/// One request and the answer WordPress 6.1 gave it, as recorded in the fixtures.
struct RecordedExchange: Sendable {
    let id: String
    let name: String
    let method: String
    let path: String
    let query: String
    let headers: [(String, String)]
    let body: String?
    let status: Int
    let responseHeaders: [(String, String)]
    let bodyFormat: String
    let expected: JSON

    /// The headers that belong to the API (the web server's own are not compared).
    static let comparedHeaders = ["allow", "link", "x-wp-total", "x-wp-totalpages", "content-type",
                                  "access-control-expose-headers", "access-control-allow-headers", "x-robots-tag",
                                  "x-content-type-options", "cache-control", "expires", "vary", "location", "x-quire"]

    static func load(group: String) throws -> [RecordedExchange] {
        let file = try Fixtures.json("validation/\(group).json")
        return (file["exchanges"]?.arrayValue ?? []).enumerated().map { i, e in
            let req = e["request"]!, res = e["response"]!
            func pairs(_ v: JSON?) -> [(String, String)] {
                (v?.arrayValue ?? []).compactMap { p in
                    guard let a = p.arrayValue, a.count == 2, let n = a[0].stringValue, let v = a[1].stringValue else { return nil }
                    return (n, v)
                }
            }
            return RecordedExchange(
                id: "\(group)#\(i)", name: e["name"]?.stringValue ?? "", method: req["method"]!.stringValue!,
                path: req["path"]!.stringValue!, query: req["query"]?.stringValue ?? "", headers: pairs(req["headers"]),
                body: req["body"]?.stringValue, status: res["status"]!.intValue!, responseHeaders: pairs(res["headers"]),
                bodyFormat: res["body_format"]?.stringValue ?? "json", expected: res["body"] ?? .null)
        }
    }

    var uri: String { query.isEmpty ? path : "\(path)?\(query)" }

    /// Replays the request through the client and lists every way the answer differs.
    func replay(with client: some TestClientProtocol) async throws -> [String] {
        var fields = HTTPFields()
        for (n, v) in headers where !["host", "connection", "content-length"].contains(n.lowercased()) {
            fields.append(HTTPField(name: HTTPField.Name(n)!, value: v))
        }
        let buffer = body.map { ByteBuffer(string: $0) }
        let response = try await client.execute(uri: uri, method: HTTPRequest.Method(method)!, headers: fields, body: buffer)
        var diffs: [String] = []
        if response.status.code != status { diffs.append("status \(response.status.code), expected \(status)") }
        diffs += compareHeaders(response.headers)
        let text = String(buffer: response.body)
        switch bodyFormat {
        case "empty":
            if !text.isEmpty { diffs.append("body should be empty, got \(text.prefix(200))") }
        case "text":
            let want = expected.stringValue ?? ""
            if let open = want.firstIndex(of: "("), let gotOpen = text.firstIndex(of: "("),
               want[..<open] == text[..<gotOpen], want.hasSuffix(")"), text.hasSuffix(")") {
                let wantJSON = try? JSONParser.parse(String(want[want.index(after: open)...].dropLast()))
                let gotJSON = try? JSONParser.parse(String(text[text.index(after: gotOpen)...].dropLast()))
                if wantJSON == nil || gotJSON == nil || !JSONComparison.equal(wantJSON!, gotJSON!) {
                    diffs.append("body \(text.prefix(300)), expected \(want.prefix(300))")
                }
            } else if want != text {
                diffs.append("body \(text.prefix(300)), expected \(want.prefix(300))")
            }
        default:
            if let got = try? JSONParser.parse(text) {
                if let d = JSONComparison.firstDifference(expected, got, path: "$") { diffs.append("body: \(d)") }
            } else {
                diffs.append("body is not JSON: \(text.prefix(200))")
            }
        }
        return diffs
    }

    func compareHeaders(_ got: HTTPFields) -> [String] {
        var diffs: [String] = []
        for name in Self.comparedHeaders {
            let want = responseHeaders.filter { $0.0.lowercased() == name }.map(\.1)
            let have = got.filter { $0.name.canonicalName == name }.map(\.value)
            if want != have { diffs.append("header \(name): \(have), expected \(want)") }
        }
        return diffs
    }
}

/// JSON equality as a client sees it: 5 and 5.0 are the same number.
enum JSONComparison {
    static func equal(_ a: JSON, _ b: JSON) -> Bool { firstDifference(a, b, path: "") == nil }

    static func firstDifference(_ want: JSON, _ got: JSON, path: String) -> String? {
        switch (want, got) {
        case (.int, .int), (.double, .double), (.int, .double), (.double, .int):
            return want.doubleValue == got.doubleValue ? nil : "\(path): \(describe(got)), expected \(describe(want))"
        case (.array(let a), .array(let b)):
            if a.count != b.count { return "\(path): \(b.count) items, expected \(a.count): \(describe(got))" }
            for i in a.indices {
                if let d = firstDifference(a[i], b[i], path: "\(path)[\(i)]") { return d }
            }
            return nil
        case (.object(let a), .object(let b)):
            if a.keys != b.keys { return "\(path): keys \(b.keys), expected \(a.keys)" }
            for (k, v) in a {
                if let d = firstDifference(v, b[k]!, path: "\(path).\(k)") { return d }
            }
            return nil
        default:
            return want == got ? nil : "\(path): \(describe(got)), expected \(describe(want))"
        }
    }

    static func describe(_ v: JSON) -> String { String(JSONEncoding.encodeString(v).prefix(300)) }
}

/// The server the replays run against: the validation namespace on the reference site's URL.
enum ReplayServer {
    static func make() throws -> RESTServer {
        var registry = RouteRegistry()
        try ValidationNamespace.register(into: &registry)
        return RESTServer(site: SiteInfo(name: "Quire Test", url: "http://127.0.0.1:8080"), registry: registry,
                          authenticator: PlaceholderAuthenticator())
    }

    static func application() throws -> some ApplicationProtocol {
        QuireApplication.make(server: try make())
    }
}
