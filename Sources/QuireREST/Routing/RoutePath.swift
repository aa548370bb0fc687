import Foundation

/// A route pattern (`/wp/v2/posts/(?P<id>[\d]+)`) read as a path template
/// (`/wp/v2/posts/{id}`) with each parameter's own regular expression; groups nest
/// (`(?P<user_id>(?:[\d]+|me))`).
public struct RoutePath: Sendable {
    public let template: String
    /// Each named group, in order, with the expression it matches.
    public let parameters: [(name: String, pattern: String)]

    public init(_ pattern: String) {
        var template = ""
        var parameters: [(String, String)] = []
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            if chars[i] == "(", i + 3 < chars.count, chars[i + 1] == "?", (chars[i + 2] == "P" && chars[i + 3] == "<") || chars[i + 2] == "<" {
                var j = i + (chars[i + 2] == "P" ? 4 : 3)
                var name = ""
                while j < chars.count, chars[j] != ">" { name.append(chars[j]); j += 1 }
                j += 1
                // The group's expression runs to its balancing parenthesis (escapes and classes aside).
                var depth = 1
                var expression = ""
                var inClass = false
                while j < chars.count {
                    let c = chars[j]
                    if c == "\\", j + 1 < chars.count {
                        expression.append(c); expression.append(chars[j + 1]); j += 2; continue
                    }
                    if inClass { if c == "]" { inClass = false } } else if c == "[" { inClass = true } else if c == "(" { depth += 1 } else if c == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    expression.append(c)
                    j += 1
                }
                template += "{\(name)}"
                parameters.append((name, expression))
                i = j + 1
            } else {
                template.append(chars[i])
                i += 1
            }
        }
        self.template = template
        self.parameters = parameters
    }

    /// The template with its parameters unnamed (`/wp/v2/posts/{}/revisions`), to tell a
    /// collection's routes from its items' whatever each names its parameters.
    public var shape: String {
        template.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
    }
}
