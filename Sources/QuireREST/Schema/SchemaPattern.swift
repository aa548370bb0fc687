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

    static func matches(_ pattern: String, _ value: String) -> Bool {
        guard let r = regex(pattern) else { return false }
        return r.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }
}
