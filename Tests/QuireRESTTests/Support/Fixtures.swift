import Foundation
import QuireREST

/// Reads the reference files copied into the test bundle.
enum Fixtures {
    static func url(_ path: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(path)
    }

    static func json(_ path: String) throws -> JSON {
        let data = try Data(contentsOf: url(path))
        return try JSONParser.parse(Array(data))
    }
}
