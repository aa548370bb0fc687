import Foundation
import QuireAuth
import QuireREST
import QuireStore

/// `/wp/v2/users/<id|me>/application-passwords[/<uuid>|/introspect]`.
struct ApplicationPasswordsController: Sendable {
    let store: any ContentStore

    static let schema = Schema.resource("application-password", [
        ("uuid", Schema("The unique identifier for the application password.", .string).format(.uuid).context(.view, .edit, .embed).readonly()),
        ("app_id", Schema("A UUID provided by the application to uniquely identify it. It is recommended to use an UUID v5 with the URL or DNS namespace.", .string)
            .format(.uuid).context(.view, .edit, .embed)),
        ("name", Schema("The name of the application password.", .string).required().context(.view, .edit, .embed)
            .with("minLength", 1).with("pattern", ".*\\S.*")),
        ("password", Schema("The generated password. Only available after adding an application.", .string).context(.edit).readonly()),
        ("created", Schema("The GMT date the application password was created.", .string).format(.dateTime).context(.view, .edit).readonly()),
        ("last_used", Schema("The GMT date the application password was last used.", .string, .null).format(.dateTime).context(.view, .edit).readonly()),
        ("last_ip", Schema("The IP address the application password was last used by.", .string, .null).format(.ip).context(.view, .edit).readonly()),
    ])

