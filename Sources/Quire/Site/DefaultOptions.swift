import QuireREST

/// The options a fresh install starts with, as WordPress 6.1 sets them.
enum DefaultOptions {
    static func values(url: String, adminEmail: String, title: String) -> [(String, JSON)] {
        [
            ("siteurl", .string(url)), ("home", .string(url)), ("blogname", .string(title)),
            ("blogdescription", "Just another WordPress site"), ("admin_email", .string(adminEmail)),
            ("users_can_register", 0), ("default_role", "subscriber"), ("timezone_string", ""), ("gmt_offset", "0"),
            ("date_format", "F j, Y"), ("time_format", "g:i a"), ("start_of_week", 1), ("WPLANG", ""),
            ("use_smilies", 1), ("default_category", 1), ("default_post_format", "0"), ("posts_per_page", 10),
            ("show_on_front", "posts"), ("page_on_front", 0), ("page_for_posts", 0), ("default_ping_status", "open"),
            ("default_comment_status", "open"), ("comment_registration", 0), ("require_name_email", 1),
            ("comment_moderation", 0), ("comment_previously_approved", 1), ("thread_comments", 1),
            ("thread_comments_depth", 5), ("page_comments", 0), ("comments_per_page", 50),
            ("default_comments_page", "newest"), ("comment_order", "asc"), ("close_comments_for_old_posts", 0),
            ("close_comments_days_old", 14), ("permalink_structure", "/%postname%/"), ("blog_public", 1),
            ("thumbnail_size_w", 150), ("thumbnail_size_h", 150), ("thumbnail_crop", 1), ("medium_size_w", 300),
            ("medium_size_h", 300), ("medium_large_size_w", 768), ("medium_large_size_h", 0), ("large_size_w", 1024),
            ("large_size_h", 1024), ("uploads_use_yearmonth_folders", 1), ("site_icon", 0), ("site_logo", .null),
            ("wp_page_for_privacy_policy", 3), ("blog_charset", "UTF-8"),
        ]
    }
}
