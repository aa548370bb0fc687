import Crypto
import Foundation
import QuireREST
import QuireStore
import Synchronization

/// The site's secret key, which signs session cookies and nonces (WordPress's salts). It is
/// made once, at random, and kept in the `quire_secret_key` option, so every server on one
/// database signs alike and a copied site keeps its sessions.
///
///     let secret = SiteSecret(store: store)
///     let key = try await secret.key()   // the same 32 bytes on every call and every server
public final class SiteSecret: Sendable {
    static let option = "quire_secret_key"
    let store: any ContentStore
    private let kept = Mutex<[UInt8]?>(nil)

    public init(store: any ContentStore) { self.store = store }

    public func key() async throws -> SymmetricKey {
        if let bytes = kept.withLock({ $0 }) { return SymmetricKey(data: bytes) }
        if case .string(let hex)? = try await store.option(Self.option), let bytes = Self.bytes(hex: hex) {
            kept.withLock { $0 = bytes }
            return SymmetricKey(data: bytes)
        }
        let made = SymmetricKey(size: .bits256).withUnsafeBytes { Digits.hex(Array($0)) }
        try await store.addOptionIfAbsent(Self.option, .string(made))
        // Another server may have made one first: whichever was stored is the site's.
        guard case .string(let hex)? = try await store.option(Self.option), let bytes = Self.bytes(hex: hex) else {
            throw Unavailable()
        }
        kept.withLock { $0 = bytes }
        return SymmetricKey(data: bytes)
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "the site's secret key could not be stored" }
    }

    static func bytes(hex: String) -> [UInt8]? {
        let bytes = Array(hex.utf8)
        guard bytes.count == 64 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        var i = 0
        while i < 64 {
            guard let hi = Self.nibble(bytes[i]), let lo = Self.nibble(bytes[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// HMAC-SHA256 of `text` under `key`, in hex.
    static func sign(_ text: String, key: SymmetricKey) -> String {
        Digits.hex(Array(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)))
    }
}
