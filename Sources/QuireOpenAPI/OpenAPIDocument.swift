import Foundation
import OpenAPIKit
import QuireREST

/// The OpenAPI 3.1 document of a server's routes, built from the same arguments and
/// schemas the server validates requests with, plugins' routes included.
///
/// ```swift
/// let bytes = try OpenAPIDocument.json(routes: server.routes, site: server.site)
/// ```
///
/// Reading arguments: `GET` and `DELETE` take theirs in the query; `POST`, `PUT` and `PATCH` in
/// a JSON body (WordPress reads both places for every method; the document names one). Arrays
/// in the query are comma-separated (`categories=1,2`), objects are `name[key]=value`.
public enum OpenAPIDocument {
    public static func make(routes: [RESTRoute], site: SiteInfo, version: String = "6.1") throws -> OpenAPI.Document {
        var paths: OpenAPI.PathItem.Map = [:]
        let shapes = routes.map(\.path.shape)
        for route in routes {
            let path = route.path
            var item = OpenAPI.PathItem()
            var pathParameters: [String: JSONSchema] = [:]
            for (name, pattern) in path.parameters {
                pathParameters[name] = try SchemaTranslation.schema(["type": "string", "pattern": .string("^(?:\(pattern))$")])
            }
            var seen = Set<RequestMethod>()
            for endpoint in route.endpoints {
                for method in endpoint.methods where !seen.contains(method) {
                    guard let verb = OpenAPI.HttpMethod(rawValue: method.rawValue) else { continue }
                    seen.insert(method)
                    let operation = try Self.operation(route: route, path: path, pathParameters: pathParameters,
                                                       endpoint: endpoint, method: method,
                                                       answer: Self.answerSchema(route: route, method: method, endpoint: endpoint,
                                                                                 shapes: shapes, site: site))
                    item[verb] = operation
                }
            }
            guard !seen.isEmpty else { continue }
            paths[OpenAPI.Path(rawValue: path.template)] = .b(item)
        }
        let basic = OpenAPI.SecurityScheme.http(scheme: "basic",
                                                description: "A user's login and one of their application passwords.")
        return OpenAPI.Document(
            openAPIVersion: .v3_1_1,
            info: .init(title: site.name.isEmpty ? "Quire" : site.name,
                        description: "The WordPress REST API of \(site.url), as Quire serves it.", version: version),
            servers: [.init(url: URL(string: site.restURL("/").trimmingSuffix("/")) ?? URL(string: "http://127.0.0.1")!)],
            paths: paths,
            // Every route is open to visitors, who see less; `basic` is how a user signs in.
            components: .init(schemas: ["Error": try errorSchema()], securitySchemes: ["basic": .b(basic)])
        )
    }

