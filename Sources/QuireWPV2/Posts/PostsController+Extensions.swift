import QuireREST
import QuireStore

extension PostsController {
    /// Adds registered fields to a prepared post and runs the `prepare` hooks.
    func extend(_ response: RESTResponse, _ post: Post, _ r: RESTRequest) async -> RESTResponse {
        var out = response
        let fields = types.extensions.fields[type.name] ?? []
        if !fields.isEmpty, case .object(var o) = out.data {
            for f in fields where f.get != nil && FieldsFilter.includes(f.name, r["_fields"]) {
                let contexts = f.schema?["context"]?.arrayValue ?? ["view", "edit"]
                guard contexts.contains(.string(r.context)) else { continue }
                o[f.name] = await f.get!(out.data, post.id, r)
            }
            out.data = .object(o)
        }
        for hook in types.extensions.prepare[type.name] ?? [] { out = await hook(out, post, r) }
        return out
    }

    /// Registered meta from the request, checked against each key's schema.
    func metaChanges(_ r: RESTRequest) throws -> [(String, JSON?)] {
        try types.extensions.metaChanges(r, meta: type.name)
    }

    /// Writes registered fields after an insert or update.
    func updateFields(_ post: Post, _ r: RESTRequest) async throws {
        try await types.extensions.updateFields(type.name, id: post.id, r)
    }
}
