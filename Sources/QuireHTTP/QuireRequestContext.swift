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

    /// Bodies larger than this are refused before the REST layer reads them.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }
}
