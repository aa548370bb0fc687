/// The numbers a slug's `-N` variants have taken, noted one slug at a time, and the slug a new
/// item gets (`wp_unique_post_slug`): the slug itself when it is free, otherwise `slug-N` with
/// the first N from 2 that is free.
///
/// ```swift
/// var numbers = SlugNumbers(base: "hello")
/// for taken in ["hello", "hello-2", "hello-4"] { numbers.note(taken) }
/// numbers.firstFree   // "hello-3"
/// ```
struct SlugNumbers: Sendable {
    let base: String
    private let prefix: [UInt8]
    private(set) var baseTaken = false
    private var numbers: [Int] = []

    init(base: String) {
        self.base = base
        prefix = Array((base + "-").utf8)
    }

    /// Notes one slug another item holds; slugs that are neither the base nor `base-N` are ignored.
    mutating func note(_ slug: String) {
        if slug == base { baseTaken = true; return }
        var utf8 = slug.utf8[...]
        guard utf8.starts(with: prefix) else { return }
        utf8 = utf8.dropFirst(prefix.count)
        // A number as WordPress would have written it: digits, no leading zero.
        guard let first = utf8.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9"), utf8.count <= 18 else { return }
        var n = 0
        for b in utf8 {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        numbers.append(n)
    }

    /// The slug to use.
    var firstFree: String {
        guard baseTaken else { return base }
        // With k numbers taken, the first free one from 2 is at most k + 2.
        let limit = numbers.count + 2
        var taken = [Bool](repeating: false, count: limit + 1)
        for n in numbers where n <= limit { taken[n] = true }
        var n = 2
        while taken[n] { n += 1 }
        return "\(base)-\(n)"
    }
}
