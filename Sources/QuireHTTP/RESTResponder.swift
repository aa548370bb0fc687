import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import QuireREST

/// Mounts the REST core on Hummingbird: every request is handed to `RESTServer.serve`,
/// whose answer is written back as it is. Files are served from the uploads and any other
/// folders given (``FileFolder``); other paths outside the API and the site's pages answer 404.
public struct RESTResponder<Context: RemoteAddressRequestContext>: HTTPResponder {
    public let server: RESTServer
    public let maxBodySize: Int
    public let observability: Observability
    let folders: [FileFolder]

    public init(server: RESTServer, uploads: URL? = nil, folders: [FileFolder] = [], maxBodySize: Int = 64 * 1024 * 1024,
                observability: Observability = .none) {
        self.server = server
        self.maxBodySize = maxBodySize
        self.folders = (uploads.map { [FileFolder.uploads(root: $0)] } ?? []) + folders
        self.observability = observability
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard observability.metrics != nil || observability.accessLog != nil else { return await answer(request, context: context).response }
        let started = ContinuousClock.now
        let (response, output) = await answer(request, context: context)
        let elapsed = ContinuousClock.now - started
        let route = output?.route ?? route(of: request, answeredBy: output)
        observability.metrics?.record(route: route, method: request.method.rawValue, status: Int(response.status.code),
                                      cached: output.map { $0.fromCache }, duration: elapsed,
                                      bodyBytes: request.headers[.contentLength].flatMap { Int($0) } ?? 0)
        if let log = observability.accessLog {
            let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            log.info("\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(String(format: "%.2f", ms))ms user=\(output?.userID ?? 0)",
                     metadata: ["route": .string(route)])
        }
        return response
    }

    /// The name a request is counted under when no REST route answered it.
    func route(of request: Request, answeredBy output: HTTPOutput?) -> String {
        if output == nil, request.uri.path == Observability.metricsPath, observability.exposition != nil { return Observability.metricsPath }
        if output == nil, let folder = folders.first(where: { request.uri.path.hasPrefix($0.prefix) }) { return folder.prefix }
        return "unmatched"
    }

    /// The answer to a request, with the REST server's own answer when it made one.
    func answer(_ request: Request, context: Context) async -> (response: Response, output: HTTPOutput?) {
        if request.uri.path == Observability.metricsPath, request.method == .get, let exposition = observability.exposition {
            return (Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                             body: ResponseBody(byteBuffer: ByteBuffer(bytes: exposition()))), nil)
        }
        if request.method == .get || request.method == .head,
           let folder = folders.first(where: { request.uri.path.hasPrefix($0.prefix) }),
           let file = folder.response(path: request.uri.path, headers: request.headers, method: request.method) {
            return (file, nil)
        }
        var body: [UInt8] = []
        // An over-limit body is refused with 413 in the API's error shape, before or as it is read.
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodySize { return (Self.tooLarge(maxBodySize), nil) }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maxBodySize) } catch { return (Self.tooLarge(maxBodySize), nil) }
        if buffer.readableBytes > 0 { body = Array(buffer.readableBytesView) }
        var headers = HeaderList()
        for field in request.headers { headers.add(field.name.rawName, field.value) }
        let input = HTTPInput(method: RequestMethod(request.method.rawValue), path: request.uri.path, query: request.uri.query ?? "",
                              headers: headers, body: body, remoteAddress: context.remoteAddress?.ipAddress)
        guard let output = await server.serve(input) else {
            return (Response(status: .notFound, headers: [.contentType: "text/plain; charset=UTF-8"],
                             body: ResponseBody(byteBuffer: ByteBuffer(string: "Not Found\n"))), nil)
        }
        return (Self.response(output), output)
    }

    static func tooLarge(_ limit: Int) -> Response {
        let error = RESTError("rest_request_too_large", "The request body is larger than the server accepts.", status: 413,
                              extra: ["max_size": .int(limit)])
        return Response(status: .contentTooLarge,
                        headers: [.contentType: "application/json; charset=UTF-8", .connection: "close"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONEncoding.encode(error.body))))
    }

    /// The Hummingbird response for an answer, made once per answer (cached answers are sent
    /// many times).
    static func response(_ output: HTTPOutput) -> Response {
        output.adapterForm.value { makeResponse(output) }
    }

    static func makeResponse(_ output: HTTPOutput) -> Response {
        var fields = HTTPFields()
        for (name, value) in output.headers {
            if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) }
        }
        let body = output.body.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody()
        return Response(status: HTTPResponse.Status(code: output.status), headers: fields, body: body)
    }
}
