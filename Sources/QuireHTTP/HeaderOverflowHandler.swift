import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import QuireREST

/// Answers a request whose URL or header fields pass the server's limit with `431` in the API's
/// error shape, then closes the connection. Without it the decoder's error would end the
/// connection with a bare `400`.
///
/// It sits after the HTTP/1 codec, where the decoder's error arrives, and before the
/// connection's request handling, which never sees the request.
final class HeaderOverflowHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    let maxHeaderSize: Int
    private var answered = false

    init(maxHeaderSize: Int) { self.maxHeaderSize = maxHeaderSize }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parse = error as? HTTPParserError, parse == .headerOverflow else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let body = Self.body(limit: maxHeaderSize)
        var head = HTTPResponse(status: .init(code: 431, reasonPhrase: "Request Header Fields Too Large"))
        head.headerFields[.contentType] = "application/json; charset=UTF-8"
        head.headerFields[.contentLength] = String(body.readableBytes)
        head.headerFields[.connection] = "close"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    static func body(limit: Int) -> ByteBuffer {
        let error = RESTError("rest_request_header_fields_too_large", "The request's URL or header fields are larger than the server accepts.",
                              status: 431, extra: ["max_size": .int(limit)])
        return ByteBuffer(bytes: JSONEncoding.encode(error.body))
    }
}
