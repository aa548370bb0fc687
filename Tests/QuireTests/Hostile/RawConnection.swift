import Dispatch
import Foundation
import QuireREST
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to the server under test, for what an HTTP client library will not
/// send: trickled or oversized headers, bodies cut short, connections left idle. Its blocking
/// calls run on their own threads, never on the tasks the server answers with.
final class RawConnection: @unchecked Sendable {
    let fd: Int32

    /// What came back on a connection: the first answer (if any) and whether the server closed it.
    struct Answer: Sendable {
        var status: Int?
        var headers: [(String, String)]
        var body: [UInt8]
        /// The server closed the connection (end of stream or reset) before `readAnswer` gave up.
        var closed: Bool
        var json: JSON { (try? JSONParser.parse(body)) ?? .null }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(fd) }

    /// `GET path` on a new connection (closed after it), and its answer. The wait is for a hung
    /// server, not a slow one: the whole suite shares two cores, and a live server's first
    /// answer has been seen to take over ten seconds there.
    static func get(_ port: Int, _ path: String, authorization: String? = nil, timeout: Double = 30) async throws -> Answer {
        let c = try RawConnection(port: port)
        let auth = authorization.map { "Authorization: \($0)\r\n" } ?? ""
        await c.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(auth)Connection: close\r\n\r\n")
        return await c.readAnswer(timeout: timeout)
    }

    /// `METHOD path` with `headers` and a JSON body, if any, on a new connection (closed after it), and its answer.
    static func request(_ port: Int, _ method: String, _ path: String, headers: [String: String] = [:], json: JSON? = nil,
                        timeout: Double = 10) async throws -> Answer {
        let c = try RawConnection(port: port)
        let body = json.map { Array(JSONEncoding.encodeString($0).utf8) } ?? []
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if json != nil { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        await c.send(Array((head + "\r\n").utf8) + body)
        return await c.readAnswer(timeout: timeout)
    }

    /// Sends bytes; false once the server has closed or reset the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) async -> Bool {
        await Self.blocking {
            var sent = 0
            while sent < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.send(self.fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return false }
                sent += n
            }
            return true
        }
    }

    @discardableResult
    func send(_ text: String) async -> Bool { await send(Array(text.utf8)) }

    /// Reads one answer: up to the end of its body (by `Content-Length`), or until the server
    /// closes the connection, or until `timeout` passes with nothing more to read.
    func readAnswer(timeout: Double) async -> Answer {
        await Self.blocking {
            var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
            setsockopt(self.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            var data: [UInt8] = []
            var closed = false
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                if let answer = Self.parse(data), answer.complete { return Answer(status: answer.status, headers: answer.headers, body: answer.body, closed: false) }
                let n = buffer.withUnsafeMutableBytes { recv(self.fd, $0.baseAddress!, $0.count, 0) }
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { closed = true; break }
                if n < 0 { break }
                data.append(contentsOf: buffer[0..<n])
            }
            let answer = Self.parse(data)
            return Answer(status: answer?.status, headers: answer?.headers ?? [], body: answer?.body ?? [], closed: closed)
        }
    }

    /// Whether the server closes the connection within `timeout` (reading and discarding anything it sends).
    func closedByServer(within timeout: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let answer = await readAnswer(timeout: min(0.25, max(0.01, deadline.timeIntervalSinceNow)))
            if answer.closed { return true }
        }
        return false
    }

    static func parse(_ data: [UInt8]) -> (status: Int, headers: [(String, String)], body: [UInt8], complete: Bool)? {
        guard let end = headerEnd(data) else { return nil }
        let lines = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let first = lines.first, first.hasPrefix("HTTP/"), first.count >= 12, let status = Int(first.dropFirst(9).prefix(3)) else { return nil }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let body = Array(data[(end + 4)...])
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) }
        return (status, headers, length.map { Array(body.prefix($0)) } ?? body, length.map { body.count >= $0 } ?? false)
    }

    /// Where the header block ends (the first blank line).
    static func headerEnd(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for i in 0...(data.count - 4) where data[i] == 13 && data[i + 1] == 10 && data[i + 2] == 13 && data[i + 3] == 10 { return i }
        return nil
    }

    static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}

