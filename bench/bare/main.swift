import Hummingbird

// The ceiling for the benchmark: the same framework answering a fixed small JSON body.
let router = Router()
router.get("/ceiling") { _, _ -> Response in
    Response(status: .ok, headers: [.contentType: "application/json; charset=UTF-8"],
             body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id":1,"title":{"rendered":"Hello world!"}}"#)))
}
let port = Int(CommandLine.arguments.dropFirst().first ?? "8182") ?? 8182
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
