import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import QuireREST

/// One recorded exchange: the step as the case wrote it, and what WordPress answered, normalised.
struct CompatExchange: Sendable {
    let caseName: String
    let step: Int
    let request: JSONObject
    let status: Int
    let headers: JSONObject
    let body: JSON

    var label: String { "\(caseName)#\(step)" }
}

/// A fixture file: one group of cases, recorded on a freshly seeded WordPress.
struct CompatGroup: Sendable {
    let name: String
    let exchanges: [CompatExchange]

    /// The folder `compat/` at the top of the repository.
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("compat")
    }

    static func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("fixtures").path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func load(_ name: String) throws -> CompatGroup {
        let data = try Data(contentsOf: folder.appendingPathComponent("fixtures/\(name).json"))
        let json = try JSONParser.parse(Array(data))
        let list = json["exchanges"]?.arrayValue ?? []
        return CompatGroup(name: name, exchanges: list.map { e in
            CompatExchange(caseName: e["case"]?.stringValue ?? "", step: e["step"]?.intValue ?? 0,
                           request: e["request"]?.objectValue ?? JSONObject(), status: e["status"]?.intValue ?? 0,
                           headers: e["headers"]?.objectValue ?? JSONObject(), body: e["body"] ?? .null)
        })
    }
}

/// What Quire answered to one step, normalised as the recorder normalised WordPress's answer.
struct CompatAnswer: Sendable {
    let status: Int
    let headers: JSONObject
    let body: JSON
}

/// Runs recorded steps against a Quire site through the real adapter: resolves the names
/// cases use (`{post:slug}`, `{$capture}`) to this site's ids, sends the request as the
/// step's user, and normalises the answer (`compat/record.py` does the same against WordPress).
final class CompatReplayer: @unchecked Sendable {
    static let apiHeaders = ["Allow", "Content-Type", "Link", "Location", "X-WP-Total", "X-WP-TotalPages",
                             "Access-Control-Allow-Methods", "Retry-After"]
    static let wrongPassword = "abcd EFGH ijkl MNOP qrst UVWX"
    static let userAgent = "quire-compat/1"

    let client: any TestClientProtocol
    let site: TestSite
    var ids: [String: Int] = [:]
    var names = CompatNames()
    var captures: [String: JSON] = [:]

    init(client: any TestClientProtocol, site: TestSite) {
        self.client = client
        self.site = site
    }

    // MARK: names

    func adminGet(_ path: String) async throws -> [JSON] {
        let r = try await client.call("GET", "/wp-json" + path, as: "admin", site: site)
        return r.json.arrayValue ?? []
    }