    /// The document as JSON bytes.
    public static func json(routes: [RESTRoute], site: SiteInfo) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let encoded = try JSONParser.parse(Array(try encoder.encode(make(routes: routes, site: site))))
        return JSONEncoding.encode(nullBranchesKept(encoded))
    }

    /// OpenAPIKit writes a schema whose `anyOf` has a `null` branch with `"type": "null"` beside
    /// it, which a JSON Schema validator reads as "null and one of these"; the branch alone says it.
    static func nullBranchesKept(_ value: JSON) -> JSON {
        switch value {
        case .array(let items):
            return .array(items.map(nullBranchesKept))
        case .object(let object):
            var out = JSONObject()
            for (key, child) in object { out[key] = nullBranchesKept(child) }
            if out["type"] == "null", var branches = out["anyOf"]?.arrayValue {
                out["type"] = nil
                if !branches.contains(where: { $0["type"] == "null" }) { branches.append(["type": "null"]) }
                out["anyOf"] = .array(branches)
            }
            return .object(out)
        default:
            return value
        }
    }

    /// Routes whose every field may be null in an answer.
    static let nullableFields: Set<String> = ["/wp/v2/settings"]

    /// Fields WordPress answers null for though its schema calls them strings, by route
    /// prefix: a theme's template has no `origin` (and a part maybe no `area`).
    static let nullableByRoute: [(prefix: String, fields: Set<String>)] = [
        ("/wp/v2/templates", ["origin"]), ("/wp/v2/template-parts", ["origin", "area"]),
    ]

    /// WordPress's search schema lists the post types and taxonomies as the only subtypes, yet
    /// a post-format result's subtype is the format (`audio`, `gallery`…): the document lets
    /// any string through there.
    static let openSubtypes: Set<String> = ["/wp/v2/search"]

    /// Collections answered whole, without paging arguments or item routes to tell them by.
    static let unpagedLists: Set<String> = ["/wp/v2/block-patterns/patterns", "/wp/v2/block-patterns/categories"]

    /// What a successful answer holds, from the route's resource schema: the resource; for a
    /// collection's GET a list of them (or, for types, statuses and taxonomies, a map of them by
    /// name); for a DELETE the resource (moved to the trash) or `{deleted, previous}`.
    /// `shapes` are every route's `RoutePath.shape`, to tell a collection by its items' routes.
    static func answerSchema(route: RESTRoute, method: RequestMethod, endpoint: RESTEndpoint, shapes: [String], site: SiteInfo) -> JSONObject? {
        guard let schema = route.schema?(site) else { return nil }
        var item = SchemaTranslation.translate(schema, answer: true)
        // WordPress answers null for a setting whose stored value does not fit its schema.
        if nullableFields.contains(route.pattern), let properties = item["properties"]?.objectValue {
            var nullable = JSONObject()
            for (name, property) in properties { nullable[name] = ["anyOf": [property, ["type": "null"]]] }
            item["properties"] = .object(nullable)
        }
        if let fields = nullableByRoute.first(where: { route.pattern.hasPrefix($0.prefix) })?.fields,
           var properties = item["properties"]?.objectValue {
            for name in fields { if let property = properties[name] { properties[name] = ["anyOf": [property, ["type": "null"]]] } }
            item["properties"] = .object(properties)
        }
        // A post's answer may hold a status no request sets: moved to the trash, or a new auto-draft.
        if var properties = item["properties"]?.objectValue, var status = properties["status"]?.objectValue,
           case .array(var statuses)? = status["enum"], statuses.contains("publish") {
            for extra in ["trash", "auto-draft"] where !statuses.contains(.string(extra)) { statuses.append(.string(extra)) }
            status["enum"] = .array(statuses)
            properties["status"] = .object(status)
            item["properties"] = .object(properties)
        }
        if openSubtypes.contains(route.pattern), var properties = item["properties"]?.objectValue,
           var subtype = properties["subtype"]?.objectValue {
            subtype["enum"] = nil
            properties["subtype"] = .object(subtype)
            item["properties"] = .object(properties)
        }
        switch method {
        case .delete:
            let deleted: JSONObject = ["type": "object", "properties": ["deleted": ["type": "boolean"], "previous": .object(item)]]
            return ["anyOf": [.object(item), .object(deleted)]]
        case .get:
            let shape = route.path.shape
            let hasItems = shapes.contains { s in s.hasPrefix(shape + "/{}") && !s.dropFirst(shape.count + 3).contains("/") }
            guard hasItems || endpoint.argument("per_page") != nil || unpagedLists.contains(route.pattern) else { return item }
            return ["anyOf": [["type": "array", "items": .object(item)], ["type": "object", "additionalProperties": .object(item)]]]
        default:
            return item
        }
    }

    static func operation(route: RESTRoute, path: RoutePath, pathParameters: [String: JSONSchema],
                          endpoint: RESTEndpoint, method: RequestMethod, answer: JSONObject?) throws -> OpenAPI.Operation {
        var parameters: OpenAPI.Parameter.Array = []
        for (name, _) in path.parameters {
            parameters.append(.b(OpenAPI.Parameter(name: name, context: .path(schema: pathParameters[name]!))))
        }
        let inBody = [RequestMethod.post, .put, .patch].contains(method)
        var bodyProperties = JSONObject()
        var bodyRequired: [JSON] = []
        for argument in endpoint.arguments where pathParameters[argument.name] == nil {
            if inBody {
                bodyProperties[argument.name] = .object(SchemaTranslation.translate(argument.schema))
                if argument.isRequired { bodyRequired.append(.string(argument.name)) }
                continue
            }
            let schema = try SchemaTranslation.schema(argument.schema)
            let type = argument.schema["type"]
            let style: OpenAPI.Parameter.SchemaContext
            if type == "object" || type?.arrayValue?.contains("object") == true {
                style = .init(schema, style: .deepObject, explode: true)
            } else {
                style = .init(schema, style: .form, explode: false)
            }
            parameters.append(.b(OpenAPI.Parameter(name: argument.name,
                                                   context: .query(required: argument.isRequired, allowEmptyValue: false,
                                                                   schemaOrContent: .a(style)),
                                                   description: argument.schema["description"]?.stringValue)))
        }
        var body: OpenAPI.Request?
        if inBody {
            var object: JSONObject = ["type": "object", "properties": .object(bodyProperties)]
            if !bodyRequired.isEmpty { object["required"] = .array(bodyRequired) }
            let schema = try JSONDecoder().decode(JSONSchema.self, from: Data(JSONEncoding.encode(.object(object))))
            body = OpenAPI.Request(content: [.json: .b(.init(schema: schema))], required: !bodyRequired.isEmpty)
        }
        let success: OpenAPI.Response.StatusCode = .range(.success)
        let error = OpenAPI.Response(description: "WordPress's error: a code, a message and its status.",
                                     content: [.json: .b(.init(schema: .reference(.component(named: "Error"))))])
        let responses: OpenAPI.Response.Map = [
            success: .b(OpenAPI.Response(description: answer == nil ? "The answer." : "The resource, or a list of them.",
                                         content: [.json: .b(.init(schema: try answer.map(SchemaTranslation.typedSchema) ?? anything()))])),
            .default: .b(error),
        ]
        let operationID = method.rawValue.lowercased() + path.template.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if let body {
            return OpenAPI.Operation(tags: [route.namespace.isEmpty ? "index" : route.namespace], operationId: operationID,
                                     parameters: parameters, requestBody: body, responses: responses)
        }
        return OpenAPI.Operation(tags: [route.namespace.isEmpty ? "index" : route.namespace], operationId: operationID,
                                 parameters: parameters, responses: responses)
    }

    /// A schema every value meets (an empty schema, with words for a reader).
    static func anything() throws -> JSONSchema {
        try JSONDecoder().decode(JSONSchema.self, from: Data(#"{"description":"The resource, its list or the answer of the route."}"#.utf8))
    }

    static func errorSchema() throws -> JSONSchema {
        try SchemaTranslation.schema([
            "type": "object",
            "properties": [
                "code": ["type": "string", "required": true],
                "message": ["type": "string", "required": true],
                "data": ["type": ["object", "null"], "properties": ["status": ["type": "integer"]]],
            ],
        ])
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
