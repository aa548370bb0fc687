import QuireValues

/// The site's options (`wp_options`), each a JSON value under a name.
public protocol OptionStore: Sendable {
    func option(_ name: String) async throws -> JSON?
    func allOptions() async throws -> [String: JSON]
    func setOptions(_ values: [(String, JSON)]) async throws
    /// Stores `value` under `name` unless the option already exists (which then stays as it is).
    func addOptionIfAbsent(_ name: String, _ value: JSON) async throws
}
