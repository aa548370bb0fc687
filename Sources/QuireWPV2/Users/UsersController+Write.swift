import Foundation
import QuireAuth
import QuireREST
import QuireStore

extension UsersController {
    func writeArguments(creating: Bool) -> [RESTArgument] {
        EndpointArguments.from(schema, creating: creating, options: [
            // `check_meta_is_array`: each value is checked against its own schema as it is
            // saved, and its error is answered as it is (``ResourceExtensions/metaChanges``).
            "meta": .init(validation: .custom { v, _, _ in
                if case .object = v { return .valid }
                if case .array = v { return .valid }
                return .invalid
            }, sanitization: RESTArgument.Sanitization.none),
            "username": .init(sanitization: .custom { v, _, _ in
                let login = PHPScalar.toString(v)
                guard Self.isValidLogin(login) else {
                    return .failure(RESTError("rest_user_invalid_username",
                                              "This username is invalid because it uses illegal characters. Please enter a valid username.", status: 400))
                }
                return .success(.string(Self.sanitizeLogin(login)))
            }),
            "password": .init(validation: .custom { v, _, _ in
                let s = PHPScalar.toString(v)
                if s.isEmpty { return .error(RESTError("rest_user_invalid_password", "Passwords cannot be empty.", status: 400)) }
                if s.contains("\\") { return .error(RESTError("rest_user_invalid_password", "Passwords cannot contain the \"\\\" character.", status: 400)) }
                return .valid
            }),
        ])
    }

    var deleteArguments: [RESTArgument] {
        [
            RESTArgument("force", schema: ["type": "boolean", "default": false, "description": "Required to be true, as users do not support trashing."]),
            RESTArgument("reassign", schema: ["type": "integer", "description": "Reassign the deleted user's posts and links to this user ID.", "required": true],
                         sanitization: .custom { v, _, _ in
                             if case .string(let s) = v, s.isEmpty || s.lowercased() == "false" { return .success(.bool(false)) }
                             if case .bool(false) = v { return .success(.bool(false)) }
                             return .success(.int(PHPScalar.toInt(v)))
                         }),
        ]
    }

