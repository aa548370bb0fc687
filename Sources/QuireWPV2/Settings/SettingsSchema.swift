import QuireREST

/// The site settings `/wp/v2/settings` exposes, and the option each is stored in.
enum SettingsSchema {
    static let schema = Schema.resource("settings", [
        ("title", Schema(.string).description("Site title.").default(.null)),
        ("description", Schema(.string).description("Site tagline.").default(.null)),
        ("url", Schema(.string).description("Site URL.").default(.null).format(.uri)),
        ("email", Schema(.string).description("This address is used for admin purposes, like new user notification.").default(.null).format(.email)),
        ("timezone", Schema(.string).description("A city in the same timezone as you.").default(.null)),
        ("date_format", Schema(.string).description("A date format for all date strings.").default(.null)),
        ("time_format", Schema(.string).description("A time format for all time strings.").default(.null)),
        ("start_of_week", Schema(.integer).description("A day number of the week that the week should start on.").default(.null)),
        ("language", Schema(.string).description("WordPress locale code.").default("en_US")),
        ("use_smilies", Schema(.boolean).description("Convert emoticons like :-) and :-P to graphics on display.").default(true)),
        ("default_category", Schema(.integer).description("Default post category.").default(.null)),
        ("default_post_format", Schema(.string).description("Default post format.").default(.null)),
        ("posts_per_page", Schema(.integer).description("Blog pages show at most.").default(10)),
        ("show_on_front", Schema(.string).description("What to show on the front page").default(.null)),
        ("page_on_front", Schema(.integer).description("The ID of the page that should be displayed on the front page").default(.null)),
        ("page_for_posts", Schema(.integer).description("The ID of the page that should display the latest posts").default(.null)),
        ("default_ping_status", Schema(.string).description("Allow link notifications from other blogs (pingbacks and trackbacks) on new articles.").default(.null).enum("open", "closed")),
        ("default_comment_status", Schema(.string).description("Allow people to submit comments on new posts.").default(.null).enum("open", "closed")),
        ("site_logo", Schema(.integer).description("Site logo.").default(.null)),
        ("site_icon", Schema(.integer).description("Site icon.").default(.null)),
    ])

    /// setting → option name
    static let options: [(String, String)] = [
        ("title", "blogname"), ("description", "blogdescription"), ("url", "siteurl"), ("email", "admin_email"),
        ("timezone", "timezone_string"), ("date_format", "date_format"), ("time_format", "time_format"),
        ("start_of_week", "start_of_week"), ("language", "WPLANG"), ("use_smilies", "use_smilies"),
        ("default_category", "default_category"), ("default_post_format", "default_post_format"),
        ("posts_per_page", "posts_per_page"), ("show_on_front", "show_on_front"), ("page_on_front", "page_on_front"),
        ("page_for_posts", "page_for_posts"), ("default_ping_status", "default_ping_status"),
        ("default_comment_status", "default_comment_status"), ("site_logo", "site_logo"), ("site_icon", "site_icon"),
    ]
}
