import Foundation
import QuireREST
import QuireWPV2

/// The settings the post editor starts with (`get_block_editor_settings` with the post editor's
/// own), built from the site's options, the media library's limits and the active theme's
/// `theme.json` merged over WordPress's (``ThemeStyles``).
///
///     let settings = EditorSettings(wordpress: package, themes: themes, siteURL: url, options: options, maxUploadSize: 64 << 20)
///     settings.editorSettings(for: postType)["titlePlaceholder"]   // "Add title"
struct EditorSettings {
    let wordpress: WordPressPackage
    /// The site's themes, the active one chosen by its `stylesheet` option.
    let themes: ThemeLibrary
    let siteURL: String
    let options: [String: JSON]
    let maxUploadSize: Int
    /// The site's own global styles for the active theme (its `wp_global_styles` post), if any.
    var userStyles: JSONObject? = nil

    /// The editor's stylesheets, in the order WordPress prints them.
    static let stylesheets = [
        "/wp-includes/css/dashicons.min.css", "/wp-includes/css/buttons.min.css", "/wp-includes/css/media-views.min.css", "/wp-admin/css/common.min.css",
        "/wp-admin/css/forms.min.css", "/wp-admin/css/edit.min.css",
        "/wp-includes/css/dist/components/style.min.css", "/wp-includes/css/dist/block-editor/style.min.css",
        "/wp-includes/css/dist/nux/style.min.css", "/wp-includes/css/dist/reusable-blocks/style.min.css",
        "/wp-includes/css/dist/editor/style.min.css", "/wp-includes/css/dist/block-library/reset.min.css",
        "/wp-includes/css/dist/block-library/style.min.css", "/wp-includes/css/dist/block-library/editor.min.css",
        "/wp-includes/css/dist/edit-post/style.min.css", "/wp-includes/css/dist/format-library/style.min.css",
    ]

    /// `get_default_block_categories`.
    static let blockCategories: JSON = .array([
        ("text", "Text"), ("media", "Media"), ("design", "Design"), ("widgets", "Widgets"), ("theme", "Theme"),
        ("embed", "Embeds"), ("reusable", "Reusable Blocks"),
    ].map { ["slug": .string($0.0), "title": .string($0.1), "icon": .null] })

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static func strings(_ list: [String]) -> JSON { .array(list.map { .string($0) }) }

    static let momentLocale: JSON = [
        "months": strings(months), "monthsShort": strings(months.map { String($0.prefix(3)) }),
        "weekdays": strings(weekdays), "weekdaysShort": strings(weekdays.map { String($0.prefix(3)) }),
        "week": ["dow": 1], "longDateFormat": ["LT": "g:i a", "LTS": "", "L": "", "LL": "F j, Y", "LLL": "F j, Y g:i a", "LLLL": ""],
    ]

    func text(_ name: String, _ fallback: String) -> String { options[name]?.stringValue ?? fallback }

    /// `wp.date.setSettings`: the locale's words, the site's date formats and time zone.
    var dateSettings: JSON {
        let offset = options["gmt_offset"].flatMap { $0.doubleValue ?? Double(PHPScalar.toString($0)) } ?? 0
        return [
            "l10n": ["locale": "en_US", "months": Self.strings(Self.months), "monthsShort": Self.strings(Self.months.map { String($0.prefix(3)) }),
                     "weekdays": Self.strings(Self.weekdays), "weekdaysShort": Self.strings(Self.weekdays.map { String($0.prefix(3)) }),
                     "meridiem": ["am": "am", "pm": "pm", "AM": "AM", "PM": "PM"],
                     "relative": ["future": "%s from now", "past": "%s ago"],
                     "startOfWeek": .int(Int(PHPScalar.toString(options["start_of_week"] ?? 1)) ?? 1)],
            "formats": ["time": .string(text("time_format", "g:i a")), "date": .string(text("date_format", "F j, Y")),
                        "datetime": .string("\(text("date_format", "F j, Y")) \(text("time_format", "g:i a"))"),
                        "datetimeAbbreviated": .string("M j, Y \(text("time_format", "g:i a"))")],
            "timezone": ["offset": offset == offset.rounded() ? .int(Int(offset)) : .double(offset),
                         "string": .string(text("timezone_string", "")), "abbr": ""],
        ]
    }

