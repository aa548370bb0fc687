import Foundation
import QuireREST
import QuireStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two `quire serve` processes on one PostgreSQL database, as a site behind a load balancer
/// runs: what one writes the other answers at once (its response cache and `304`s included),
/// creates through both at the same time all land with their own ids and slugs, and killing a
/// server loses nothing it acknowledged.
@Suite(.enabled(if: TestDatabase.all.contains(.postgresql), "needs QUIRE_TEST_POSTGRES_URL"))
struct SeveralServersTests {
    @Test func twoServersOnOneDatabase() async throws {
        let server = try #require(TestDatabase.server)
        let name = "quire_nodes_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await server.runOutsideTransaction("CREATE DATABASE \(name)")
        let url = "postgres://\(server.user)\(server.password.map { ":\($0)" } ?? "")@\(server.host):\(server.port)/\(name)"
        let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("quire-nodes-\(UUID().uuidString)")
        var nodes: [Node] = []
        defer { for node in nodes { node.stop() } }
        do {
            let first = try await Node.start(database: url, uploads: uploads)
            nodes.append(first)
            let password = try Node.command(["user", "application-password", "create", "admin", "nodes", "--porcelain", "--database", url])
            let auth = "Basic " + Data("admin:\(password)".utf8).base64EncodedString()
            let second = try await Node.start(database: url, uploads: uploads)
            nodes.append(second)
            let (a, b) = (first.port, second.port)

            // Both answer the list, and keep it in their caches.
            let before = try await RawConnection.request(b, "GET", "/wp-json/wp/v2/posts")
            #expect(before.status == 200)
            let etag = try #require(before.header("ETag"))
            #expect(try await RawConnection.request(b, "GET", "/wp-json/wp/v2/posts", headers: ["If-None-Match": etag]).status == 304)

            // Created through one, seen through the other.
            let created = try await RawConnection.request(a, "POST", "/wp-json/wp/v2/posts", headers: ["Authorization": auth],
                                                          json: ["title": "Written on the first", "status": "publish"])
            #expect(created.status == 201)
            let id = try #require(created.json["id"]?.intValue)
            let seen = try await eventually { try await RawConnection.request(b, "GET", "/wp-json/wp/v2/posts") }
                until: { $0.json[0]?["id"]?.intValue == id }
            #expect(seen.json[0]?["title"]?["rendered"] == "Written on the first")
            let changed = try await RawConnection.request(b, "GET", "/wp-json/wp/v2/posts", headers: ["If-None-Match": etag])
            #expect(changed.status == 200, "a stale ETag must not get 304 after another server's write")
            #expect(try await RawConnection.request(b, "GET", "/wp-json/wp/v2/posts/\(id)").json["title"]?["rendered"] == "Written on the first")

            // Updated and deleted through one, seen through the other.
            let updated = try await RawConnection.request(a, "POST", "/wp-json/wp/v2/posts/\(id)", headers: ["Authorization": auth],
                                                          json: ["title": "Edited on the first"])
            #expect(updated.status == 200)
            _ = try await eventually { try await RawConnection.request(b, "GET", "/wp-json/wp/v2/posts/\(id)") }
                until: { $0.json["title"]?["rendered"] == "Edited on the first" }
            let deleted = try await RawConnection.request(a, "DELETE", "/wp-json/wp/v2/posts/\(id)?force=true", headers: ["Authorization": auth])
            #expect(deleted.status == 200)
            let gone = try await eventually { try await RawConnection.request(b, "GET", "/wp-json/wp/v2/posts/\(id)") } until: { $0.status == 404 }
            #expect(gone.json["code"] == "rest_post_invalid_id")

            // Creates through both at once, all with the same title: every one lands, with its own id and slug.
            let perNode = 12
            let answers = try await withThrowingTaskGroup(of: RawConnection.Answer.self) { group in
                for i in 0..<(2 * perNode) {
                    let port = i % 2 == 0 ? a : b
                    group.addTask {
                        try await RawConnection.request(port, "POST", "/wp-json/wp/v2/posts", headers: ["Authorization": auth],
                                                        json: ["title": "Same title", "status": "publish"])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.status == 201 })
            let ids = Set(answers.compactMap { $0.json["id"]?.intValue })
            let slugs = Set(answers.compactMap { $0.json["slug"]?.stringValue })
            #expect(ids.count == 2 * perNode)
            #expect(slugs.count == 2 * perNode)
            #expect(slugs.contains("same-title") && slugs.contains("same-title-\(2 * perNode)"))
            for port in [a, b] {
                let listed = try await eventually {
                    try await RawConnection.request(port, "GET", "/wp-json/wp/v2/posts?search=Same+title&per_page=100")
                } until: { $0.header("X-WP-Total") == String(2 * perNode) }
                #expect(Set(listed.json.arrayValue?.compactMap { $0["id"]?.intValue } ?? []) == ids)
            }

            // Every connection lost at once (as when the database restarts): the next requests are
            // answered, and the servers hear each other's writes again.
            try await server.runOutsideTransaction("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
            for port in [a, b] { #expect(try await RawConnection.request(port, "GET", "/wp-json/wp/v2/posts").status == 200) }
            let afterLoss = try await RawConnection.request(a, "POST", "/wp-json/wp/v2/posts", headers: ["Authorization": auth],
                                                            json: ["title": "After the connections came back", "status": "publish"])
            #expect(afterLoss.status == 201)
            let heard = try await eventually { try await RawConnection.request(b, "GET", "/wp-json/wp/v2/posts") }
                until: { $0.json[0]?["id"] == afterLoss.json["id"] }
            #expect(heard.json[0]?["title"]?["rendered"] == "After the connections came back")

            // A server killed right after it acknowledged a write loses nothing of it.
            let last = try await RawConnection.request(a, "POST", "/wp-json/wp/v2/posts", headers: ["Authorization": auth],
                                                       json: ["title": "Acknowledged, then killed", "status": "publish"])
            #expect(last.status == 201)
            first.kill()
            let lastID = try #require(last.json["id"]?.intValue)
            let survived = try await RawConnection.request(b, "GET", "/wp-json/wp/v2/posts/\(lastID)")
            #expect(survived.status == 200)
            #expect(survived.json["title"]?["rendered"] == "Acknowledged, then killed")
        }
        for node in nodes { node.stop() }
        nodes = []
        try? FileManager.default.removeItem(at: uploads)
        await TestDatabase.drop(server.database(name))
    }

    /// Asks again (every 10 ms, for up to 2 s) until `done` holds, and gives the last answer.
    func eventually(_ ask: () async throws -> RawConnection.Answer, until done: (RawConnection.Answer) -> Bool) async throws -> RawConnection.Answer {
        let deadline = ContinuousClock.now + .seconds(2)
        var answer = try await ask()
        while !done(answer) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
            answer = try await ask()
        }
        return answer
    }
}

/// One `quire serve` process of the executable this package builds.
final class Node: Sendable {
    let process: Process
    let port: Int

    init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// The `quire` executable beside the test bundle (both are in the build's products folder).
    static var executable: URL {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [products, products.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("quire")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/quire")
    }

    /// Runs a `quire` command to its end and gives what it printed.
    static func command(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RESTError("command_failed", "quire \(arguments.joined(separator: " ")) exited \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts a server on a free port and waits until it answers.
    static func start(database: String, uploads: URL) async throws -> Node {
        let port = try freePort()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--database", database, "--port", String(port), "--uploads-dir", uploads.path, "--no-access-log", "--no-metrics"]
        var environment = ProcessInfo.processInfo.environment
        environment["QUIRE_ADMIN_PASSWORD"] = "nodes-admin-password"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let node = Node(process: process, port: port)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let answer = try? await RawConnection.request(port, "GET", "/wp-json/", timeout: 2), answer.status == 200 { return node }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        node.stop()
        throw RESTError("node_failed", "quire serve on port \(port) did not start")
    }

    /// A port nothing listens on now: the kernel's pick for a socket bound to port 0.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Ends the server at once, as a crash or `kill -9` would.
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
