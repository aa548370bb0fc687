import Hummingbird
import NIOCore

/// The request context Quire's server runs with: Hummingbird's core context plus the
/// client's address (recorded with application-password use).
public struct QuireRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}
