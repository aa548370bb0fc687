import QuireREST
import Testing

/// The prepared context filter gives what the general one gives, for every context.
@Suite struct ContextPlanTests {
    static let contexts = ["view", "embed", "edit"]

    /// WordPress's post schema on WordPress's own answers, in their edit form (every field).
    @Test func postSchemaOnRecordedPosts() throws {
        let schema = try #require(try Samples.load("options-posts-anon")["body"]?["schema"]?.objectValue)
        let plan = ContextPlan(schema)
        var posts: [JSON] = [try #require(try Samples.load("post-edit-admin")["body"])]
        posts += try #require(try Samples.load("posts-list-admin-any")["body"]?.arrayValue)
        posts += try #require(try Samples.load("posts-list")["body"]?.arrayValue)
        for post in posts {
            for context in Self.contexts {
                let expected = ContextFilter.filter(post, schema: schema, context: context)
                #expect(plan.apply(post, context: context) == expected, "\(context)")
            }
        }
        // The edit-only fields really go in the view context.
        let viewed = plan.apply(posts[0], context: "view")
        #expect(viewed["password"] == nil && posts[0]["password"] != nil)
    }

    /// Lists, items shown in some contexts only, maps where lists are described and the other
    /// way round, combining keywords and extra properties.
    @Test func unusualSchemasAndShapes() throws {
        let schema: JSONObject = [
            "type": "object",
            "properties": [
                "plain": ["type": "string"],
                "edit_only": ["type": "string", "context": ["edit"]],
                "nested": ["type": "object", "context": ["view", "edit"], "properties": [
                    "inner_view": ["type": "integer", "context": ["view"]],
                    "inner_edit": ["type": "integer", "context": ["edit"]],
                ]],
                "tags": ["type": "array", "context": ["view", "embed", "edit"], "items": ["type": "integer"]],
                "secret_items": ["type": "array", "context": ["view", "edit"], "items": ["type": "object", "context": ["edit"]]],
                "records": ["type": "array", "context": ["view", "edit"], "items": [
                    "type": "object", "context": ["view", "edit"],
                    "properties": ["a": ["type": "string", "context": ["edit"]], "b": ["type": "string", "context": ["view"]]],
                ]],
                "either": ["context": ["view", "edit"], "anyOf": [
                    ["type": "object", "properties": ["x": ["type": "string", "context": ["edit"]]]],
                    ["type": "string"],
                ]],
                "extra": ["type": "object", "context": ["view", "edit"], "additionalProperties": ["type": "string", "context": ["edit"]]],
                "both": ["type": ["array", "object"], "context": ["view", "edit"], "items": ["type": "string", "context": ["edit"]]],
            ],
        ]
        let plan = ContextPlan(schema)
        let values: [JSON] = [
            [
                "plain": "p", "edit_only": "e", "nested": ["inner_view": 1, "inner_edit": 2, "other": 3],
                "tags": [1, 2], "secret_items": [["k": 1]], "records": [["a": "1", "b": "2"], ["a": "3"]],
                "either": ["x": "1"], "extra": ["anything": "v"], "both": ["s"], "unknown": [1, ["z": 1]],
            ],
            ["nested": [1, 2], "tags": ["0": 1], "records": [], "secret_items": [], "either": "text", "both": ["k": "v"]],
            ["nested": [], "records": [:], "extra": [], "either": [1, 2]],
            .array([1, 2]), .string("scalar"), [:],
        ]
        for value in values {
            for context in Self.contexts {
                #expect(plan.apply(value, context: context) == ContextFilter.filter(value, schema: schema, context: context),
                        "\(context): \(JSONEncoding.encodeString(value))")
            }
        }
    }
}
