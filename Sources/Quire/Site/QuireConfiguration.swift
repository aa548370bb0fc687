import Configuration
import Foundation
import QuireStore
import SystemPackage

/// Every setting of a Quire server, each documented once here. `quire serve` reads each from
/// its command-line flag, else its `QUIRE_*` environment variable, else a JSON file
/// (`--config FILE` or `QUIRE_CONFIG`), else the default below.
///
/// A key's environment variable is `QUIRE_` and the key in capitals, words and dots turned to
/// underscores; in the file, dots are nested objects:
///
///     QUIRE_PORT=8091 QUIRE_SQLITE_READERS=4 quire serve
///     quire serve --config quire.json     # {"port": 8091, "sqlite": {"readers": 4}}
///
/// | key | environment | default |
/// |---|---|---|
/// | `host` | `QUIRE_HOST` | `127.0.0.1` |
/// | `port` | `QUIRE_PORT` | `8080` |
/// | `url` | `QUIRE_URL` | `http://<host>:<port>` |
/// | `databaseURL` | `QUIRE_DATABASE_URL` | `./quire.sqlite` |
/// | `uploadsDir` | `QUIRE_UPLOADS_DIR` | `wp-content/uploads` beside an SQLite file, else in this folder |
/// | `wordpressDir` | `QUIRE_WORDPRESS_DIR` | `/usr/share/wordpress` |
/// | `adminPassword` | `QUIRE_ADMIN_PASSWORD` | a random one, printed once |
/// | `cache` | `QUIRE_CACHE` | `true` |
/// | `responseCache.entries`, `.bytes` | `QUIRE_RESPONSE_CACHE_ENTRIES`, `_BYTES` | 4,096; 32 MiB |
/// | `idleTimeout` (seconds) | `QUIRE_IDLE_TIMEOUT` | 30 |
/// | `maxBodySize`, `maxHeaderSize` (bytes) | `QUIRE_MAX_BODY_SIZE`, `QUIRE_MAX_HEADER_SIZE` | 64 MiB; 64 KiB |
/// | `maxConnections` | `QUIRE_MAX_CONNECTIONS` | 1,000 |
/// | `metrics`, `accessLog` | `QUIRE_METRICS`, `QUIRE_ACCESS_LOG` | `true` |
/// | `signIn.failuresPerLogin`, `.failuresPerAddress` | `QUIRE_SIGN_IN_FAILURES_PER_LOGIN`, `…_PER_ADDRESS` | 10; 50 |
/// | `sqlite.readers` | `QUIRE_SQLITE_READERS` | 8 |
/// | `sqlite.busyTimeout` (milliseconds) | `QUIRE_SQLITE_BUSY_TIMEOUT` | 10,000 |
public struct QuireConfiguration: Sendable, Equatable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    public var port = 8080
    /// The site's public address; `http://<host>:<port>` when not given.
    public var url: String?
    /// An SQLite file, or `postgres://USER:PASSWORD@HOST:PORT/NAME`.
    public var databaseURL = "./quire.sqlite"
    /// Where uploads are kept; servers sharing a database need one shared folder.
    public var uploadsDir: String?
    /// The installed WordPress package the block editor is served from.
    public var wordpressDir: String?
    /// The administrator's password when a new site is installed.
    public var adminPassword: String?
    /// Whether repeated GETs are answered from the response cache.
    public var cache = true
    public var responseCacheEntries = 4096
    public var responseCacheBytes = 32 * 1024 * 1024
    /// Seconds a connection may stay idle (or trickle) before it is closed.
    public var idleTimeout = 30
    /// The largest request body, and the largest upload (larger ones are answered 413).
    public var maxBodySize = 64 * 1024 * 1024
    /// The largest URL with its header fields (larger ones are answered 431).
    public var maxHeaderSize = 64 * 1024
    /// Connections open at once; past it, new connections wait to be accepted.
    public var maxConnections = 1000
    /// Whether Prometheus metrics are served at `/metrics`.
    public var metrics = true
    /// Whether an access log line is written per request.
    public var accessLog = true
    /// Failed sign-ins allowed per login, and per client address, in a minute (then 429).
    public var signInFailuresPerLogin = 10
    public var signInFailuresPerAddress = 50
    /// Idle SQLite readers kept for reuse.
    public var sqliteReaders = 8
    /// How long an SQLite reader waits for a lock, in milliseconds.
    public var sqliteBusyTimeout = 10_000

    /// Every setting at its default.
    public init() {}

    /// The settings `config` gives, the defaults for the others.
    public init(reading config: ConfigReader) {
        let d = QuireConfiguration()
        host = config.string(forKey: "host", default: d.host)
        port = config.int(forKey: "port", default: d.port)
        url = config.string(forKey: "url")
        databaseURL = config.string(forKey: "databaseURL", default: d.databaseURL)
        uploadsDir = config.string(forKey: "uploadsDir")
        wordpressDir = config.string(forKey: "wordpressDir")
        adminPassword = config.string(forKey: "adminPassword", isSecret: true)
        cache = config.bool(forKey: "cache", default: d.cache)
        responseCacheEntries = config.int(forKey: "responseCache.entries", default: d.responseCacheEntries)
        responseCacheBytes = config.int(forKey: "responseCache.bytes", default: d.responseCacheBytes)
        idleTimeout = config.int(forKey: "idleTimeout", default: d.idleTimeout)
        maxBodySize = config.int(forKey: "maxBodySize", default: d.maxBodySize)
        maxHeaderSize = config.int(forKey: "maxHeaderSize", default: d.maxHeaderSize)
        maxConnections = config.int(forKey: "maxConnections", default: d.maxConnections)
        metrics = config.bool(forKey: "metrics", default: d.metrics)
        accessLog = config.bool(forKey: "accessLog", default: d.accessLog)
        signInFailuresPerLogin = config.int(forKey: "signIn.failuresPerLogin", default: d.signInFailuresPerLogin)
        signInFailuresPerAddress = config.int(forKey: "signIn.failuresPerAddress", default: d.signInFailuresPerAddress)
        sqliteReaders = config.int(forKey: "sqlite.readers", default: d.sqliteReaders)
        sqliteBusyTimeout = config.int(forKey: "sqlite.busyTimeout", default: d.sqliteBusyTimeout)
    }

    /// The settings of `environment`'s `QUIRE_*` variables over those of the JSON file it or
    /// `file` names (`QUIRE_CONFIG`), over the defaults.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            file: String? = nil) async throws -> QuireConfiguration {
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(environmentVariables: environment,
                                         secretsSpecifier: .specific(["QUIRE_ADMIN_PASSWORD"])).prefixKeys(with: "quire"),
        ]
        if let path = file ?? environment["QUIRE_CONFIG"], !path.isEmpty {
            providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(path)))
        }
        return QuireConfiguration(reading: ConfigReader(providers: providers))
    }

    /// Where uploads are kept: the folder given, else `wp-content/uploads` beside an SQLite file,
    /// or in the current folder for a PostgreSQL database.
    public var uploads: URL {
        if let uploadsDir, !uploadsDir.isEmpty { return URL(fileURLWithPath: uploadsDir) }
        if PostgresLocation.isURL(databaseURL) { return URL(fileURLWithPath: "wp-content/uploads") }
        return QuireSite.defaultUploads(databasePath: databaseURL)
    }

    /// The site's address: the one given, else `http://<host>:<port>`.
    public var siteURL: String { url ?? "http://\(host):\(port)" }
}
