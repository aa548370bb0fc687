import QuireREST

/// The site settings `/wp/v2/settings` exposes, and the option each is stored in.
enum SettingsSchema {
    static let schema: JSONObject = try! JSONParser.parse(text).objectValue!

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

    static let text = #"""
{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "settings",
  "type": "object",
  "properties": {
    "title": {
      "type": "string",
      "description": "Site title.",
      "default": null
    },
    "description": {
      "type": "string",
      "description": "Site tagline.",
      "default": null
    },
    "url": {
      "type": "string",
      "description": "Site URL.",
      "default": null,
      "format": "uri"
    },
    "email": {
      "type": "string",
      "description": "This address is used for admin purposes, like new user notification.",
      "default": null,
      "format": "email"
    },
    "timezone": {
      "type": "string",
      "description": "A city in the same timezone as you.",
      "default": null
    },
    "date_format": {
      "type": "string",
      "description": "A date format for all date strings.",
      "default": null
    },
    "time_format": {
      "type": "string",
      "description": "A time format for all time strings.",
      "default": null
    },
    "start_of_week": {
      "type": "integer",
      "description": "A day number of the week that the week should start on.",
      "default": null
    },
    "language": {
      "type": "string",
      "description": "WordPress locale code.",
      "default": "en_US"
    },
    "use_smilies": {
      "type": "boolean",
      "description": "Convert emoticons like :-) and :-P to graphics on display.",
      "default": true
    },
    "default_category": {
      "type": "integer",
      "description": "Default post category.",
      "default": null
    },
    "default_post_format": {
      "type": "string",
      "description": "Default post format.",
      "default": null
    },
    "posts_per_page": {
      "type": "integer",
      "description": "Blog pages show at most.",
      "default": 10
    },
    "show_on_front": {
      "type": "string",
      "description": "What to show on the front page",
      "default": null
    },
    "page_on_front": {
      "type": "integer",
      "description": "The ID of the page that should be displayed on the front page",
      "default": null
    },
    "page_for_posts": {
      "type": "integer",
      "description": "The ID of the page that should display the latest posts",
      "default": null
    },
    "default_ping_status": {
      "type": "string",
      "description": "Allow link notifications from other blogs (pingbacks and trackbacks) on new articles.",
      "default": null,
      "enum": [
        "open",
        "closed"
      ]
    },
    "default_comment_status": {
      "type": "string",
      "description": "Allow people to submit comments on new posts.",
      "default": null,
      "enum": [
        "open",
        "closed"
      ]
    },
    "site_logo": {
      "type": "integer",
      "description": "Site logo.",
      "default": null
    },
    "site_icon": {
      "type": "integer",
      "description": "Site icon.",
      "default": null
    }
  }
}
"""#
}
