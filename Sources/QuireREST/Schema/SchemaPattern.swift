import Foundation
import Synchronization

/// The `pattern` keyword: an unanchored regular-expression search, compiled once per pattern.
enum SchemaPattern {
    private static let cache = Mutex<[String: NSRegularExpression]>([:])

    static func regex(_ pattern: String, options: NSRegularExpression.Options = []) -> NSRegularExpression? {
        let key = "\(options.rawValue)|\(pattern)"
        if let r = cache.withLock({ $0[key] }) { return r }
        let translated = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
        guard let r = try? NSRegularExpression(pattern: translated, options: options) else { return nil }
        cache.withLock { $0[key] = r }
        return r
    }

    /// The longest text a pattern is run on. The engine backtracks, so its work must be bounded;
    /// PHP bounds it too (`pcre.backtrack_limit`), and a longer text fails the match as there.
    static let maxInput = 4096

    static func matches(_ pattern: String, _ value: String) -> Bool {
        guard value.utf16.count <= maxInput, let r = regex(pattern) else { return false }
        return r.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }
}
