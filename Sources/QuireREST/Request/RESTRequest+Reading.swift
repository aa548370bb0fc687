/// What handlers and permission checks read from a request, as WordPress's controllers read
/// it from `WP_REST_Request`.
extension RESTRequest {
    /// The `context` the request asked for (`view` when absent).
    ///
    ///     if r.context == "edit" && !r.can(.editPosts) { return .error(…) }
    public var context: String { self["context"]?.stringValue ?? "view" }

    /// The same request asking for the `edit` context: what a write answers with.
    ///
    ///     return prepare(created, r.editing)
    public var editing: RESTRequest {
        var edit = self
        edit.set("context", "edit")
        return edit
    }

    /// An integer parameter, also when it came as digits in the URL (`$request['id']`).
    public func integer(_ key: String) -> Int? {
        switch self[key] {
        case .int(let i)?: return i
        case .string(let s)?: return Int(s) ?? (s.isEmpty ? nil : PHPScalar.toInt(.string(s)))   // PHP's `(int)`: "1.5" is 1
        case let v?: return v.intValue
        case nil: return nil
        }
    }

    /// Whether the request's user has a capability (`current_user_can`); nobody signed in has none.
    public func can(_ capability: Capability, _ args: [JSON] = []) -> Bool { user?.can(capability, args) ?? false }

    /// `rest_authorization_required_code()`: 401 for a visitor, 403 for a signed-in user.
    public var authorizationStatus: Int { RESTServer.authorizationRequiredStatus(self) }

    /// An item's fields as this request asks for them: those its context shows (through the
    /// resource's prepared plan), then those `_fields` names.
    ///
    ///     static let plan = ContextPlan(schema)
    ///     RESTResponse(r.shaped(["id": 1, "name": "Ada"], by: Self.plan))
    public func shaped(_ item: JSONObject, by plan: ContextPlan) -> JSON {
        let data = plan.apply(.object(item), context: context)
        guard let fields = self["_fields"] else { return data }
        return FieldsFilter.apply(fields, to: data)
    }

    /// Whether an item's `_links` are wanted: always, unless `_fields` leaves them out (the
    /// built-in controllers then add none, as WordPress's check `rest_is_field_included`).
    public var wantsLinks: Bool { FieldsFilter.includes("_links", self["_fields"]) }
}