    func themeStyles(_ resolver: GlobalStylesResolver) -> ThemeStyles {
        ThemeStyles(merged: resolver.merged(user: userStyles),
                           themeURL: "\(siteURL)/wp-content/themes/\(themes.active?.stylesheet ?? "")", blockSelectors: resolver.blockSelectors,
                           layoutBlocks: resolver.layoutBlocks, featureSelectors: resolver.featureSelectors)
    }

    /// The media library dialog's texts and settings (`_wpMediaViewsL10n`, from `wp_enqueue_media`).
    func mediaViews(postID: Int, featuredImage: Int) -> JSON {
        var strings = MediaViewsStrings.all
        strings["settings"] = mediaViewSettings(postID: postID, featuredImage: featuredImage)
        return .object(strings)
    }

    /// The dialog's settings (`wp.media.view.settings`).
    func mediaViewSettings(postID: Int, featuredImage: Int) -> JSON {
        [
            "tabs": .object(.phpObject), "tabUrl": .string(siteURL + "/wp-admin/media-upload.php?chromeless=1"),
            "mimeTypes": ["image": "Images", "audio": "Audio", "video": "Video", "application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/plain": "Documents"],
            "captions": true, "nonce": ["sendToEditor": ""],
            "post": ["id": .int(postID), "nonce": "", "featuredImageId": .int(featuredImage)],
            "defaultProps": ["link": "none", "align": "", "size": ""],
            "attachmentCounts": ["audio": 1, "video": 1], "oEmbedProxyUrl": .string(siteURL + "/wp-json/oembed/1.0/proxy"),
            "embedExts": ["mp3", "ogg", "flac", "m4a", "wav", "mp4", "m4v", "webm", "ogv", "flv"],
            "embedMimes": .object(.phpObject), "contentWidth": .null, "months": [], "mediaTrash": 0, "infiniteScrolling": 0,
        ]
    }

    /// The uploader's settings (`wp_plupload_default_settings`): the media library dialog's own
    /// uploads post to `async-upload.php` (``AsyncUpload``) with the `media-form` nonce; the
    /// editor's other uploads go through REST.
    func plupload(nonce: String) -> JSON {
        let extensions = ImageInfo.extensions.values.flatMap { $0 }.sorted().joined(separator: ",")
        return ["defaults": [
            "file_data_name": "async-upload", "url": .string(siteURL + "/wp-admin/async-upload.php"),
            "filters": ["max_file_size": .string("\(maxUploadSize)b"), "mime_types": [["extensions": .string(extensions)]]],
            "heic_upload_error": true, "multipart_params": ["action": "upload-attachment", "_wpnonce": .string(nonce)],
        ], "browser": ["mobile": false, "supported": true], "limitExceeded": false]
    }

    /// The file types uploads accept, keyed by extensions as `get_allowed_mime_types` keys them.
    static var allowedMimeTypes: JSON {
        var o = JSONObject()
        for (mime, extensions) in ImageInfo.extensions.sorted(by: { $0.key < $1.key }) { o[extensions.joined(separator: "|")] = .string(mime) }
        return .object(o)
    }

