import Foundation
import Hummingbird
import Logging
import QuireREST

/// Builds the Hummingbird application that serves a REST server.
public enum QuireApplication {
    public static func make(server: RESTServer, uploads: URL? = nil, host: String = "127.0.0.1", port: Int = 8080,
                            logger: Logger = Logger(label: "quire"))
        -> Application<RESTResponder<QuireRequestContext>>
    {
        Application(
            responder: RESTResponder<QuireRequestContext>(server: server, uploads: uploads),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            logger: logger
        )
    }
}
