import Foundation
import QuireHTTP
import Testing

/// Schemathesis (from PyPI, installed by `.ci/run` into `.build/fuzz-venv`) sends every
/// operation of the OpenAPI document generated and unexpected input, anonymously and as an
/// administrator, against a live server: no 5xx but those WordPress itself gives
/// (`Tests/fuzz/wordpress-server-errors.json`), every successful answer as the document
/// describes it, and the server still answers at the end. The administrator's pass leaves out
/// deleting users and application passwords, which would sign it out; the visitor's covers them.
///
/// Without the fuzzer the suite is skipped, unless `QUIRE_REQUIRE_FUZZER=1` (as in CI) makes
/// its absence a failure. `QUIRE_FUZZ_EXAMPLES` sets the examples per operation.
@Suite(.serialized) struct FuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let environment = ProcessInfo.processInfo.environment
    static var venv: URL { environment["QUIRE_FUZZ_VENV"].map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent(".build/fuzz-venv") }
    static var schemathesis: URL { venv.appendingPathComponent("bin/schemathesis") }
    static var available: Bool { FileManager.default.isExecutableFile(atPath: schemathesis.path) || environment["QUIRE_REQUIRE_FUZZER"] == "1" }
    static var examples: Int { environment["QUIRE_FUZZ_EXAMPLES"].flatMap(Int.init) ?? 15 }

    static func run(_ program: URL, _ arguments: [String], environment extra: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        try await ChildProcess.run(program, arguments, environment: extra)
    }

    @Test(.enabled(if: FuzzTests.available)) func theDocumentValidatesAndNoInputGetsAServerError() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.schemathesis.path),
                "no fuzzer at \(Self.schemathesis.path): run .ci/run, or pip install schemathesis into it")
        guard FileManager.default.isExecutableFile(atPath: Self.schemathesis.path) else { return }
        try await LiveServer.run { site, port in
            // The document is read once, with time to spare, and both passes load it from a file.
            // A request that takes over 30 s counts as hung: generous, as the suite's other live
            // servers share the machine's two cores with this one (at 10 s, a fresh-clone run
            // timed out once while every replay ran beside it).
            let answer = try await RawConnection.get(port, "/wp-json/quire/v1/openapi", timeout: 60)
            #expect(answer.status == 200, "the OpenAPI document")
            let document = FileManager.default.temporaryDirectory.appendingPathComponent("quire-openapi-\(port).json").path
            try Data(answer.body).write(to: URL(fileURLWithPath: document))
            defer { try? FileManager.default.removeItem(atPath: document) }
            let validator = """
            import json, sys
            from openapi_spec_validator import validate
            validate(json.load(open(sys.argv[1])))
            """
            let validated = try await Self.run(Self.venv.appendingPathComponent("bin/python"), ["-c", validator, document])
            #expect(validated.status == 0, "openapi-spec-validator: \(validated.output)")
            let fuzz = Self.root.appendingPathComponent("Tests/fuzz")
            let common = [
                "run", document, "--url", "http://127.0.0.1:\(port)/wp-json",
                "--checks", "no_server_error_but_wordpress_own,response_schema_conformance", "--phases", "examples,coverage,fuzzing",
                "--max-examples", String(Self.examples), "--seed", "1", "--no-color", "--generation-database", "none",
                "--suppress-health-check", "all", "--request-timeout", "30", "--continue-on-failure",
            ]
            let hooks = ["SCHEMATHESIS_HOOKS": "hooks", "PYTHONPATH": fuzz.path]
            let anonymous = try await Self.run(Self.schemathesis, common, environment: hooks)
            #expect(anonymous.status == 0, "anonymous: \(anonymous.output)")
            // The administrator's own credentials and account stay, so the whole pass is signed in.
            let admin = "admin:\(site.credentials["admin"]!.password)"
            let signedIn = try await Self.run(Self.schemathesis, common + [
                "--auth", admin, "--exclude-path-regex", "application-passwords$",
                "--exclude-operation-id", "deleteWpV2UsersMe", "--exclude-operation-id", "deleteWpV2UsersId",
            ], environment: hooks)
            #expect(signedIn.status == 0, "administrator: \(signedIn.output)")
            #expect(try await RawConnection.get(port, "/wp-json/").status == 200, "the server still answers")
        }
    }
}
