import Foundation
@testable import Quire
import Testing

/// `quire serve`'s settings: a flag over its `QUIRE_*` variable, over the configuration file,
/// over the default.
@Suite struct QuireConfigurationTests {
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quire-config-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func nothingGivenIsTheDefaults() async throws {
        let c = try await QuireConfiguration.load(environment: [:])
        #expect(c == QuireConfiguration())
        #expect(c.port == 8080 && c.maxBodySize == 64 * 1024 * 1024 && c.sqliteReaders == 8 && c.cache)
        #expect(c.siteURL == "http://127.0.0.1:8080")
    }

    @Test func environmentVariablesNameEachSetting() async throws {
        let c = try await QuireConfiguration.load(environment: [
            "QUIRE_PORT": "8091", "QUIRE_HOST": "0.0.0.0", "QUIRE_DATABASE_URL": "/tmp/site.sqlite", "QUIRE_CACHE": "false",
            "QUIRE_MAX_BODY_SIZE": "1000", "QUIRE_SQLITE_READERS": "4", "QUIRE_SQLITE_BUSY_TIMEOUT": "250",
            "QUIRE_SIGN_IN_FAILURES_PER_LOGIN": "3", "QUIRE_RESPONSE_CACHE_ENTRIES": "10", "QUIRE_ACCESS_LOG": "false",
            "QUIRE_ADMIN_PASSWORD": "secret-pass", "PORT": "1",
        ])
        #expect(c.port == 8091 && c.host == "0.0.0.0" && c.databaseURL == "/tmp/site.sqlite" && !c.cache)
        #expect(c.maxBodySize == 1000 && c.sqliteReaders == 4 && c.sqliteBusyTimeout == 250)
        #expect(c.signInFailuresPerLogin == 3 && c.responseCacheEntries == 10 && !c.accessLog && c.metrics)
        #expect(c.adminPassword == "secret-pass")
        #expect(c.uploads.path == "/tmp/wp-content/uploads")
    }

    @Test func aFileGivesWhatTheEnvironmentDoesNot() async throws {
        let path = try file(#"{"port": 9000, "url": "https://example.org", "sqlite": {"readers": 2}, "signIn": {"failuresPerAddress": 7}}"#)
        let c = try await QuireConfiguration.load(environment: ["QUIRE_PORT": "9100", "QUIRE_CONFIG": path])
        #expect(c.port == 9100)
        #expect(c.url == "https://example.org" && c.siteURL == "https://example.org")
        #expect(c.sqliteReaders == 2 && c.signInFailuresPerAddress == 7 && c.signInFailuresPerLogin == 10)
        await #expect(throws: (any Error).self) { try await QuireConfiguration.load(environment: [:], file: "/nonexistent/quire.json") }
    }

    @Test func flagsWinOverTheFile() async throws {
        let path = try file(#"{"port": 9000, "maxConnections": 5, "cache": true, "database": "ignored"}"#)
        let command = try ServeCommand.parse(["--config", path, "--port", "7000", "--no-cache", "--db", "/tmp/flag.sqlite"])
        let c = try await command.settings()
        #expect(c.port == 7000 && !c.cache && c.maxConnections == 5 && c.databaseURL == "/tmp/flag.sqlite")
    }
}
