/// Pages outside the API that the server also answers (signing in and out, the admin pages),
/// tried for every path that is not the API's.
///
///     struct Hello: HTTPPages {
///         func answer(_ input: HTTPInput, server: RESTServer) async -> HTTPOutput? {
///             input.path == "/hello" ? HTTPOutput(status: 200, headers: HeaderList(), body: Array("hi".utf8)) : nil
///         }
///     }
public protocol HTTPPages: Sendable {
    /// The answer to `input`, or nil for a path these pages do not serve. `server` is the API
    /// the pages belong to, for pages that read it.
    func answer(_ input: HTTPInput, server: RESTServer) async -> HTTPOutput?
}

/// Several sets of pages, asked in turn: the first answer wins.
public struct PageSet: HTTPPages {
    public let sets: [any HTTPPages]
    public init(_ sets: [any HTTPPages]) { self.sets = sets }

    public func answer(_ input: HTTPInput, server: RESTServer) async -> HTTPOutput? {
        for pages in sets { if let answer = await pages.answer(input, server: server) { return answer } }
        return nil
    }
}

/// Text made safe to place in HTML, between tags or in a quoted attribute (`esc_html`, `esc_attr`).
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#039;"
            default: out.append(ch)
            }
        }
        return out
    }
}
