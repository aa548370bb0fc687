/// An HTTP method as a route is asked with, upper-cased as WordPress compares them. Open: any
/// method a client sends is one, and the ones the API answers are named constants.
///
///     RESTEndpoint([.get, .head], handler: show)
///     if request.method == .delete { … }
public struct RequestMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The method named `rawValue`, in upper case.
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }
    public init(_ name: String) { self.init(rawValue: name) }

    public var description: String { rawValue }

    public static let get = RequestMethod("GET"), head = RequestMethod("HEAD"), post = RequestMethod("POST")
    public static let put = RequestMethod("PUT"), patch = RequestMethod("PATCH"), delete = RequestMethod("DELETE")
    public static let options = RequestMethod("OPTIONS")

    /// Whether a request with this method only reads (`GET`, `HEAD`).
    public var onlyReads: Bool { self == .get || self == .head }
}
