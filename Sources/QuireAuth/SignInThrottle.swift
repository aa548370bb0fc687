import Foundation
import QuireREST
import QuireStore
import Synchronization

/// Limits failed sign-ins so that guessing costs an attacker more than the server: after
/// `perLogin` failures for one login (or `perAddress` from one address) within `window`
/// seconds, further attempts from it are refused with 429 and `Retry-After` until the window
/// ends, without checking any password.
///
///     let throttle = SignInThrottle(limits: .init(perLogin: 5, perAddress: 20, window: 60))
///     throttle.recordFailure(login: "admin", address: "203.0.113.9")
///     throttle.retryAfter(login: "admin", address: "203.0.113.9")   // nil until the fifth failure
public final class SignInThrottle: Sendable {
    public struct Limits: Sendable {
        public var perLogin: Int
        public var perAddress: Int
        public var window: Int

        public init(perLogin: Int = 10, perAddress: Int = 50, window: Int = 60) {
            (self.perLogin, self.perAddress, self.window) = (perLogin, perAddress, window)
        }

        /// No limit (WordPress itself has none).
        public static let none = Limits(perLogin: .max, perAddress: .max, window: 60)
    }

    struct Count { var failures: Int; var since: Int }

    let limits: Limits
    /// At most this many logins and addresses are remembered; the oldest windows go first.
    static let capacity = 10_000
    private let counts = Mutex<[String: Count]>([:])

    public init(limits: Limits = Limits()) { self.limits = limits }

    static func now() -> Int { Int(Date().timeIntervalSince1970) }

    /// Seconds to wait before another attempt, or nil when one may be made now.
    public func retryAfter(login: String, address: String?) -> Int? {
        let now = Self.now()
        return counts.withLock { counts in
            var wait: Int? = nil
            for (key, limit) in keys(login: login, address: address) {
                guard let c = counts[key], now - c.since < limits.window, c.failures >= limit else { continue }
                wait = max(wait ?? 0, limits.window - (now - c.since))
            }
            return wait
        }
    }

    public func recordFailure(login: String, address: String?) {
        let now = Self.now()
        counts.withLock { counts in
            if counts.count >= Self.capacity {
                counts = counts.filter { now - $0.value.since < limits.window }
                if counts.count >= Self.capacity { counts.removeAll() }
            }
            for (key, _) in keys(login: login, address: address) {
                if var c = counts[key], now - c.since < limits.window {
                    c.failures += 1
                    counts[key] = c
                } else {
                    counts[key] = Count(failures: 1, since: now)
                }
            }
        }
    }

    private func keys(login: String, address: String?) -> [(String, Int)] {
        var out = [("login:" + login.lowercased(), limits.perLogin)]
        if let address { out.append(("address:" + address, limits.perAddress)) }
        return out
    }
}