    func learnNames() async throws {
        for route in ["posts", "pages", "media"] {
            let path = route == "media" ? "/wp/v2/media?context=edit&per_page=100" : "/wp/v2/\(route)?status=any&context=edit&per_page=100"
            for o in try await adminGet(path) {
                let slug = o["slug"]?.stringValue ?? ""
                let name = slug.isEmpty ? (o["generated_slug"]?.stringValue ?? "") : slug
                bind(.post, o["id"]?.intValue, "\(route == "media" ? "media" : String(route.dropLast())):\(name)")
            }
        }
        for (route, prefix) in [("categories", "category"), ("tags", "tag")] {
            for o in try await adminGet("/wp/v2/\(route)?per_page=100&context=edit") {
                bind(.term, o["id"]?.intValue, "\(prefix):\(o["slug"]?.stringValue ?? "")")
            }
        }
        for o in try await adminGet("/wp/v2/users?per_page=100&context=edit") {
            bind(.user, o["id"]?.intValue, "user:\(o["slug"]?.stringValue ?? "")")
        }
        for o in try await adminGet("/wp/v2/comments?per_page=100&context=edit&status=all") {
            let raw = (o["content"]?["raw"]?.stringValue ?? "").lowercased()
            var words: [String] = []
            var current = ""
            for ch in raw.unicodeScalars {
                if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") { current.unicodeScalars.append(ch) } else if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { words.append(current) }
            bind(.comment, o["id"]?.intValue, "comment:" + words.prefix(3).joined(separator: "-"))
        }
        // The active theme's global styles post, which the themes route links.
        for o in try await adminGet("/wp/v2/themes?status=active") {
            for link in o["_links"]?["wp:user-global-styles"]?.arrayValue ?? [] {
                let id = (link["href"]?.stringValue ?? "").split(separator: "/").last.flatMap { Int($0) }
                bind(.post, id, "global-styles:\(o["stylesheet"]?.stringValue ?? "")")
            }
        }
    }

    func bind(_ kind: CompatKind, _ id: Int?, _ name: String) {
        guard let id else { return }
        ids[name] = id
        names.add(kind, id, name)
    }

    // MARK: placeholders

    struct Unresolved: Error, CustomStringConvertible { let description: String }

    func value(of name: Substring) throws -> JSON {
        if name.hasPrefix("$") {
            guard let v = captures[String(name.dropFirst())] else { throw Unresolved(description: "no capture \(name)") }
            return v
        }
        guard let id = ids[String(name)] else { throw Unresolved(description: "no object \(name)") }
        return .int(id)
    }

    /// The placeholder `{…}` spanning all of `s`, if it is one.
    func placeholder(_ s: Substring) -> Substring? {
        guard s.hasPrefix("{"), s.hasSuffix("}"), s.count > 2 else { return nil }
        let inner = s.dropFirst().dropLast()
        guard !inner.contains("{"), !inner.contains("}") else { return nil }
        if inner.hasPrefix("$") { return inner }
        guard let colon = inner.firstIndex(of: ":") else { return nil }
        let kinds = ["post", "page", "media", "category", "tag", "user", "comment", "global-styles"]
        return kinds.contains(String(inner[..<colon])) ? inner : nil
    }

    func resolveString(_ s: String) throws -> JSON {
        if let p = placeholder(Substring(s)) { return try value(of: p) }
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            if let close = rest[open...].firstIndex(of: "}"), let p = placeholder(rest[open...close]) {
                let v = try value(of: p)
                out += v.stringValue ?? JSONEncoding.encodeString(v)
                rest = rest[rest.index(after: close)...]
            } else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
            }
        }
        return .string(out + rest)
    }

    func resolve(_ v: JSON) throws -> JSON {
        switch v {
        case .string(let s): return try resolveString(s)
        case .array(let a): return .array(try a.map { try resolve($0) })
        case .object(let o):
            var out = JSONObject()
            for (k, x) in o { out[try text(resolveString(k))] = try resolve(x) }
            return .object(out)
        default: return v
        }
    }

    /// How PHP's string conversion shows a scalar in a URL.
    func text(_ v: JSON) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "True" : "False"
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) + ".0" : String(d)
        case .null: return "None"
        default: return JSONEncoding.encodeString(v)
        }
    }

    // MARK: encoding, as Python's urllib does

    static func quote(_ s: String, safe: String = "", plus: Bool = false) -> String {
        let safeBytes = Set(safe.utf8)
        var out = ""
        for b in s.utf8 {
            if (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 46 || b == 45 || b == 126
                || safeBytes.contains(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else if plus && b == 32 {
                out += "+"
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    func pairs(_ v: JSON?) throws -> [(String, String)] {
        switch v {
        case .object(let o)?: return try o.map { (text(try resolveString($0.key)), text(try resolve($0.value))) }
        case .array(let a)?: return try a.map { (text(try resolve($0[0] ?? .null)), text(try resolve($0[1] ?? .null))) }
        default: return []
        }
    }

    func authorization(_ user: String?) -> String? {
        guard let user, user != "anonymous" else { return nil }
        let login: String, pw: String
        switch user {
        case "wrong-password": (login, pw) = ("admin", Self.wrongPassword)
        case "unknown-user": (login, pw) = ("nobody", Self.wrongPassword)
        default:
            if user.hasSuffix("-login-password") {
                login = String(user.dropLast("-login-password".count))
                pw = "\(login)-pass-123"
            } else {
                login = user
                pw = site.credentials[user]?.password ?? ""
            }
        }
        return "Basic " + Data("\(login):\(pw)".utf8).base64EncodedString()
    }

    // MARK: one step

    /// How Quire's answer to the exchange differs from WordPress's (a step that cannot run is one difference).
    func differences(_ ex: CompatExchange) async -> [String] {
        do {
            let got = try await run(ex)
            return CompatDiff.differences(ex, got)
        } catch {
            return ["could not run: \(error)"]
        }
    }

    func run(_ ex: CompatExchange) async throws -> CompatAnswer {
        let step = ex.request
        let method = step["method"]?.stringValue ?? "GET"
        let path = try text(resolve(step["path"] ?? ""))
        var qs = try pairs(step["query"]).map { "\(Self.quote($0.0, safe: "[]"))=\(Self.quote($0.1))" }.joined(separator: "&")
        if let raw = step["raw_query"] { qs = try text(resolve(raw)) + (qs.isEmpty ? "" : "&" + qs) }
        let uri: String
        switch step["style"]?.stringValue {
        case "rest_route": uri = "/?rest_route=" + Self.quote(path, safe: "/") + (qs.isEmpty ? "" : "&" + qs)
        case "site": uri = path + (qs.isEmpty ? "" : "?" + qs)
        default: uri = "/wp-json" + path + (qs.isEmpty ? "" : "?" + qs)
        }
        var fields = HTTPFields()
        fields[.userAgent] = Self.userAgent
        var contentType: String? = nil
        for (k, v) in step["headers"]?.objectValue ?? JSONObject() {
            let value = try text(resolve(v))
            if k.lowercased() == "content-type" { contentType = value } else if let n = HTTPField.Name(k) { fields[n] = value }
        }
        if let a = authorization(step["as"]?.stringValue) { fields.append(HTTPField(name: .authorization, value: a)) }
        var body: [UInt8]? = nil
        if let j = step["json"] {
            body = JSONEncoding.encode(try resolve(j)).pythonStyleSpacing()
            contentType = contentType ?? "application/json"
        } else if step["form"] != nil {
            body = Array(try pairs(step["form"]).map { "\(Self.quote($0.0, plus: true))=\(Self.quote($0.1, plus: true))" }
                .joined(separator: "&").utf8)
            contentType = contentType ?? "application/x-www-form-urlencoded"
        } else if let raw = step["body"] {
            body = Array(try text(resolve(raw)).utf8)
        } else if let b64 = step["body_base64"]?.stringValue {
            body = Array(Data(base64Encoded: b64) ?? Data())
        }
        if let contentType { fields.append(HTTPField(name: .contentType, value: contentType)) }
        let r = try await client.execute(uri: uri, method: HTTPRequest.Method(method)!, headers: fields,
                                         body: body.map { ByteBuffer(bytes: $0) })
        let text = String(buffer: r.body)
        var json: JSON = .null
        if !text.isEmpty { json = (try? JSONParser.parse(text)) ?? ["$text": .string(text)] }
        if step["ignore_body"]?.boolValue == true { json = .null }
        let kind = CompatKind.ofRoute(path)
        for (name, whereJSON) in step["capture"]?.objectValue ?? JSONObject() {
            let whereText = whereJSON.stringValue ?? ""
            let v = pick(json, r.headers, whereText)
            captures[name] = v
            if case .int(let i) = v, whereText == "id" || whereText.hasSuffix(".id") { names.add(kind, i, "$" + name) }
        }
        if r.status.code == 201, case .int(let i)? = json["id"] { names.add(kind, i, "$" + ex.label) }
        // A template's stored post is named after the step that first answers it.
        for shown in [json, json["previous"] ?? .null] {
            if case .int(let i)? = shown["wp_id"], i > 0 { names.add(.post, i, "$" + ex.label) }
        }
        for (name, whereJSON) in step["capture_ids"]?.objectValue ?? JSONObject() {
            for item in json.arrayValue ?? [] {
                if let id = item["id"]?.intValue, let w = whereJSON.stringValue, let v = item[w], !v.isNull {
                    names.add(kind, id, "$\(name):\(self.text(v))")
                }
            }
        }
        let normalised: JSON
        if path.hasPrefix("/batch/v1"), let reqs = step["json"]?["requests"]?.arrayValue {
            let subPaths = reqs.map { $0["path"]?.stringValue ?? "" }
            for (i, sub) in (json["responses"]?.arrayValue ?? []).enumerated() where i < subPaths.count {
                if sub["status"]?.intValue == 201, case .int(let id)? = sub["body"]?["id"] {
                    names.add(CompatKind.ofRoute(subPaths[i]), id, "$\(ex.label).\(i)")
                }
            }
            normalised = CompatNormaliser.normaliseBatch(json, subPaths: subPaths, names)
        } else {
            normalised = CompatNormaliser.normalise(json, names, kind: kind)
        }
        var heads = JSONObject()
        for h in Self.apiHeaders {
            if let n = HTTPField.Name(h), let v = r.headers[n] { heads[h] = .string(CompatNormaliser.string(v, names)) }
        }
        return CompatAnswer(status: Int(r.status.code), headers: heads, body: normalised)
    }

    func pick(_ body: JSON, _ headers: HTTPFields, _ path: String) -> JSON {
        if path.hasPrefix("header:") {
            return HTTPField.Name(String(path.dropFirst(7))).flatMap { headers[$0] }.map { .string($0) } ?? .null
        }
        var v = body
        for part in path.split(separator: ".") {
            if case .array(let a) = v, let i = Int(part), i < a.count { v = a[i] } else if let x = v[String(part)] { v = x } else { return .null }
        }
        return v
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: Swift.max(0, n - count)) + self }
}

extension Array where Element == UInt8 {
    /// Python's `json.dumps` writes `", "` and `": "` between items; WordPress reads both the same,
    /// but the byte count of a raw body can matter, so the replay sends what the recorder sent.
    func pythonStyleSpacing() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count + count / 8)
        var inString = false, escaped = false
        for c in self {
            out.append(c)
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: ",") || c == UInt8(ascii: ":") {
                out.append(32)
            }
        }
        return out
    }
}
