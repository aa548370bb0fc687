import Foundation
import Hummingbird
import NIOCore
import QuireHTTP

/// Runs a fresh test site's application on a free loopback port with the given limits, exactly
/// as `quire serve` builds it (Hummingbird's live test client would drop the connection limit),
/// and stops it and closes the site after `body`.
enum LiveServer {
    static func run<T: Sendable>(limits: ServerLimits = ServerLimits(), observability: (TestSite) -> Observability = { _ in .none },
                                 _ body: @Sendable (TestSite, Int) async throws -> T) async throws -> T {
        let site = try await TestSite.make()
        do {
            let result = try await serve(site, limits: limits, observability: observability(site)) { port in try await body(site, port) }
            await site.close()
            return result
        } catch {
            await site.close()
            throw error
        }
    }

    static func serve<T: Sendable>(_ site: TestSite, limits: ServerLimits, observability: Observability, port: Int = 0,
                                   folders: [FileFolder] = [], _ body: @Sendable (Int) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = QuireApplication.make(server: site.site.server, uploads: site.uploads, folders: folders, port: port, limits: limits,
                                        observability: observability) { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
            do {
                let result = try await body(port)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}
