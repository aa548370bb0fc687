import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuireHTTP
import QuireStore
import QuireWPV2

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Start the server.")

    // Each setting is documented once, in QuireConfiguration; a flag given here wins over its
    // QUIRE_* variable and the configuration file.
    @Option(help: "A JSON file of settings (default: $QUIRE_CONFIG); see QuireConfiguration.") var config: String?
    @Option(help: "Address to listen on (QUIRE_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (QUIRE_PORT, default 8080).") var port: Int?
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Where uploads are kept; servers sharing a database need one shared folder (QUIRE_UPLOADS_DIR, default wp-content/uploads beside an SQLite file or in this folder).")
    var uploadsDir: String?
    @Option(help: "The site's public URL (QUIRE_URL, default http://<host>:<port>).") var url: String?
    @Flag(help: "Also seed a small demo site on a new database.") var demo = false
    @Option(help: "Also generate this many posts on a new database (for benchmarks).") var generatePosts: Int?
    @Flag(help: "Turn the built-in response cache off (QUIRE_CACHE=false).") var noCache = false
    @Option(help: "Seconds a connection may stay idle (or trickle) before it is closed (QUIRE_IDLE_TIMEOUT, default 30).") var idleTimeout: Int?
    @Option(help: "Largest request body, and largest upload, in bytes; larger bodies are answered 413 (QUIRE_MAX_BODY_SIZE, default 64 MiB).") var maxBodySize: Int?
    @Option(help: "Largest URL with its header fields, in bytes; larger ones are answered 431 (QUIRE_MAX_HEADER_SIZE, default 64 KiB).") var maxHeaderSize: Int?
    @Option(help: "Connections open at once; past it, new connections wait to be accepted (QUIRE_MAX_CONNECTIONS, default 1000).") var maxConnections: Int?
    @Flag(help: "Do not serve Prometheus metrics at /metrics (QUIRE_METRICS=false).") var noMetrics = false
    @Flag(help: "Do not write an access log line per request (QUIRE_ACCESS_LOG=false).") var noAccessLog = false
    @Option(help: "Failed sign-ins allowed per login in a minute before further attempts are answered 429 (QUIRE_SIGN_IN_FAILURES_PER_LOGIN, default 10).")
    var signInFailuresPerLogin: Int?
    @Option(help: "The installed WordPress package the block editor is served from (QUIRE_WORDPRESS_DIR, default /usr/share/wordpress).")
    var wordpressDir: String?
    @Option(help: "Failed sign-ins allowed per client address in a minute (QUIRE_SIGN_IN_FAILURES_PER_ADDRESS, default 50).") var signInFailuresPerAddress: Int?
    @Option(help: "Idle SQLite readers kept for reuse (QUIRE_SQLITE_READERS, default 8).") var sqliteReaders: Int?

    /// The settings: these flags over the environment's and the file's.
    func settings() async throws -> QuireConfiguration {
        var c = try await QuireConfiguration.load(file: config)
        if let host { c.host = host }
        if let port { c.port = port }
        if let given = database.given { c.databaseURL = given }
        if let uploadsDir { c.uploadsDir = uploadsDir }
        if let url { c.url = url }
        if noCache { c.cache = false }
        if let idleTimeout { c.idleTimeout = idleTimeout }
        if let maxBodySize { c.maxBodySize = maxBodySize }
        if let maxHeaderSize { c.maxHeaderSize = maxHeaderSize }
        if let maxConnections { c.maxConnections = maxConnections }
        if noMetrics { c.metrics = false }
        if noAccessLog { c.accessLog = false }
        if let signInFailuresPerLogin { c.signInFailuresPerLogin = signInFailuresPerLogin }
        if let signInFailuresPerAddress { c.signInFailuresPerAddress = signInFailuresPerAddress }
        if let wordpressDir { c.wordpressDir = wordpressDir }
        if let sqliteReaders { c.sqliteReaders = sqliteReaders }
        return c
    }

    func run() async throws {
        let c = try await settings()
        let siteURL = c.siteURL
        let store = try await SQLContentStore.open(c.databaseURL, readers: c.sqliteReaders, busyTimeout: c.sqliteBusyTimeout)
        do {
            if try await SiteInstaller.needsInstall(store) {
                let given = c.adminPassword
                let password = try await SiteInstaller.install(store, url: siteURL, adminPassword: given)
                if given == nil { print("Created the site. Administrator: admin, password: \(password)") }
                if demo { try await DemoContent.seed(store, url: siteURL) }
                if let n = generatePosts, n > 0 {
                    try await GeneratedContent.seed(store, posts: n, url: siteURL) { print("generated \($0) posts") }
                }
            }
            let site = try await QuireSite.make(store: store, url: c.url, plugins: InstalledPlugins.current,
                                                uploads: c.uploads, maxUploadSize: c.maxBodySize, cache: c.cache,
                                                responseCache: (c.responseCacheEntries, c.responseCacheBytes),
                                                signInLimits: .init(perLogin: c.signInFailuresPerLogin, perAddress: c.signInFailuresPerAddress),
                                                wordpress: WordPressPackage.locate(c.wordpressDir))
            var logger = Logger(label: "quire")
            logger.logLevel = .info
            if !ImageResizer.detect().isAvailable {
                logger.notice("Image sizes are off (QUIRE_NO_IMAGE_LIBRARY is set, or libvips could not start): uploads get no intermediate sizes.")
            }
            let limits = ServerLimits(idleTimeout: .seconds(Int64(c.idleTimeout)), maxHeaderSize: c.maxHeaderSize, maxBodySize: c.maxBodySize,
                                     maxConnections: c.maxConnections)
            let observability = SiteObservability.make(store: store, metrics: c.metrics,
                                                       accessLog: c.accessLog ? Logger(label: "quire.access") : nil)
            if site.wordpress == nil {
                logger.notice("The block editor is off: no WordPress package at \(c.wordpressDir ?? WordPressPackage.defaultRoot) (apt-get install wordpress wordpress-theme-twentytwentythree).")
            }
            let app = QuireApplication.make(server: site.server, uploads: site.uploads, folders: site.fileFolders, host: c.host, port: c.port, limits: limits,
                                            observability: observability, logger: logger)
            try await app.runService()
            await store.shutdown()
        } catch {
            await store.shutdown()
            FileHandleOutput.stderr("Error: \(error)")
            throw ExitCode.failure
        }
    }
}
