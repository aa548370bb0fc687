import QuireREST

/// The user resource as `/wp/v2/users` describes it.
enum UserSchema {
    static let schema = Schema.resource("user", [
        ("id", Schema("Unique identifier for the user.", .integer).context(.embed, .view, .edit).readonly()),
        ("username", Schema("Login name for the user.", .string).context(.edit).required()),
        ("name", Schema("Display name for the user.", .string).context(.embed, .view, .edit)),
        ("first_name", Schema("First name for the user.", .string).context(.edit)),
        ("last_name", Schema("Last name for the user.", .string).context(.edit)),
        ("email", Schema("The email address for the user.", .string).format(.email).context(.edit).required()),
        ("url", Schema("URL of the user.", .string).format(.uri).context(.embed, .view, .edit)),
        ("description", Schema("Description of the user.", .string).context(.embed, .view, .edit)),
        ("link", Schema("Author URL of the user.", .string).format(.uri).context(.embed, .view, .edit).readonly()),
        ("locale", Schema("Locale for the user.", .string).enum("", "en_US").context(.edit)),
        ("nickname", Schema("The nickname for the user.", .string).context(.edit)),
        ("slug", Schema("An alphanumeric identifier for the user.", .string).context(.embed, .view, .edit)),
        ("registered_date", Schema("Registration date for the user.", .string).format(.dateTime).context(.edit).readonly()),
        ("roles", Schema("Roles assigned to the user.", .array).items(Schema(.string)).context(.edit)),
        ("password", Schema("Password for the user (never included).", .string).context().required()),
        ("capabilities", Schema("All capabilities assigned to the user.", .object).context(.edit).readonly()),
        ("extra_capabilities", Schema("Any extra capabilities assigned to the user.", .object).context(.edit).readonly()),
        ("avatar_urls", Schema("Avatar URLs for the user.", .object).context(.embed, .view, .edit).readonly().properties([
            ("24", Schema("Avatar URL with image size of 24 pixels.", .string).format(.uri).context(.embed, .view, .edit)),
            ("48", Schema("Avatar URL with image size of 48 pixels.", .string).format(.uri).context(.embed, .view, .edit)),
            ("96", Schema("Avatar URL with image size of 96 pixels.", .string).format(.uri).context(.embed, .view, .edit)),
        ])),
        ("meta", Schema("Meta fields.", .object).context(.view, .edit).with("properties", .object(JSONObject()))),
    ])
    static let plan = ContextPlan(schema)
}
