// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Quire",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quire", targets: ["quire"]),
        .library(name: "Quire", targets: ["Quire"]),
        .library(name: "QuireREST", targets: ["QuireREST"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", exact: "6.4.0", traits: []),
        .package(url: "https://github.com/vapor/sql-kit", exact: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", exact: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", exact: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/vapor/postgres-kit", exact: "2.17.0"),
        .package(url: "https://github.com/apple/swift-configuration", exact: "1.4.0"),
        .package(url: "https://github.com/apple/swift-system", exact: "1.8.1"),
    ],
    targets: [
        // JSON values and the text rules both the REST core and the store apply (a leaf: no dependency).
        .target(name: "QuireValues"),
        // The REST core: routes, schemas, validation, dispatch, global parameters. No HTTP framework.
        .target(name: "QuireREST", dependencies: ["QuireValues"]),
        // The adapter that mounts the REST core on Hummingbird.
        .target(
            name: "QuireHTTP",
            dependencies: [
                "QuireREST",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Direct calls into the SQLite library that sqlite-nio builds, for synchronous statements.
        .target(name: "QuireSQLiteC", dependencies: [.product(name: "SQLiteNIO", package: "sqlite-nio")]),
        // libvips, the image library WordPress's sizes are made with here (Debian's libvips-dev).
        // Its headers need only GLib's include folders (found through gobject-2.0's pkg-config
        // file; vips's own also lists compiler flags the package manager refuses).
        .systemLibrary(name: "CVips", pkgConfig: "gobject-2.0", providers: [.apt(["libvips-dev"])]),
        // The WordPress data model and the storage protocol, with its SQL drivers (SQLite, PostgreSQL).
        .target(
            name: "QuireStore",
            dependencies: [
                "QuireValues", "QuireSQLiteC",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Who is asking: application passwords, session cookies and nonces, sign-in limits.
        .target(
            name: "QuireAuth",
            dependencies: [
                "QuireREST", "QuireStore",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The wp/v2 routes, one folder a resource.
        .target(
            name: "QuireWPV2",
            dependencies: ["QuireREST", "QuireStore", "QuireAuth", "CVips", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The OpenAPI 3.1 document of every registered route, built from the routes' own arguments and schemas.
        .target(
            name: "QuireOpenAPI",
            dependencies: ["QuireREST", .product(name: "OpenAPIKit", package: "OpenAPIKit")]
        ),
        // The site as a whole: configuration, installation, the command line; what plugins link.
        .target(
            name: "Quire",
            dependencies: [
                "QuireREST", "QuireHTTP", "QuireStore", "QuireAuth", "QuireWPV2", "QuireOpenAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(name: "quire", dependencies: ["Quire"]),
        // An example plugin, and the `quire` command line built with it.
        .target(name: "BookshelfPlugin", dependencies: ["Quire", "QuireREST", "QuireStore", "QuireWPV2"],
                path: "Examples/BookshelfPlugin"),
        .executableTarget(name: "quire-bookshelf", dependencies: ["BookshelfPlugin", "Quire"], path: "Examples/quire-bookshelf"),
        // The benchmark's ceiling: a bare server of the same framework (see bench/run).
        .executableTarget(name: "quire-bench-bare", dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
                          path: "bench/bare"),
        .testTarget(
            name: "QuireRESTTests",
            dependencies: [
                "QuireREST",
                "QuireHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "QuireTests",
            dependencies: [
                "Quire", "QuireREST", "QuireHTTP", "QuireStore", "QuireAuth", "QuireWPV2", "BookshelfPlugin",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
