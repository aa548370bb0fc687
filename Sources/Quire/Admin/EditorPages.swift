import Foundation
import QuireAuth
import QuireREST
import QuireStore
import QuireWPV2

/// The block editor, served from the installed WordPress package (``WordPressPackage``) and
/// pointed at this server's API, as WordPress serves it:
/// - `/wp-admin/post.php?post=N&action=edit`: the editor for post N.
/// - `/wp-admin/post-new.php?post_type=T`: a new auto-draft of type T, then its editor.
/// - `/wp-admin/edit.php?post_type=T&post_status=S`: the posts of a type, with links to edit them.
///
/// Every page needs a signed-in browser (``SessionCookies``); without one it redirects to the
/// login form. The editor page loads the package's scripts in dependency order, gives them the
/// REST root, a `wp_rest` nonce and the answers the editor asks for first (``EditorPreload``), and
/// starts `wp.editPost.initializeEditor` with settings built from the active theme (``EditorSettings``).
public struct EditorPages: HTTPPages {
    let store: any ContentStore
    let types: ContentTypes
    let themes: ThemeLibrary
    let blockTypes: [BlockType]
    /// The global styles' layers the editor's settings and stylesheets are made from.
    let globalStyles: GlobalStylesResolver
    let wordpress: WordPressPackage?
    let authenticator: SiteAuthenticator
    let siteURL: String
    let maxUploadSize: Int

    public init(store: any ContentStore, types: ContentTypes, themes: ThemeLibrary, blockTypes: [BlockType] = [],
                globalStyles: GlobalStylesResolver? = nil, wordpress: WordPressPackage?, authenticator: SiteAuthenticator, siteURL: String, maxUploadSize: Int) {
        self.store = store
        self.types = types
        self.themes = themes
        self.blockTypes = blockTypes
        self.globalStyles = globalStyles ?? GlobalStylesResolver(themes: themes, blockTypes: blockTypes)
        self.wordpress = wordpress
        self.authenticator = authenticator
        self.siteURL = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
        self.maxUploadSize = maxUploadSize
    }

    static let paths: Set<String> = ["/wp-admin/post.php", "/wp-admin/post-new.php", "/wp-admin/edit.php"]

    public func answer(_ input: HTTPInput, server: RESTServer) async -> HTTPOutput? {
        guard Self.paths.contains(input.path) else { return nil }
        let method = input.method
        guard method.onlyReads else { return nil }
        guard let browser = await authenticator.browser(cookieHeader: input.headers["Cookie"]) else {
            let back = input.query.isEmpty ? siteURL + input.path : "\(siteURL)\(input.path)?\(input.query)"
            return SignInPages.redirect("\(siteURL)/wp-login.php?redirect_to=\(SignInPages.encode(back))&reauth=1")
        }
        let query = FormDecoder.decode(input.query)
        func text(_ key: String) -> String? { query[key].map { PHPScalar.toString($0) } }
        guard let wordpress else { return Self.missingPackage() }
        switch input.path {
        case "/wp-admin/edit.php":
            let list = PostListPage(types: types, siteURL: siteURL)
            return await list.page(typeName: text("post_type") ?? "post", status: text("post_status"), page: Int(text("paged") ?? "") ?? 1,
                                   user: browser.user, server: server)
        case "/wp-admin/post-new.php":
            let typeName = text("post_type") ?? "post"
            guard let type = types.postType(typeName), type.showInREST, type.name != "attachment",
                  browser.user.can(type.capabilities.createPosts) else {
                return Self.refusal(403, "Sorry, you are not allowed to create posts as this user.")
            }
            guard let draft = try? await newDraft(type: type, author: browser.session.user.id) else {
                return Self.refusal(500, "The new post could not be created.")
            }
            return await editor(post: draft, type: type, browser: browser, server: server, wordpress: wordpress, isNew: true)
        default:
            guard text("action") == "edit" || text("action") == nil, let id = Int(text("post") ?? ""), id > 0,
                  let post = try? await store.post(id: id), let type = types.postType(post.type), type.showInREST,
                  post.type != "attachment", post.status != .trash || browser.user.can(type.capabilities.editPosts) else {
                return Self.refusal(404, "You attempted to edit an item that does not exist. Perhaps it was deleted?")
            }
            return await editor(post: post, type: type, browser: browser, server: server, wordpress: wordpress, isNew: post.status == .autoDraft)
        }
    }

