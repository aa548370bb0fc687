import Crypto
import Foundation
import QuireREST
import QuireStore
import Synchronization

/// Application passwords as WordPress makes them: 24 letters and digits, shown once in groups
/// of four, accepted with or without the spaces; only a hash is kept.
public enum ApplicationPasswords {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    public static func generate() -> String {
        var g = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int(g.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// `abcd efgh ijkl mnop qrst uvwx`.
    public static func chunked(_ raw: String) -> String {
        var out = ""
        for (i, c) in raw.enumerated() {
            if i > 0 && i % 4 == 0 { out.append(" ") }
            out.append(c)
        }
        return out
    }

    /// Drops everything but letters and digits, as WordPress does before checking.
    public static func normalize(_ given: String) -> String {
        String(given.unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
    }

    /// Four bytes of a SHA-256 of the password, in hex. Kept beside the bcrypt hash, it tells
    /// which stored password a given one can be (one in four billion others share it) and gives
    /// away nothing of a random 24-character password.
    public static func lookupTag(_ password: String) -> String {
        Digits.hex(SHA256.hash(data: Data("application-password:\(password)".utf8))).prefix(8).lowercased()
    }

    /// The stored passwords a given one can be: those with its tag, and those kept without one.
    public static func candidates(for password: String, among stored: [ApplicationPassword]) -> [ApplicationPassword] {
        let tag = lookupTag(password)
        return stored.filter { $0.lookup == nil || $0.lookup == tag }
    }

    /// Creates a password for a user and stores its hash; the password is returned once.
    public static func create(for userID: Int, name: String, appID: String = "", in store: any ContentStore) async throws -> (ApplicationPassword, String) {
        let raw = generate()
        let record = ApplicationPassword(uuid: UUID().uuidString.lowercased(), userID: userID, appID: appID, name: name,
                                         passwordHash: PasswordHasher.hash(raw), created: Int(Date().timeIntervalSince1970),
                                         lookup: lookupTag(raw))
        try await store.insertApplicationPassword(record)
        return (record, chunked(raw))
    }
}

/// HTTP Basic authentication with application passwords. Wrong or unknown credentials leave
/// the request anonymous. A verified password is remembered (by a digest, never in clear) so
/// that bcrypt runs once per credential, not once per request; revocation is still seen at once.
///
/// Failed sign-ins are counted per login and per address (`SignInThrottle`); past the limit the
/// request is refused with 429 before any password is checked. A wrong password costs one
/// bcrypt, however many passwords the user has (each is found by its `lookupTag`), and an
/// unknown login costs one too, so timing does not tell which logins exist.
public final class ApplicationPasswordAuthenticator: RESTAuthenticator {
    let store: any ContentStore
    /// Failed sign-ins, counted alike here and on the login form.
    public let throttle: SignInThrottle
    private let verified = Mutex<[String: String]>([:])

    public init(store: any ContentStore, limits: SignInThrottle.Limits = .init()) {
        self.store = store
        self.throttle = SignInThrottle(limits: limits)
    }

    static func credentials(_ headers: HeaderList) -> (login: String, password: String)? {
        guard let header = headers["Authorization"], header.lowercased().hasPrefix("basic "),
              let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingSpaces()),
              let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), ApplicationPasswords.normalize(String(text[text.index(after: colon)...])))
    }

    public func refusal(_ input: HTTPInput) async -> RESTError? { refusal(headers: input.headers, remoteAddress: input.remoteAddress) }

    public func authenticate(_ input: HTTPInput) async -> Authentication {
        Authentication(user: await user(headers: input.headers, remoteAddress: input.remoteAddress))
    }

    /// Whether the request carries HTTP Basic credentials at all.
    static func hasCredentials(_ headers: HeaderList) -> Bool { credentials(headers) != nil }

    func refusal(headers: HeaderList, remoteAddress: String?) -> RESTError? {
        guard let (login, _) = Self.credentials(headers), let wait = throttle.retryAfter(login: login, address: remoteAddress) else { return nil }
        return RESTError("rest_too_many_sign_in_attempts", "Too many failed sign-in attempts. Please try again later.", status: 429,
                         extra: ["retry_after": .int(wait)])
    }

    /// The user the credentials sign in, or nil.
    func user(headers: HeaderList, remoteAddress: String?) async -> (any RESTUser)? {
        guard let (login, password) = Self.credentials(headers), !password.isEmpty else { return nil }
        if throttle.retryAfter(login: login, address: remoteAddress) != nil { return nil }
        do {
            let user = login.contains("@") ? try await store.user(email: login) : try await store.user(login: login)
            guard let user else {
                _ = PasswordHasher.verify(password, hash: PasswordHasher.decoy)
                throttle.recordFailure(login: login, address: remoteAddress)
                return nil
            }
            let passwords = try await store.applicationPasswords(userID: user.id)
            let digest = Digits.hex(SHA256.hash(data: Data("\(user.id):\(password)".utf8)))
            var match: ApplicationPassword? = nil
            if let uuid = verified.withLock({ $0[digest] }) {
                match = passwords.first { $0.uuid == uuid }
            }
            if match == nil {
                // One bcrypt whatever the number of passwords: the tagged candidate, or the decoy.
                let candidates = ApplicationPasswords.candidates(for: password, among: passwords)
                if candidates.isEmpty { _ = PasswordHasher.verify(password, hash: PasswordHasher.decoy) }
                match = candidates.first { PasswordHasher.verify(password, hash: $0.passwordHash) }
                if let m = match { verified.withLock { $0[digest] = m.uuid } }
            }
            guard var used = match else {
                throttle.recordFailure(login: login, address: remoteAddress)
                return nil
            }
            let now = Int(Date().timeIntervalSince1970)
            if used.lastUsed == nil || (used.lastUsed ?? 0) + 86_400 <= now || used.lastIP != remoteAddress {
                used.lastUsed = now
                used.lastIP = remoteAddress
                try? await store.updateApplicationPassword(used)
            }
            let privacyPage = try await store.option("wp_page_for_privacy_policy")?.intValue ?? 0
            return SiteUser(user, applicationPassword: used.uuid, privacyPolicyPage: privacyPage)
        } catch {
            return nil
        }
    }
}
