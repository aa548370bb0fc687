import QuireStore
import Foundation
import HummingbirdBcrypt

/// Passwords are kept as bcrypt hashes.
public enum PasswordHasher {
    public static let cost: UInt8 = 10

    public static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    /// A hash no password matches: checked when a login is unknown, so that it takes as long
    /// as a known one and timing does not tell which logins exist.
    public static let decoy = hash(UUID().uuidString)

    public static func verify(_ password: String, hash: String) -> Bool {
        guard hash.hasPrefix("$2") else { return false }
        return Bcrypt.verify(password, hash: hash)
    }
}