    /// `sanitize_user` (strict off): tags and entities out, whitespace collapsed.
    /// `validate_username`: the login is what strict `sanitize_user` leaves of it — letters,
    /// digits, space, `_ . - @`, no space at either end or twice in a row — and not empty.
    static func isValidLogin(_ s: String) -> Bool {
        guard !s.isEmpty, s.first != " ", s.last != " ", !s.contains("  ") else { return false }
        return s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || " _.-@".unicodeScalars.contains(c)
        }
    }

    static func sanitizeLogin(_ s: String) -> String {
        var t = PHPText.stripAllTags(s)
        t = t.replacingOccurrences(of: "&[A-Za-z0-9#]+;", with: "", options: .regularExpression)
        return PHPText.phpTrim(t.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression))
    }

    func createPermission(_ r: RESTRequest) async throws -> Permission {
        if !r.can(.createUsers) {
            return .error(RESTError("rest_cannot_create_user", "Sorry, you are not allowed to create new users.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func updatePermission(me: Bool, _ r: RESTRequest) async throws -> Permission {
        // `/users/me` without a signed-in user names user 0, which does not exist.
        guard let id = me ? r.user?.id : r.integer("id"), let user = try await store.user(id: id) else {
            return .error(RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404))
        }
        if !r.strings("roles").isEmpty {
            if !r.can(.promoteUser, [.int(user.id)]) {
                return .error(RESTError("rest_cannot_edit_roles", "Sorry, you are not allowed to edit roles of this user.", status: r.authorizationStatus))
            }
        }
        if !r.can(.editUser, [.int(user.id)]) {
            return .error(RESTError("rest_cannot_edit", "Sorry, you are not allowed to edit this user.", status: r.authorizationStatus))
        }
        return .allowed
    }

    func deletePermission(me: Bool, _ r: RESTRequest) async throws -> Permission {
        guard let id = me ? r.user?.id : r.integer("id"), let user = try await store.user(id: id) else {
            return .error(RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404))
        }
        if !r.can(.deleteUser, [.int(user.id)]) {
            return .error(RESTError("rest_user_cannot_delete", "Sorry, you are not allowed to delete this user.", status: r.authorizationStatus))
        }
        return .allowed
    }

    /// Applies the request's fields, checking uniqueness and roles as `wp_insert_user` does.
    func apply(_ r: RESTRequest, to u: inout User, creating: Bool) async throws {
        // An edit to another user's email is refused first, with a status (a new user's is
        // `wp_insert_user`'s own error below, with none).
        if !creating, let email = r["email"]?.stringValue, let other = try await store.user(email: email), other.id != u.id {
            throw RESTError("rest_user_invalid_email", "Invalid email address.", status: 400)
        }
        if let login = r["username"]?.stringValue {
            if !creating && login != u.login {
                throw RESTError("rest_user_invalid_argument", "Username is not editable.", status: 400)
            }
            if creating {
                guard !login.isEmpty else { throw RESTError("rest_user_invalid_username", "This username is invalid because it uses illegal characters. Please enter a valid username.", status: 400) }
                if try await store.user(login: login) != nil {
                    throw RESTError("existing_user_login", "Sorry, that username already exists!")
                }
                u.login = login
            }
        }
        if let email = r["email"]?.stringValue {
            // An edit's email was checked first, above.
            if creating, try await store.user(email: email) != nil {
                throw RESTError("existing_user_email", "Sorry, that email address is already used!")
            }
            u.email = email
        }
        if let v = r["name"]?.stringValue { u.displayName = v }
        if let v = r["first_name"]?.stringValue { u.firstName = v }
        if let v = r["last_name"]?.stringValue { u.lastName = v }
        if let v = r["nickname"]?.stringValue { u.nickname = v }
        if let v = r["description"]?.stringValue { u.description = r.can(.unfilteredHTML) ? v : KSES.filter(v) }
        if let v = r["url"]?.stringValue { u.url = v }
        if let v = r["locale"]?.stringValue { u.locale = v == "en_US" ? "" : v }
        if let slug = r["slug"]?.stringValue {
            let clean = Slug.sanitizeTitle(slug)
            if let other = try await store.user(slug: clean), other.id != u.id {
                throw RESTError("rest_user_invalid_slug", "Invalid slug.", status: 400)
            }
            u.nicename = clean
        }
        if let pw = r["password"]?.stringValue { u.passwordHash = PasswordHasher.hash(pw) }
        if let roles = r["roles"]?.arrayValue?.compactMap(\.stringValue) {
            for role in roles where !Roles.names.contains(role) {
                throw RESTError("rest_user_invalid_role", "The role \(role) does not exist.", status: 400)
            }
            if u.id == r.user?.id && !roles.contains("administrator") && u.roles.contains("administrator") {
                throw RESTError("rest_user_invalid_role", "Sorry, you are not allowed to give users that role.", status: 403)
            }
            u.roles = roles
        }
    }

    func create(_ r: RESTRequest) async throws -> RESTResponse {
        var u = User(login: "", email: "", registered: WPDate.format(Date()))
        let defaultRole = try await store.option("default_role")?.stringValue ?? "subscriber"
        u.roles = [defaultRole]
        try await apply(r, to: &u, creating: true)
        if r["name"] == nil { u.displayName = u.login }
        if r["nickname"] == nil { u.nickname = u.login }
        if r["slug"] == nil {
            let base = Slug.sanitizeTitle(u.login)
            var candidate = base
            var n = 2
            while try await store.user(slug: candidate) != nil { candidate = "\(base)-\(n)"; n += 1 }
            u.nicename = candidate
        }
        _ = try types.extensions.metaChanges(r, meta: extensionPoint.meta)
        let created = try await store.insertUser(u)
        try await saveExtensions(id: created.id, r)
        let edit = r.editing
        var response = try await extended(prepare(created, edit), id: created.id, edit)
        response.status = 201
        response.header("Location", r.server.site.restURL("\(Self.base)/\(created.id)"))
        return response
    }

    func update(me: Bool) -> RESTHandler {
        { [store] r in
            guard let id = me ? r.user?.id : r.integer("id"), var u = try await store.user(id: id) else {
                throw RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404)
            }
            try await apply(r, to: &u, creating: false)
            _ = try types.extensions.metaChanges(r, meta: extensionPoint.meta)
            try await store.updateUser(u)
            try await saveExtensions(id: u.id, r)
            let edit = r.editing
            return try await extended(prepare(u, edit), id: u.id, edit)
        }
    }

    func delete(me: Bool) -> RESTHandler {
        { [store] r in
            guard let id = me ? r.user?.id : r.integer("id"), let u = try await store.user(id: id) else {
                throw RESTError("rest_user_invalid_id", "Invalid user ID.", status: 404)
            }
            guard r["force"]?.boolValue == true else {
                throw RESTError("rest_trash_not_supported", "Users do not support trashing. Set 'force=true' to delete.", status: 501)
            }
            var reassign: Int? = nil
            if let to = r["reassign"]?.intValue {
                let target = try await store.user(id: to)
                if to == u.id || target == nil {
                    throw RESTError("rest_user_invalid_reassign", "Invalid user ID for reassignment.", status: 400)
                }
                reassign = to
            }
            let edit = r.editing
            let previous = try await extended(prepare(u, edit), id: u.id, edit)
            try await store.deleteUser(id: u.id, reassignTo: reassign)
            return RESTResponse(["deleted": true, "previous": previous.data])
        }
    }
}