    func editorSettings(for type: PostType, offered: [BlockTemplate] = [], globalStyles: GlobalStylesResolver) -> JSONObject {
        let styles = themeStyles(globalStyles)
        let defaultStyles = wordpress.root.appendingPathComponent("wp-includes/css/dist/block-editor/default-editor-styles.min.css")
        let defaultCSS = FileManager.default.contents(atPath: defaultStyles.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let layout = styles.settings["layout"]?.objectValue
        // The templates the post may use (`get_page_templates`), after the default one.
        var templates = JSONObject.phpObject
        if !offered.isEmpty {
            templates[""] = "Default template"
            for t in offered where templates[t.slug] == nil { templates[t.slug] = .string(t.title) }
        }
        var settings: JSONObject = [
            "alignWide": false,
            "allowedBlockTypes": true,
            "allowedMimeTypes": Self.allowedMimeTypes,
            "defaultEditorStyles": [["css": .string(defaultCSS)]],
            "blockCategories": Self.blockCategories,
            "disableCustomColors": false, "disableCustomFontSizes": false, "disableCustomGradients": false, "disableLayoutStyles": false,
            "enableCustomLineHeight": false, "enableCustomSpacing": false, "enableCustomUnits": false,
            "isRTL": false,
            "imageDefaultSize": "large",
            "imageDimensions": [
                "thumbnail": ["width": 150, "height": 150, "crop": true], "medium": ["width": 300, "height": 300, "crop": false],
                "large": ["width": 1024, "height": 1024, "crop": false],
            ],
            "imageEditing": false,
            "imageSizes": [["slug": "thumbnail", "name": "Thumbnail"], ["slug": "medium", "name": "Medium"],
                           ["slug": "large", "name": "Large"], ["slug": "full", "name": "Full Size"]],
            "maxUploadFileSize": .int(maxUploadSize),
            "__unstableGalleryWithImageBlocks": true,
            "availableTemplates": .object(templates),
            "disablePostFormats": true,
            "titlePlaceholder": "Add title",
            "bodyPlaceholder": "Type / to choose a block",
            "autosaveInterval": 60,
            "localAutosaveInterval": 15,
            "richEditingEnabled": true,
            "postLock": ["isLocked": false],
            "supportsLayout": .bool(layout != nil),
            // A block theme's templates may be edited from the post (`current_theme_supports( 'block-templates' )`).
            "supportsTemplateMode": .bool(themes.active?.isBlockTheme ?? false),
            "__experimentalAdditionalBlockPatterns": [],
            "__experimentalAdditionalBlockPatternCategories": [],
            "styles": .array(styles.css),
            "__experimentalFeatures": .object(styles.features),
            "__experimentalDiscussionSettings": [
                "commentOrder": .string(text("comment_order", "asc")), "commentsPerPage": .string(PHPScalar.toString(options["comments_per_page"] ?? "50")),
                "defaultCommentsPage": .string(text("default_comments_page", "newest")), "pageComments": .string(PHPScalar.toString(options["page_comments"] ?? "0")),
                "threadComments": .string(PHPScalar.toString(options["thread_comments"] ?? "1")),
                "threadCommentsDepth": .string(PHPScalar.toString(options["thread_comments_depth"] ?? "5")),
                "defaultCommentStatus": .string(text("default_comment_status", "open")),
                "avatarURL": "https://secure.gravatar.com/avatar/?s=96&d=mm&f=y&r=g",
            ],
        ]
        // What `get_block_editor_settings` takes out of the merged settings.
        for (key, path) in [("colors", ["color", "palette"]), ("gradients", ["color", "gradients"]),
                            ("fontSizes", ["typography", "fontSizes"]), ("spacingSizes", ["spacing", "spacingSizes"])] {
            if let list = styles.presetList(path) { settings[key] = list }
        }
        for (key, value) in styles.editorFlags { settings[key] = value }
        if type.name == "page" { settings["disablePostFormats"] = true }
        if themes.active?.isBlockTheme == true {
            settings["defaultTemplatePartAreas"] = .array(TemplatePartArea.all.map { area in
                ["area": .string(area.area), "label": .string(area.label), "description": .string(area.description),
                 "icon": .string(area.icon), "area_tag": .string(["header": "header", "footer": "footer"][area.area] ?? "div")]
            })
        }
        return settings
    }
}
