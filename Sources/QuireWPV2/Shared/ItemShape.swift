import QuireREST

extension RESTRequest {
    /// An item's fields as this request asks for them: those its context shows (through the
    /// resource's prepared plan), then those `_fields` names.
    func shaped(_ item: JSONObject, by plan: ContextPlan) -> JSON {
        let data = plan.apply(.object(item), context: context)
        guard let fields = self["_fields"] else { return data }
        return FieldsFilter.apply(fields, to: data)
    }

    /// Whether an item's `_links` are wanted: always, unless `_fields` leaves them out (the
    /// built-in controllers then add none, as WordPress's check `rest_is_field_included`).
    var wantsLinks: Bool { FieldsFilter.includes("_links", self["_fields"]) }
}
