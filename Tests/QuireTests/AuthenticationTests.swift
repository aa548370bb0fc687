import Foundation
import QuireAuth
import QuireREST
import QuireStore
import Testing

/// Application passwords over HTTP Basic auth, as WordPress accepts and refuses them.
@Suite struct AuthenticationTests {
    @Test func goodPasswordSignsIn() async throws {
        try await TestSite.with { site, client in
            let r = try await client.call("GET", "/wp-json/wp/v2/users/me", as: "editor", site: site)
            #expect(r.status == 200)
            #expect(r.json["username"] == nil)
            #expect(r.json["slug"] == "editor")
            #expect(r.header("Cache-Control") == "no-cache, must-revalidate, max-age=0")
            let used = try await site.store.applicationPasswords(userID: site.credentials["editor"]!.id).first
            #expect(used?.lastUsed != nil)
        }
    }

    @Test func passwordWorksWithAndWithoutSpaces() async throws {
        try await TestSite.with { site, client in
            let pw = site.credentials["author"]!.password
            #expect(pw.count == 29)
            for given in [pw, pw.replacingOccurrences(of: " ", with: "")] {
                let header = "Basic " + Data("author:\(given)".utf8).base64EncodedString()
                let r = try await client.call("GET", "/wp-json/wp/v2/users/me", site: site, headers: [("Authorization", header)])
                #expect(r.status == 200)
            }
        }
    }

    @Test func wrongUnknownAndMalformedCredentialsStayAnonymous() async throws {
        let expected = try Samples.load("bad-app-password-401")
        try await TestSite.with { site, client in
            let headers = [
                "Basic " + Data("admin:wrong password".utf8).base64EncodedString(),
                "Basic " + Data("nobody:\(site.credentials["admin"]!.password)".utf8).base64EncodedString(),
                "Basic not-base64!!",
                "Basic " + Data("no-colon".utf8).base64EncodedString(),
                "Bearer abc",
                "Basic " + Data("admin:admin-password".utf8).base64EncodedString(),
            ]
            for h in headers {
                let r = try await client.call("GET", "/wp-json/wp/v2/users/me", site: site, headers: [("Authorization", h)])
                #expect(r.status == expected["status"]?.intValue, "\(h)")
                #expect(r.json == expected["body"], "\(h)")
                #expect(r.header("Allow") == "GET")
            }
        }
    }

    @Test func revokedPasswordNoLongerWorks() async throws {
        try await TestSite.with { site, client in
            #expect(try await client.call("GET", "/wp-json/wp/v2/users/me", as: "subscriber", site: site).status == 200)
            let id = site.credentials["subscriber"]!.id
            for p in try await site.store.applicationPasswords(userID: id) {
                _ = try await site.store.deleteApplicationPassword(uuid: p.uuid)
            }
            let r = try await client.call("GET", "/wp-json/wp/v2/users/me", as: "subscriber", site: site)
            #expect(r.status == 401)
            #expect(r.json["code"] == "rest_not_logged_in")
        }
    }

    @Test func passwordsAreStoredHashed() async throws {
        let site = try await TestSite.make()
        let stored = try await site.store.applicationPasswords(userID: 1)
        let raw = ApplicationPasswords.normalize(site.credentials["admin"]!.password)
        #expect(stored.count == 1)
        #expect(stored[0].passwordHash != raw)
        #expect(stored[0].passwordHash.hasPrefix("$2"))
        #expect(PasswordHasher.verify(raw, hash: stored[0].passwordHash))
        await site.close()
    }

    /// A sign-in checks one bcrypt hash however many passwords the user has: each stored
    /// password carries a short tag of itself that picks the candidate; a password kept without
    /// one (made before tags) is always a candidate.
    @Test func aSignInChecksOnePasswordHashNotEveryOne() async throws {
        try await TestSite.with { site, client in
            let id = site.credentials["author"]!.id
            var made: [String] = []
            for n in 0..<20 { made.append(try await ApplicationPasswords.create(for: id, name: "app \(n)", in: site.store).1) }
            let stored = try await site.store.applicationPasswords(userID: id)
            #expect(stored.count == 21)
            #expect(stored.allSatisfy { $0.lookup?.count == 8 })
            let wrong = ApplicationPasswords.normalize(ApplicationPasswords.generate())
            #expect(ApplicationPasswords.candidates(for: wrong, among: stored).isEmpty)
            let right = ApplicationPasswords.normalize(made[13])
            #expect(ApplicationPasswords.candidates(for: right, among: stored).map(\.name) == ["app 13"])
            var legacy = stored[0]
            legacy.lookup = nil
            #expect(ApplicationPasswords.candidates(for: wrong, among: [legacy] + stored).count == 1)
            let header = "Basic " + Data("author:\(made[13])".utf8).base64EncodedString()
            let r = try await client.call("GET", "/wp-json/wp/v2/users/me", site: site, headers: [("Authorization", header)])
            #expect(r.status == 200)
        }
    }
}
