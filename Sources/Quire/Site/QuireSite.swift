import Foundation
import QuireHTTP
import QuireOpenAPI
import QuireAuth
import QuireREST
import QuireStore
import QuireWPV2

/// A running site: its store and the REST server over it.
public struct QuireSite: Sendable {
    public let store: SQLContentStore
    public let server: RESTServer
    /// Where uploads are kept and served from (`/wp-content/uploads/`).
    public let uploads: URL
    /// The post types and taxonomies, built-in and registered by plugins.
    public let types: ContentTypes
    /// The uploads folder with its limits and image sizer.
    public let media: MediaLibrary
    /// The installed WordPress package the block editor is served from, when there is one.
    public let wordpress: WordPressPackage?

    /// The folders served as files beside the API: the editor's scripts, styles and themes.
    public var fileFolders: [FileFolder] { wordpress?.folders ?? [] }

    /// Opens the database (creating and migrating it when needed) and builds the server.
    public static func open(databasePath: String, url: String? = nil, plugins: [any QuirePlugin] = []) async throws -> QuireSite {
        let store = try await SQLContentStore.openSQLite(path: databasePath)
        return try await make(store: store, url: url, plugins: plugins, uploads: defaultUploads(databasePath: databasePath))
    }

    /// `wp-content/uploads` beside the database file.
    public static func defaultUploads(databasePath: String) -> URL {
        URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("wp-content/uploads")
    }

    /// The content version, after publishing any scheduled post whose time has come (so an
    /// answer that depends on the clock is never served stale).
    static func currentVersion(_ store: SQLContentStore) async -> Int? {
        guard var state = try? await store.contentState() else { return nil }
        if let next = state.nextScheduled, case let now = WPDate.format(Date()), next <= now {
            _ = try? await store.publishDuePosts(now: now)
            state = (try? await store.contentState()) ?? state
        }
        return state.version
    }

    public static func make(store: SQLContentStore, url: String? = nil, plugins: [any QuirePlugin] = [],
                            uploads: URL, maxUploadSize: Int = 64 * 1024 * 1024,
                            imageResizer: ImageResizer = .detect(), cache: Bool = true,
                            responseCache: (entries: Int, bytes: Int) = (4096, 32 * 1024 * 1024),
                            signInLimits: SignInThrottle.Limits = .init(),
                            wordpress: WordPressPackage? = WordPressPackage.locate()) async throws -> QuireSite {
        let options = try await store.allOptions()
        let siteURL = url ?? options["siteurl"]?.stringValue ?? "http://127.0.0.1:8080"
        var site = SiteInfo(name: options["blogname"]?.stringValue ?? "Quire",
                            description: options["blogdescription"]?.stringValue ?? "",
                            url: siteURL, home: url ?? options["home"]?.stringValue ?? siteURL,
                            gmtOffset: options["gmt_offset"] ?? "0",
                            timezoneString: options["timezone_string"]?.stringValue ?? "")
        site.authentication = ["application-passwords": ["endpoints": [
            "authorization": .string("\(site.url)/wp-admin/authorize-application.php"),
        ]]]
        site.siteIcon = options["site_icon"]?.intValue ?? 0
        var registrar = PluginRegistrar(store: store)
        for plugin in plugins { plugin.register(&registrar) }
        var registry = RouteRegistry()
        let media = MediaLibrary(root: uploads, maxUploadSize: maxUploadSize, resizer: imageResizer)
        let themes = ThemeLibrary(themes: wordpress?.themes ?? [],
                                  active: options["stylesheet"]?.stringValue ?? ThemeLibrary.defaultTheme,
                                  coreThemeJSON: wordpress?.coreThemeJSON ?? JSONObject())
        let patterns = BlockPatternLibrary(wordpress: wordpress?.root, themes: themes)
        let wpv2 = WPV2(store: store, types: registrar.types, media: media, themes: themes, patterns: patterns,
                        blockTypes: BlockTypeLibrary(wordpress: wordpress?.root))
        wpv2.register(into: &registry)
        registry.merge(registrar.routes)
        registry.add(OpenAPIRoute.route)
        let base = site
        let cookies = SessionCookies(store: store, secret: SiteSecret(store: store), siteURL: site.url)
        let authenticator = SiteAuthenticator(store: store, cookies: cookies, limits: signInLimits)
        let pages = SignInPages(store: store, cookies: cookies, siteURL: site.url, throttle: authenticator.passwords.throttle,
                                failurePause: signInLimits.perLogin == .max ? .zero : .milliseconds(500),
                                editorInstalled: wordpress != nil)
        // The served types, media and reusable blocks among them.
        let modalAttachments = MediaModalAttachments(store: store, types: wpv2.types)
        let editor = EditorPages(store: store, types: wpv2.types, themes: themes, blockTypes: wpv2.blockTypes,
                                 globalStyles: wpv2.globalStyles, wordpress: wordpress, authenticator: authenticator,
                                 siteURL: site.url, maxUploadSize: maxUploadSize)
        let server = RESTServer(site: site, registry: registry, authenticator: authenticator,
                                currentSite: {
                                    var current = base
                                    guard let o = try? await store.allOptions() else { return current }
                                    current.name = o["blogname"]?.stringValue ?? current.name
                                    current.description = o["blogdescription"]?.stringValue ?? current.description
                                    current.gmtOffset = o["gmt_offset"] ?? current.gmtOffset
                                    current.timezoneString = o["timezone_string"]?.stringValue ?? current.timezoneString
                                    current.siteIcon = o["site_icon"]?.intValue ?? current.siteIcon
                                    return current
                                }, middleware: registrar.middleware,
                                contentVersion: { await Self.currentVersion(store) }, cache: cache ? ResponseCache(capacity: responseCache.entries, maxBytes: responseCache.bytes) : nil,
                                transaction: { body in try await store.transaction(body) },
                                // The snapshot fails only before its body runs (no connection).
                                snapshot: { body in
                                    if let answer = try? await store.snapshot({ await body() }) { return answer }
                                    return await body()
                                }, pages: PageSet([MediaAjax(store: store, attachments: modalAttachments, authenticator: authenticator),
                                                AsyncUpload(store: store, attachments: modalAttachments, types: wpv2.types,
                                                            authenticator: authenticator, siteURL: site.url),
                                                pages, editor]))
        return QuireSite(store: store, server: server, uploads: uploads, types: registrar.types, media: media, wordpress: wordpress)
    }
}
