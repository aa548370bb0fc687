import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection once an answer that says `Connection: close` (such as a `413` for a body
/// over the limit) has been written: the rest of the request is read and discarded first, so the
/// client sees the answer rather than a reset, but for at most `linger`, then the connection
/// is closed whatever the client still sends.
final class CloseAfterRefusalHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let linger: TimeAmount
    private var closing = false
    private var answered = false
    private var requestEnded = false
    private var lingerTask: Scheduled<Void>?

    init(linger: TimeAmount = .seconds(2)) { self.linger = linger }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if answered {
            // Discarded: the request was refused. Its end closes the connection.
            if case .end = part {
                context.flush()
                context.close(promise: nil)
            }
            return
        }
        switch part {
        case .head: requestEnded = false
        case .end: requestEnded = true
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            closing = head.headerFields[.connection]?.lowercased() == "close"
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            context.write(data, promise: promise)
            guard closing else { return }
            answered = true
            if requestEnded {
                context.flush()
                context.close(promise: nil)
            } else {
                let channel = context.channel
                lingerTask = context.eventLoop.scheduleTask(in: linger) { channel.close(promise: nil) }
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        lingerTask?.cancel()
        lingerTask = nil
        context.fireChannelInactive()
    }
}
