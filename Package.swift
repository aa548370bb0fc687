// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Quire",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quire", targets: ["quire"]),
        .library(name: "QuireREST", targets: ["QuireREST"]),
        .library(name: "QuireHTTP", targets: ["QuireHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        // The REST core: routes, schemas, validation, dispatch, global parameters. No HTTP framework.
        .target(name: "QuireREST"),
        // The adapter that mounts the REST core on Hummingbird.
        .target(
            name: "QuireHTTP",
            dependencies: [
                "QuireREST",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "quire",
            dependencies: [
                "QuireREST",
                "QuireHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
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
    ],
    swiftLanguageModes: [.v6]
)
