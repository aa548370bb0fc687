/// An error as WordPress's `WP_Error` carries it: a code, a message and optional data,
/// possibly with further errors added under other (or the same) codes.
///
///     throw RESTError("rest_post_invalid_id", "Invalid post ID.", status: 404)
public struct RESTError: Error, Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var message: String
        public var data: JSON

        public init(code: String, message: String, data: JSON = .null) {
            self.code = code
            self.message = message
            self.data = data
        }
    }

    public var code: String
    public var message: String
    /// `null`, or an object usually holding `status`.
    public var data: JSON
    /// Further messages, in the order they were added (`additional_errors`).
    public var additional: [Entry]
    /// Data added to the same code before `data` (`additional_data`), oldest first.
    public var additionalData: [JSON]

    public init(_ code: String, _ message: String, data: JSON = .null, additional: [Entry] = [], additionalData: [JSON] = []) {
        self.code = code
        self.message = message
        self.data = data
        self.additional = additional
        self.additionalData = additionalData
    }

    public init(_ code: String, _ message: String, status: Int, extra: JSONObject = JSONObject()) {
        var d = JSONObject()
        d["status"] = .int(status)
        for (k, v) in extra { d[k] = v }
        self.init(code, message, data: .object(d))
    }

    /// The HTTP status the error answers with: `data.status`, or 500.
    public var status: Int { data["status"]?.intValue ?? 500 }

    /// Every message, the first one first (`get_error_messages()`).
    public var allMessages: [String] { [message] + additional.map(\.message) }

    /// The error as a response body: `{code, message, data[, additional_errors]}`.
    public var body: JSON {
        var o = JSONObject()
        o.appendUnique("code", .string(code))
        o.appendUnique("message", .string(message))
        o.appendUnique("data", data)
        if !additionalData.isEmpty { o.appendUnique("additional_data", .array(additionalData)) }
        if !additional.isEmpty {
            o.appendUnique("additional_errors", .array(additional.map { e in
                .object(JSONObject([("code", .string(e.code)), ("message", .string(e.message)), ("data", e.data)]))
            }))
        }
        return .object(o)
    }

    /// The error's data with `status` filled in where absent, as an embedded error shows it.
    public static func == (a: RESTError, b: RESTError) -> Bool {
        a.code == b.code && a.message == b.message && a.data == b.data && a.additional == b.additional && a.additionalData == b.additionalData
    }
}

extension RESTError {
    public static func noRoute() -> RESTError {
        RESTError("rest_no_route", "No route was found matching the URL and request method.", status: 404)
    }

    public static func forbidden(status: Int) -> RESTError {
        RESTError("rest_forbidden", "Sorry, you are not allowed to do that.", status: status)
    }

    /// What an operation a controller did not write answers (`invalid-method`, as
    /// `WP_REST_Controller` answers it).
    public static func notImplemented(_ request: RESTRequest) -> RESTError {
        RESTError("invalid-method", "Method '\(request.method)' not implemented. Must be overridden in subclass.", status: 405)
    }

    public static func invalidPageNumber() -> RESTError {
        RESTError("rest_post_invalid_page_number",
                  "The page number requested is larger than the number of pages available.", status: 400)
    }
}