    /// An auto-draft of `type` by `author`, as `get_default_post_to_edit` makes one.
    func newDraft(type: PostType, author: Int) async throws -> Post {
        let now = Date()
        let commentStatus = (try? await store.option("default_comment_status"))??.stringValue ?? "open"
        let pingStatus = (try? await store.option("default_ping_status"))??.stringValue ?? "open"
        let draft = Post(author: author, date: WPDate.format(now), title: "Auto Draft", status: .autoDraft,
                         commentStatus: type.name == "page" ? "closed" : commentStatus,
                         pingStatus: type.name == "page" ? "closed" : pingStatus,
                         modified: WPDate.format(now), modifiedGMT: WPDate.format(now), type: type.name)
        return try await store.insertPost(draft, terms: [:], meta: [])
    }

    func editor(post: Post, type: PostType, browser: (session: SessionCookies.Session, user: SiteUser, nonces: SessionNonces),
                server: RESTServer, wordpress: WordPressPackage, isNew: Bool) async -> HTTPOutput {
        let postRoute = "\(type.route)/\(post.id)"
        let paths = EditorPreload.paths(postRoute: postRoute, typeName: type.name) { types.postType($0)?.route }
        let preload = await EditorPreload.answers(paths, as: browser.user, server: server)
        // The editor may open only what its user may edit (the post read in the edit context).
        guard preload["\(postRoute)?context=edit"] != nil else {
            return Self.refusal(403, "Sorry, you are not allowed to edit this item.")
        }
        let options = (try? await store.allOptions()) ?? [:]
        var settings = EditorSettings(wordpress: wordpress, themes: themes, siteURL: siteURL, options: options, maxUploadSize: maxUploadSize)
        if let stored = try? await UserGlobalStyles(store: store).post(theme: themes.activeStylesheet) {
            settings.userStyles = UserGlobalStyles.config(stored)
        }
        let offered = (try? await TemplateLibrary(themes: themes, store: store, types: types).offeredTemplates(to: type)) ?? []
        let meta = (try? await store.userMeta(userID: browser.session.user.id)) ?? [:]
        var initialEdits = JSONObject.phpObject
        if isNew {
            if type.supports.contains("title") { initialEdits["title"] = "" }
            if type.supports.contains("editor") { initialEdits["content"] = .string(post.content) }
            if type.supports.contains("excerpt") { initialEdits["excerpt"] = .string(post.excerpt) }
        }
        let userID = browser.session.user.id
        let restNonce = browser.nonces.make(RESTNonce.rest)
        var inline: [String: (before: [String], after: [String])] = [:]
        func add(_ handle: String, before: String? = nil, after: String? = nil) {
            if let before { inline[handle, default: ([], [])].before.append(before) }
            if let after { inline[handle, default: ([], [])].after.append(after) }
        }
        func json(_ value: JSON) -> String { JSONEncoding.encodeString(value) }
        add("wp-i18n", after: "wp.i18n.setLocaleData( { 'text direction\\u0004ltr': [ 'ltr' ] } );")
        add("lodash", after: "window.lodash = _.noConflict();")
        add("wp-api-fetch", after: """
            wp.apiFetch.use( wp.apiFetch.createRootURLMiddleware( \(json(.string(siteURL + "/wp-json/"))) ) );
            wp.apiFetch.nonceMiddleware = wp.apiFetch.createNonceMiddleware( \(json(.string(restNonce))) );
            wp.apiFetch.use( wp.apiFetch.nonceMiddleware );
            wp.apiFetch.use( wp.apiFetch.mediaUploadMiddleware );
            wp.apiFetch.nonceEndpoint = \(json(.string(siteURL + "/wp-admin/admin-ajax.php?action=rest-nonce")));
            wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( \(json(.object(preload))) ) );
            """)
        add("wp-data", after: """
            ( function() { var storageKey = "WP_DATA_USER_" + \(userID);
            wp.data.use( wp.data.plugins.persistence, { storageKey: storageKey } ); } )();
            """)
        add("wp-blocks", after: "wp.blocks.setCategories( \(json(EditorSettings.blockCategories)) );")
        // The server's block definitions: the attributes of supports, server-only blocks, the site's variations.
        let definitions = JSONObject(blockTypes.map { ($0.name, JSON.object($0.editorDefinition)) })
        add("wp-blocks", after: "wp.blocks.unstable__bootstrapServerSideBlockDefinitions(\(json(.object(definitions))));")
        add("moment", after: "moment.updateLocale( 'en_US', \(json(EditorSettings.momentLocale)) );")
        add("wp-date", after: "wp.date.setSettings( \(json(settings.dateSettings)) );")
        add("wp-preferences", after: """
            ( function() {
            var serverData = \(json(meta["persisted_preferences"].flatMap { $0.objectValue.map(JSON.object) } ?? .string("")));
            var persistenceLayer = wp.preferencesPersistence.__unstableCreatePersistenceLayer( serverData, \(json(.string(String(userID)))) );
            wp.data.dispatch( wp.preferences.store ).setPersistenceLayer( persistenceLayer );
            } )();
            """)
        add("wp-editor", before: "var _wpMetaBoxUrl = \(json(.string("\(siteURL)/wp-admin/post.php?post=\(post.id)&action=edit&meta-box-loader=1")));")
        // Quire has no classic meta boxes: the editor's meta box set-up finds WordPress's
        // `postboxes` with nothing to arrange.
        add("wp-edit-post", before: "window.postboxes = window.postboxes || { page: null, add_postbox_toggles: function ( page ) { this.page = page; } };")
        add("wp-edit-post", after: """
            ( function() {
            window._wpLoadBlockEditor = new Promise( function( resolve ) {
            wp.domReady( function() {
            resolve( wp.editPost.initializeEditor( 'editor', \(json(.string(type.name))), \(post.id), \(json(.object(settings.editorSettings(for: type, offered: offered, globalStyles: globalStyles)))), \(json(.object(initialEdits))) ) );
            } ); } );
            } )();
            """)
        // The post's featured image, as the preloaded post shows it (-1: none, as WordPress says it).
        let featuredMedia = preload["\(postRoute)?context=edit"]?["body"]?["featured_media"]?.intValue ?? 0
        let featuredImage = featuredMedia > 0 ? featuredMedia : -1
        // The media library's scripts (`wp_enqueue_media`): the featured image panel and the
        // media blocks build their "Media Library" frames with `wp.media`.
        add("utils", before: "var userSettings = \(json(["url": "/", "uid": .string(String(userID)), "time": .string(String(Int(Date().timeIntervalSince1970))), "secure": ""]));")
        add("wp-util", before: "var _wpUtilSettings = \(json(["ajax": ["url": .string(siteURL + "/wp-admin/admin-ajax.php")]]));")
        add("wp-api-request", before: "var wpApiSettings = \(json(["root": .string(siteURL + "/wp-json/"), "nonce": .string(restNonce), "versionString": "wp/v2/"]));")
        add("wp-plupload", before: "var pluploadL10n = \(json(.object(wordpress.scripts.uploaderMessages)));\nvar _wpPluploadSettings = \(json(settings.plupload(nonce: browser.nonces.make(AsyncUpload.nonceAction))));")
        add("media-models", before: "var _wpMediaModelsL10n = \(json(["settings": ["ajaxurl": .string(siteURL + "/wp-admin/admin-ajax.php"), "post": ["id": 0]]]));")
        add("media-views", before: "var _wpMediaViewsL10n = \(json(settings.mediaViews(postID: post.id, featuredImage: featuredImage)));")
        // The audio and video players the dialog's previews use (`wp_enqueue_media` asks for them too).
        add("mediaelement", before: "var _wpmejsSettings = \(json(["pluginPath": "/wp-includes/js/mediaelement/", "classPrefix": "mejs-", "stretching": "responsive"]));")
        let scripts = wordpress.scripts.load(["media-editor", "media-audiovideo", "wp-edit-post", "wp-format-library"])
        var html = """
            <!DOCTYPE html>
            <html lang="en-US"><head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width,initial-scale=1.0" />
            <meta name="robots" content="noindex, noarchive" />
            <title>\(HTMLText.escape(isNew ? "Add New \(type.singularLabel)" : "Edit \(type.singularLabel) “\(post.title)”")) ‹ \(HTMLText.escape(options["blogname"]?.stringValue ?? "Quire"))</title>

            """
        for path in EditorSettings.stylesheets {
            html += "<link rel=\"stylesheet\" href=\"\(HTMLText.escape(siteURL + path))\" media=\"all\" />\n"
        }
        html += """
            </head>
            <body class="wp-admin wp-core-ui js \(isNew ? "post-new-php" : "post-php") post-type-\(HTMLText.escape(type.name)) block-editor-page wp-embed-responsive">
            <div id="wpwrap"><div id="wpcontent"><div id="wpbody" role="main"><div id="wpbody-content">
            <div class="block-editor">
            <h1 class="screen-reader-text hide-if-no-js">\(HTMLText.escape(isNew ? "Add New \(type.singularLabel)" : "Edit \(type.singularLabel)"))</h1>
            <div id="editor" class="block-editor__container hide-if-no-js"></div>
            <div id="metaboxes" class="hidden"></div>
            </div></div></div></div></div>

            """
        html += MediaTemplates(maxUploadSize: maxUploadSize).html
        for script in scripts {
            if let before = inline[script.handle]?.before, !before.isEmpty {
                html += "<script id=\"\(script.handle)-js-before\">\n\(before.joined(separator: "\n"))\n</script>\n"
            }
            if !script.path.isEmpty {
                html += "<script src=\"\(HTMLText.escape("\(siteURL)\(script.path)?ver=\(script.version)"))\" id=\"\(script.handle)-js\"></script>\n"
            }
            if let after = inline[script.handle]?.after, !after.isEmpty {
                html += "<script id=\"\(script.handle)-js-after\">\n\(after.joined(separator: "\n"))\n</script>\n"
            }
        }
        html += "</body></html>\n"
        return HTTPOutput(status: 200, headers: Self.pageHeaders, body: Array(html.utf8))
    }

    static var pageHeaders: HeaderList {
        var headers = SignInPages.noCache(["Content-Type": "text/html; charset=UTF-8", "X-Frame-Options": "SAMEORIGIN"])
        headers.add("Referrer-Policy", "strict-origin-when-cross-origin")
        return headers
    }

    static func refusal(_ status: Int, _ message: String) -> HTTPOutput {
        SignInPages.page(status, title: "Error", body: "<p>\(HTMLText.escape(message))</p>")
    }

    static func missingPackage() -> HTTPOutput {
        SignInPages.page(503, title: "The editor is not installed", body: """
            <p>The block editor is served from an installed WordPress package, and none was found.</p>
            <p>Install it with <code>apt-get install wordpress wordpress-theme-twentytwentythree</code>, or name its folder with
            <code>--wordpress-dir</code> (or <code>QUIRE_WORDPRESS_DIR</code>). The REST API works without it.</p>
            """)
    }
}
