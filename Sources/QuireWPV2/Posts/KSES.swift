import Foundation
import QuireREST

/// What WordPress does to HTML from users without `unfiltered_html`: scripts and other active
/// content removed, event-handler attributes and `javascript:` URLs dropped, and bare
/// ampersands written as `&amp;`.
enum KSES {
    static let removedElements = ["script", "style", "iframe", "object", "embed", "applet", "form", "frame", "frameset", "meta", "link", "base"]

    static func filter(_ html: String) -> String {
        var s = html
        for tag in removedElements {
            if let re = try? NSRegularExpression(pattern: "<\(tag)\\b[^>]*>.*?</\(tag)\\s*>", options: [.caseInsensitive, .dotMatchesLineSeparators]) {
                s = re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "")
            }
            if let re = try? NSRegularExpression(pattern: "</?\(tag)\\b[^>]*>", options: [.caseInsensitive]) {
                s = re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "")
            }
        }
        if let re = try? NSRegularExpression(pattern: "\\s+on[a-z]+\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)", options: [.caseInsensitive]) {
            s = re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "")
        }
        if let re = try? NSRegularExpression(pattern: "(href|src)\\s*=\\s*([\"']?)\\s*javascript:[^\"'>\\s]*\\2", options: [.caseInsensitive]) {
            s = re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "$1=$2$2")
        }
        return normalizeEntities(s)
    }

    /// `wp_kses_normalize_entities`: an `&` that starts no valid entity becomes `&amp;`.
    static func normalizeEntities(_ s: String) -> String {
        guard s.contains("&"), let re = try? NSRegularExpression(pattern: "&(?!(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};))") else { return s }
        return re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "&amp;")
    }
}