    func register(into registry: inout RouteRegistry) {
        let schema: @Sendable (SiteInfo) -> JSONObject = { _ in Self.schema }
        let base = "users/(?P<user_id>(?:[\\d]+|me))/application-passwords"
        registry.register(namespace: WPV2.namespace, route: base, endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [EndpointArguments.context()], permission: check(.listAppPasswords, "rest_cannot_list_application_passwords", "Sorry, you are not allowed to list application passwords for this user."), handler: list),
            RESTEndpoint(RESTEndpoint.creatable, arguments: EndpointArguments.from(Self.schema, creating: true), permission: check(.createAppPassword, "rest_cannot_create_application_passwords", "Sorry, you are not allowed to create application passwords for this user."), handler: create),
            RESTEndpoint(RESTEndpoint.deletable, permission: check(.deleteAppPasswords, "rest_cannot_delete_application_passwords", "Sorry, you are not allowed to delete application passwords for this user."), handler: deleteAll),
        ], schema: schema)
        registry.register(namespace: WPV2.namespace, route: "\(base)/introspect", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [EndpointArguments.context()], permission: check(.readAppPassword, "rest_cannot_introspect_app_password_for_non_authenticated_user", "The authenticated application password can only be introspected for the current user."), handler: introspect),
        ], schema: schema)
        registry.register(namespace: WPV2.namespace, route: "\(base)/(?P<uuid>[\\w\\-]+)", endpoints: [
            RESTEndpoint(RESTEndpoint.readable, arguments: [EndpointArguments.context()], permission: check(.readAppPassword, "rest_cannot_read_application_password", "Sorry, you are not allowed to read this application password."), handler: item),
            RESTEndpoint(RESTEndpoint.editable, arguments: EndpointArguments.from(Self.schema, creating: false), permission: check(.editAppPassword, "rest_cannot_edit_application_password", "Sorry, you are not allowed to edit this application password."), handler: update),
            RESTEndpoint(RESTEndpoint.deletable, permission: check(.deleteAppPassword, "rest_cannot_delete_application_password", "Sorry, you are not allowed to delete this application password."), handler: delete),
        ], schema: schema)
    }

    func targetUser(_ r: RESTRequest) async throws -> User? {
        let raw = r["user_id"]?.stringValue ?? r["user_id"].map(PHPScalar.toString) ?? ""
        if raw == "me" {
            guard let id = r.user?.id else {
                throw RESTError("rest_not_logged_in", "You are not currently logged in.", status: 401)
            }
            return try await store.user(id: id)
        }
        guard let id = Int(raw) else { return nil }
        return try await store.user(id: id)
    }

    func check(_ cap: Capability, _ code: String, _ message: String) -> RESTPermissionCheck {
        { r in
            let user: User?
            do { user = try await targetUser(r) } catch let e as RESTError { return .error(e) } catch { return .error(RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404)) }
            guard let user else { return .error(RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404)) }
            if !r.can(cap, [.int(user.id)]) {
                return .error(RESTError(code, message, status: r.authorizationStatus))
            }
            return .allowed
        }
    }

    func lookup(_ r: RESTRequest) async throws -> (User, ApplicationPassword) {
        guard let user = try await targetUser(r) else { throw RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404) }
        guard let p = try await store.applicationPasswords(userID: user.id).first(where: { $0.uuid == r["uuid"]?.stringValue }) else {
            throw RESTError("rest_application_password_not_found", "Application password not found.", status: 404)
        }
        return (user, p)
    }

    func list(_ r: RESTRequest) async throws -> RESTResponse {
        guard let user = try await targetUser(r) else { throw RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404) }
        let items = try await store.applicationPasswords(userID: user.id).map { prepare($0, r).dataWithLinks }
        return RESTResponse(.array(items))
    }

    func item(_ r: RESTRequest) async throws -> RESTResponse { prepare(try await lookup(r).1, r) }

    func introspect(_ r: RESTRequest) async throws -> RESTResponse {
        guard let user = try await targetUser(r) else { throw RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404) }
        guard let uuid = r.siteUser?.applicationPassword, r.user?.id == user.id else {
            throw RESTError("rest_no_authenticated_app_password", "Cannot introspect application password.", status: 404)
        }
        // The password this request signed in with, gone since: WordPress's own 500.
        guard let p = try await store.applicationPasswords(userID: user.id).first(where: { $0.uuid == uuid }) else {
            throw RESTError("rest_application_password_not_found", "Application password not found.", status: 500)
        }
        return prepare(p, r)
    }

    func create(_ r: RESTRequest) async throws -> RESTResponse {
        guard let user = try await targetUser(r) else { throw RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404) }
        let name = TextSanitizer.textField(r["name"] ?? "")
        if try await store.applicationPasswords(userID: user.id).contains(where: { $0.name == name }) {
            throw RESTError("application_password_duplicate_name", "Each application name should be unique.", status: 409)
        }
        let (record, password) = try await ApplicationPasswords.create(for: user.id, name: name, appID: r["app_id"]?.stringValue ?? "", in: store)
        let edit = r.editing
        var response = prepare(record, edit, password: password)
        response.status = 201
        response.header("Location", r.server.site.restURL("/wp/v2/users/\(user.id)/application-passwords/\(record.uuid)"))
        return response
    }

    func update(_ r: RESTRequest) async throws -> RESTResponse {
        var (user, p) = try await lookup(r)
        if let name = r["name"] {
            let clean = TextSanitizer.textField(name)
            if try await store.applicationPasswords(userID: user.id).contains(where: { $0.name == clean && $0.uuid != p.uuid }) {
                throw RESTError("application_password_duplicate_name", "Each application name should be unique.", status: 409)
            }
            p.name = clean
        }
        if let app = r["app_id"]?.stringValue { p.appID = app }
        try await store.updateApplicationPassword(p)
        let edit = r.editing
        return prepare(p, edit)
    }

    func delete(_ r: RESTRequest) async throws -> RESTResponse {
        let (_, p) = try await lookup(r)
        let edit = r.editing
        let previous = prepare(p, edit)
        _ = try await store.deleteApplicationPassword(uuid: p.uuid)
        return RESTResponse(["deleted": true, "previous": previous.data])
    }

    func deleteAll(_ r: RESTRequest) async throws -> RESTResponse {
        guard let user = try await targetUser(r) else { throw RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404) }
        let count = try await store.deleteApplicationPasswords(userID: user.id)
        return RESTResponse(["deleted": true, "count": .int(count)])
    }

    static func date(_ timestamp: Int?) -> JSON {
        guard let timestamp else { return .null }
        return WPDate.rest(WPDate.format(Date(timeIntervalSince1970: TimeInterval(timestamp)))).map(JSON.string) ?? .null
    }

    func prepare(_ p: ApplicationPassword, _ r: RESTRequest, password: String? = nil) -> RESTResponse {
        var o = JSONObject()
        o.appendUnique("uuid", .string(p.uuid))
        o.appendUnique("app_id", .string(p.appID))
        o.appendUnique("name", .string(p.name))
        o.appendUnique("created", Self.date(p.created))
        o.appendUnique("last_used", Self.date(p.lastUsed))
        o.appendUnique("last_ip", p.lastIP.map(JSON.string) ?? .null)
        if let password { o.appendUnique("password", .string(password)) }
        var response = RESTResponse(ContextFilter.filter(.object(o), schema: Self.schema, context: r.context))
        response.addLink("self", r.server.site.restURL("/wp/v2/users/\(p.userID)/application-passwords/\(p.uuid)"))
        return response
    }
}
