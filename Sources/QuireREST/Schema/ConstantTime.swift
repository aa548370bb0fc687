/// Comparisons of secrets that take the same time wherever the texts first differ (`hash_equals`).
///
///     ConstantTime.equal("oracle-secret", "oracle-secret")   // true
public enum ConstantTime {
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff: UInt8 = x.count == y.count ? 0 : 1
        for i in 0..<min(x.count, y.count) { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
