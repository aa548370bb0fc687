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
    /// The largest header field, and all header fields together, in bytes.
    public var maxHeaderSize: Int
    /// The largest request body, in bytes; a larger one is answered 413.
    public var maxBodySize: Int

    public init(idleTimeout: TimeAmount = .seconds(30), maxHeaderSize: Int = 64 * 1024, maxBodySize: Int = 64 * 1024 * 1024) {
        (self.idleTimeout, self.maxHeaderSize, self.maxBodySize) = (idleTimeout, maxHeaderSize, maxBodySize)
    }
}

/// Builds the Hummingbird application that serves a REST server.
public enum QuireApplication {
    public static func make(server: RESTServer, uploads: URL? = nil, host: String = "127.0.0.1", port: Int = 8080,
                            limits: ServerLimits = ServerLimits(), logger: Logger = Logger(label: "quire"))
        -> Application<RESTResponder<QuireRequestContext>>
    {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(maxHeaderFieldSize: limits.maxHeaderSize,
                                                                      maxHeaderListSize: limits.maxHeaderSize)
        return Application(
            responder: RESTResponder<QuireRequestContext>(server: server, uploads: uploads, maxBodySize: limits.maxBodySize),
            server: .http1(configuration: .init(idleTimeout: limits.idleTimeout, httpDecoderConfiguration: decoder)),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            logger: logger
        )
    }
}
