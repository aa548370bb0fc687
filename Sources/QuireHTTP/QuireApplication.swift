import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import QuireREST

/// What one connection may send and hold, with defaults a public server needs.
public struct ServerLimits: Sendable {
    /// A connection that sends and receives nothing for this long is closed (slow or idle clients).
    public var idleTimeout: TimeAmount
    /// The largest URL with its header fields, in bytes; a larger one is answered 431.
    public var maxHeaderSize: Int
    /// The largest request body, in bytes; a larger one is answered 413, the rest of it read
    /// and discarded for a moment, then the connection is closed.
    public var maxBodySize: Int
    /// Connections open at once; past it, new ones wait to be accepted (one accept call may
    /// take a few more).
    public var maxConnections: Int

    public init(idleTimeout: TimeAmount = .seconds(30), maxHeaderSize: Int = 64 * 1024, maxBodySize: Int = 64 * 1024 * 1024,
                maxConnections: Int = 1000) {
        (self.idleTimeout, self.maxHeaderSize, self.maxBodySize) = (idleTimeout, maxHeaderSize, maxBodySize)
        self.maxConnections = maxConnections
    }
}

/// Builds the Hummingbird application that serves a REST server.
public enum QuireApplication {
    public static func make(server: RESTServer, uploads: URL? = nil, folders: [FileFolder] = [], host: String = "127.0.0.1", port: Int = 8080,
                            limits: ServerLimits = ServerLimits(), observability: Observability = .none,
                            logger: Logger = Logger(label: "quire"),
                            onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in })
        -> Application<RESTResponder<QuireRequestContext>>
    {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(maxHeaderFieldSize: limits.maxHeaderSize,
                                                                      maxHeaderListSize: limits.maxHeaderSize)
        let maxHeaderSize = limits.maxHeaderSize
        let channel = HTTP1Channel.Configuration(
            additionalChannelHandlers: [HeaderOverflowHandler(maxHeaderSize: maxHeaderSize), CloseAfterRefusalHandler()],
            idleTimeout: limits.idleTimeout, httpDecoderConfiguration: decoder)
        return Application(
            responder: RESTResponder<QuireRequestContext>(server: server, uploads: uploads, folders: folders, maxBodySize: limits.maxBodySize,
                                                          observability: observability),
            server: .http1(configuration: channel),
            configuration: .init(address: .hostname(host, port: port), serverName: nil,
                                 availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
            onServerRunning: onServerRunning,
            logger: logger
        )
    }
}
