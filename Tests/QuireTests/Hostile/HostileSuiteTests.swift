import Foundation
import QuireHTTP
import QuireREST
import Testing

/// Replays `Fixtures/hostile/inputs.json` over plain TCP connections to a live server with
/// small limits: every input gets its expected answer (or its connection closed), each of its
/// requests in seconds,
/// and the server answers a plain request after each one.
@Suite struct HostileSuiteTests {
    static let limits = ServerLimits(idleTimeout: .seconds(1), maxHeaderSize: 64 * 1024, maxBodySize: 1024 * 1024, maxConnections: 24)

    struct Input: Sendable {
        let spec: JSON
        var name: String { spec["name"]?.stringValue ?? "?" }
        var mode: String { spec["mode"]?.stringValue ?? "request" }
        var expect: JSON { spec["expect"] ?? .object([:]) }
    }

    static func inputs() throws -> [Input] {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("hostile/inputs.json")
        let file = try JSONParser.parse(Array(try Data(contentsOf: url)))
        return (file["inputs"]?.arrayValue ?? []).map { Input(spec: $0) }
    }

    /// `{{N*TEXT}}` written out.
    static func expand(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}"),
              let star = rest[open.upperBound..<close.lowerBound].firstIndex(of: "*"),
              let count = Int(rest[open.upperBound..<star]) {
            out += rest[..<open.lowerBound]
            out += String(repeating: String(rest[rest.index(after: star)..<close.lowerBound]), count: count)
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The request's bytes as the input describes them; `declared` replaces the real length.
    static func request(_ input: Input, site: TestSite) -> [UInt8] {
        let line = expand(input.spec["request"]?.stringValue ?? "GET /wp-json/")
        var body = Array(expand(input.spec["body"]?.stringValue ?? "").utf8)
        var head = "\(line) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if let login = input.spec["as"]?.stringValue { head += "Authorization: \(site.authorization(login))\r\n" }
        if let basic = input.spec["basic"]?.stringValue { head += "Authorization: Basic \(Data(basic.utf8).base64EncodedString())\r\n" }
        for (name, value) in input.spec["headers"]?.objectValue ?? [:] { head += "\(name): \(expand(value.stringValue ?? ""))\r\n" }
        if input.spec["chunked"] == .bool(true) {
            var chunked: [UInt8] = []
            var i = 0
            while i < body.count {
                let piece = body[i..<min(body.count, i + 65536)]
                chunked += Array(String(piece.count, radix: 16).utf8) + [13, 10] + piece + [13, 10]
                i += piece.count
            }
            body = chunked + Array("0\r\n\r\n".utf8)
        } else if let declared = input.spec["declared"]?.intValue {
            head += "Content-Length: \(declared)\r\n"
        } else if !body.isEmpty || line.hasPrefix("POST") || line.hasPrefix("PUT") {
            head += "Content-Length: \(body.count)\r\n"
        }
        return Array((head + "\r\n").utf8) + body
    }

    /// What came back for one input: the last answer and whether the server closed the connection,
    /// and the longest any one of its requests took (an input may repeat its request).
    static func send(_ input: Input, port: Int, site: TestSite) async throws -> (answer: RawConnection.Answer, slowest: TimeInterval) {
        let started = Date()
        if input.mode != "request" { return (try await exchange(input, port: port, site: site), Date().timeIntervalSince(started)) }
        let times = input.spec["repeat"]?.intValue ?? 1
        var answer = RawConnection.Answer(status: nil, headers: [], body: [], closed: true)
        var slowest: TimeInterval = 0
        for _ in 0..<times {
            let started = Date()
            answer = try await exchange(input, port: port, site: site)
            slowest = max(slowest, Date().timeIntervalSince(started))
        }
        return (answer, slowest)
    }

    /// One exchange of the input's kind.
    static func exchange(_ input: Input, port: Int, site: TestSite) async throws -> RawConnection.Answer {
        switch input.mode {
        case "idle":
            let c = try RawConnection(port: port)
            return .init(status: nil, headers: [], body: [], closed: await c.closedByServer(within: 4))
        case "raw":
            let c = try RawConnection(port: port)
            await c.send(expand(input.spec["raw"]?.stringValue ?? ""))
            var answer = await c.readAnswer(timeout: 4)
            if !answer.closed { answer.closed = await c.closedByServer(within: 4) }
            return answer
        case "trickle":
            let c = try RawConnection(port: port)
            let bytes = request(input, site: site)
            let started = Date()
            for b in bytes {
                guard await c.send([b]) else { break }
                let answer = await c.readAnswer(timeout: 0.1)
                if answer.closed { return answer }
                if Date().timeIntervalSince(started) > 6 { break }
            }
            return .init(status: nil, headers: [], body: [], closed: false)
        case "hold":
            let held = try (0..<(input.spec["connections"]?.intValue ?? 1)).map { _ in try RawConnection(port: port) }
            let c = try RawConnection(port: port)
            await c.send(request(input, site: site))
            let early = await c.readAnswer(timeout: 0.3)
            #expect(early.status == nil, "\(input.name): answered while every connection was taken")
            withExtendedLifetime(held) {}
            return early.status == nil ? await c.readAnswer(timeout: 5) : early
        default:
            let c = try RawConnection(port: port)
            await c.send(request(input, site: site))
            var answer = await c.readAnswer(timeout: 15)
            if input.expect["closed"] == .bool(true), !answer.closed {
                answer.closed = await c.closedByServer(within: input.expect["closed_within"]?.doubleValue ?? 4)
            }
            return answer
        }
    }

    @Test func everyHostileInputIsAnsweredAndTheServerStaysUp() async throws {
        let inputs = try Self.inputs()
        #expect(inputs.count > 30)
        try await LiveServer.run(limits: Self.limits) { site, port in
            for input in inputs {
                let (answer, seconds) = try await Self.send(input, port: port, site: site)
                let expect = input.expect
                if let status = expect["status"]?.intValue { #expect(answer.status == status, "\(input.name): \(answer.status.map(String.init) ?? "no answer")") }
                if let code = expect["code"]?.stringValue { #expect(answer.json["code"]?.stringValue == code, "\(input.name)") }
                if let body = expect["body"] { #expect(answer.json == body, "\(input.name)") }
                if let header = expect["header"]?.stringValue { #expect(answer.header(header) != nil, "\(input.name): no \(header)") }
                if expect["closed"] == .bool(true) { #expect(answer.closed, "\(input.name): the connection stayed open") }
                if let status = answer.status { #expect(status < 500, "\(input.name): \(status)") }
                // Generous: the whole test suite shares two cores with this server.
                #expect(seconds < 20, "\(input.name): \(seconds) s")
                // Still serving (as generous, for the same reason).
                #expect(try await RawConnection.get(port, "/wp-json/wp/v2/types", timeout: 20).status == 200, "after \(input.name)")
            }
        }
    }
}
