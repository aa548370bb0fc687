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
        guard let given = r["meta"]?.objectValue else { return [] }
        let keys = types.extensions.meta[type.name] ?? []
        var changes: [(String, JSON?)] = []
        for (key, value) in given {
            guard let registered = keys.first(where: { $0.key == key }) else { continue }
            if value.isNull { changes.append((key, nil)); continue }
            let schema = registered.propertySchema.objectValue ?? JSONObject()
            if let e = SchemaValidator.validate(value, schema, param: "meta.\(key)") {
                throw RESTError("rest_invalid_param", "Invalid parameter(s): meta", status: 400, extra: [
                    "params": ["meta": .string(e.message)],
                    "details": ["meta": ["code": .string(e.code), "message": .string(e.message), "data": e.data]],
                ])
            }
            changes.append((key, (try? SchemaSanitizer.sanitize(value, schema, param: key).get()) ?? value))
        }
        return changes
    }

    /// Writes registered fields after an insert or update.
    func updateFields(_ post: Post, _ r: RESTRequest) async throws {
        for f in types.extensions.fields[type.name] ?? [] {
            guard let update = f.update, let value = r[f.name] else { continue }
            try await update(value, post.id, r)
        }
    }
}
