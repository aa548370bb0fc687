/// One step of serving a REST request from the web (`WP_REST_Server::serve_request` cut into
/// its parts, one file each). A step may answer at once, change the exchange for the steps after
/// it, or change their answer; `next` runs those steps and then dispatch.
///
///     struct Stamp: ServeStep {
///         func serve(_ exchange: ServeExchange, server: RESTServer, next: ServeNext) async -> HTTPOutput {
///             var output = await next(exchange)
///             output.headers.set("X-Stamp", "1")
///             return output
///         }
///     }
protocol ServeStep: Sendable {
    func serve(_ exchange: ServeExchange, server: RESTServer, next: ServeNext) async -> HTTPOutput
}

/// The steps after one, then dispatch.
typealias ServeNext = @Sendable (ServeExchange) async -> HTTPOutput

/// A REST request on its way through the serving steps: what came in, and what the steps before
/// worked out.
struct ServeExchange: Sendable {
    var input: HTTPInput
    /// The REST route asked for: `/wp/v2/posts`.
    let route: String
    /// The URL's query, decoded.
    let query: JSONObject
    /// The method the route is asked with: the request's, or the one `_method` or
    /// `X-HTTP-Method-Override` names.
    var method: RequestMethod
    var authentication = Authentication.anonymous
    /// The API's own headers, which the answer's headers are laid over.
    var headers = HeaderList()
    /// Whether `X-HTTP-Method-Override` (without `_method`) chose the method.
    var methodFromHeader = false

    init(input: HTTPInput, route: String, query: JSONObject) {
        self.input = input
        self.route = route
        self.query = query
        self.method = input.method
    }
}

extension RESTServer {
    /// The serving steps, the first outermost.
    static let serveSteps: [any ServeStep] = [
        AuthenticationStep(), CachingStep(), APIHeadersStep(), JSONPStep(), MethodOverrideStep(), ReadSnapshotStep(), CORSStep(),
    ]

    /// Runs `exchange` through `steps`, then dispatch.
    func serve(_ exchange: ServeExchange, through steps: ArraySlice<any ServeStep>) async -> HTTPOutput {
        guard let step = steps.first else { return await answer(exchange) }
        return await step.serve(exchange, server: self) { next in await self.serve(next, through: steps.dropFirst()) }
    }
}
