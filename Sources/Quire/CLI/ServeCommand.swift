import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuireHTTP
import QuireStore
import QuireWPV2

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Start the server.")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Where uploads are kept; servers sharing a database need one shared folder (default: $QUIRE_UPLOADS_DIR, else wp-content/uploads beside an SQLite file or in this folder).")
    var uploadsDir: String?
    @Option(help: "The site's public URL (default http://<host>:<port>).") var url: String?
    @Flag(help: "Also seed a small demo site on a new database.") var demo = false
    @Option(help: "Also generate this many posts on a new database (for benchmarks).") var generatePosts: Int?
    @Flag(help: "Turn the built-in response cache off.") var noCache = false
    @Option(help: "Seconds a connection may stay idle (or trickle) before it is closed.") var idleTimeout = 30
    @Option(help: "Largest request body, and largest upload, in bytes (larger bodies are answered 413).") var maxBodySize = 64 * 1024 * 1024
    @Option(help: "Largest URL with its header fields, in bytes (larger ones are answered 431).") var maxHeaderSize = 64 * 1024
    @Option(help: "Connections open at once; past it, new connections wait to be accepted.") var maxConnections = 1000
    @Flag(help: "Do not serve Prometheus metrics at /metrics.") var noMetrics = false
    @Flag(help: "Do not write an access log line per request.") var noAccessLog = false
    @Option(help: "Failed sign-ins allowed per login in a minute before further attempts are answered 429.")
    var signInFailuresPerLogin = 10
    @Option(help: "The installed WordPress package the block editor is served from (default: QUIRE_WORDPRESS_DIR, else /usr/share/wordpress).")
    var wordpressDir: String?
    @Option(help: "Failed sign-ins allowed per client address in a minute.") var signInFailuresPerAddress = 50

    func run() async throws {
        let siteURL = url ?? "http://\(host):\(port)"
        let store = try await SQLContentStore.open(database.database)
        do {
            if try await SiteInstaller.needsInstall(store) {
                let given = ProcessInfo.processInfo.environment["QUIRE_ADMIN_PASSWORD"]
                let password = try await SiteInstaller.install(store, url: siteURL, adminPassword: given)
                if given == nil { print("Created the site. Administrator: admin, password: \(password)") }
                if demo { try await DemoContent.seed(store, url: siteURL) }
                if let n = generatePosts, n > 0 {
                    try await GeneratedContent.seed(store, posts: n, url: siteURL) { print("generated \($0) posts") }
                }
            }
            let site = try await QuireSite.make(store: store, url: url, plugins: InstalledPlugins.current,
                                                uploads: uploadsDir.map { URL(fileURLWithPath: $0) } ?? database.uploads,
                                                maxUploadSize: maxBodySize, cache: !noCache,
                                                signInLimits: .init(perLogin: signInFailuresPerLogin, perAddress: signInFailuresPerAddress),
                                                wordpress: WordPressPackage.locate(wordpressDir))
            var logger = Logger(label: "quire")
            logger.logLevel = .info
            if !ImageResizer.detect().isAvailable {
                logger.notice("Image sizes are off (QUIRE_NO_IMAGE_LIBRARY is set, or libvips could not start): uploads get no intermediate sizes.")
            }
            let limits = ServerLimits(idleTimeout: .seconds(Int64(idleTimeout)), maxHeaderSize: maxHeaderSize, maxBodySize: maxBodySize,
                                     maxConnections: maxConnections)
            let observability = SiteObservability.make(store: store, metrics: !noMetrics,
                                                       accessLog: noAccessLog ? nil : Logger(label: "quire.access"))
            if site.wordpress == nil {
                logger.notice("The block editor is off: no WordPress package at \(wordpressDir ?? WordPressPackage.defaultRoot) (apt-get install wordpress wordpress-theme-twentytwentythree).")
            }
            let app = QuireApplication.make(server: site.server, uploads: site.uploads, folders: site.fileFolders, host: host, port: port, limits: limits,
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
