// swift-tools-version: 6.1
import PackageDescription

/// newsconv: convert news articles between the formats agencies and newsrooms exchange.
///
/// Dependency direction: newsconv -> NewsConvKit -> Formats/* -> NewsCore.
/// Format modules never import each other; NewsConvKit holds the one list of built-in formats.
let package = Package(
    name: "newsconv",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsconv", targets: ["newsconv"]),
        .executable(name: "newsconv-serve", targets: ["newsconv-serve"]),
        .library(name: "NewsConvKit", targets: ["NewsConvKit"]),
        .library(name: "NewsCore", targets: ["NewsCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // newsconv serve: the HTTP server, graceful shutdown, Prometheus metrics; the tests' client.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        // Byte-level speed code (word-at-a-time scans, memchr, writing into a string's storage),
        // each routine beside a plain reference version that ByteLevelTests compares it with.
        // Foundation only; the one module outside NewsXML's libxml2 layer with pointer code.
        .target(name: "ByteLevel"),

        // The IR, the format protocols, the registry and diagnostics. Foundation and ByteLevel.
        .target(name: "NewsCore", dependencies: ["ByteLevel"]),

        // libxml2, and the small safe layer over it that every XML format uses.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "NewsXML", dependencies: ["CLibXML2", "NewsCore", "ByteLevel", "CGzip"]),

        // zlib, for gzipped tar archives in batches and NewsXML's built-in schemas.
        .systemLibrary(name: "CGzip", path: "Sources/CGzip", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // YAML through libyaml (Yams's copy): an event emitter and a composer with Yams's results,
        // without Yams's node tree; the one layer with pointer code over libyaml, for Markdown's
        // front matter.
        .target(name: "NewsYAML", dependencies: [.product(name: "Yams", package: "Yams")]),

        // libcmark, the CommonMark reference parser, for the Markdown importer.
        .systemLibrary(name: "CCMark", path: "Sources/CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),

        // Format modules: each depends on NewsCore only.
        .target(name: "WireText", dependencies: ["NewsCore", "Datelines"], path: "Sources/Formats/WireText"),
        .target(name: "NativeJSON", dependencies: ["NewsCore"], path: "Sources/Formats/NativeJSON"),
        .target(name: "NewsMLG2", dependencies: ["NewsCore", "NewsXML", "BodyMarkup", "ByteLevel"], path: "Sources/Formats/NewsMLG2"),
        .target(name: "NITF", dependencies: ["NewsCore", "NewsXML", "BodyMarkup"], path: "Sources/Formats/NITF"),
        .target(name: "Ninjs", dependencies: ["NewsCore", "NewsXML", "BodyMarkup"], path: "Sources/Formats/Ninjs"),
        .target(
            name: "Markdown", dependencies: ["NewsCore", "Datelines", "CCMark", "ByteLevel", "NewsYAML"],
            path: "Sources/Formats/Markdown"),
        .target(name: "NewsML1", dependencies: ["NewsCore", "NewsXML", "BodyMarkup"], path: "Sources/Formats/NewsML1"),
        .target(name: "ANPA", dependencies: ["NewsCore"], path: "Sources/Formats/ANPA"),
        // new-format: format targets

        // Body markup shared by the XML formats (NITF bodies read and written, XHTML bodies read):
        // not a format, so format modules can share it without importing each other.
        .target(name: "BodyMarkup", dependencies: ["NewsCore", "NewsXML", "ByteLevel"]),
        // Datelines as agencies print them, and the agencies: wire text's and Markdown drafts'.
        .target(name: "Datelines", dependencies: ["NewsCore"]),

        // The built-in module list, the conversion pipeline.
        .target(
            name: "NewsConvKit",
            dependencies: [
                "NewsCore", "NewsXML", "WireText", "NativeJSON", "NewsMLG2", "NITF", "Ninjs", "Markdown", "CGzip",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
                "NewsYAML",
                "NewsML1",
                "ANPA",
                // new-format: NewsConvKit dependencies
            ]),

        // `newsconv serve`: the one pipeline behind HTTP (Hummingbird 2), with limits, problem
        // details and Prometheus metrics.
        .target(
            name: "NewsConvServer",
            dependencies: [
                "NewsConvKit", "NewsCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),

        // The exit codes and error wording of the CLI contract, for both executables.
        .target(name: "CommandLineContract", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // `newsconv serve`, which the CLI runs: an executable of its own, so that the HTTP stack
        // is not loaded by every `newsconv convert` (docs/benchmarks.md).
        .executableTarget(
            name: "newsconv-serve",
            dependencies: [
                "NewsConvServer", "NewsConvKit", "CommandLineContract", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // The thin CLI.
        .executableTarget(
            name: "newsconv",
            dependencies: [
                "NewsConvKit", "CommandLineContract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(
            name: "TestSupport", dependencies: ["NewsCore", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/TestSupport"),
        .testTarget(name: "ByteLevelTests", dependencies: ["ByteLevel"]),
        .testTarget(name: "NewsYAMLTests", dependencies: ["NewsYAML", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "NewsCoreTests",
            dependencies: ["NewsCore", "TestSupport"]
        ),
        .testTarget(name: "NewsXMLTests", dependencies: ["NewsXML", "CLibXML2", "NewsCore", "TestSupport"]),
        .testTarget(name: "WireTextTests", dependencies: ["WireText", "Datelines", "NewsCore", "TestSupport"]),
        .testTarget(
            name: "NativeJSONTests",
            dependencies: [
                "NativeJSON", "NewsCore", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "NewsMLG2Tests", dependencies: ["NewsMLG2", "NewsCore", "NewsXML", "TestSupport"]),
        .testTarget(name: "NITFTests", dependencies: ["NITF", "BodyMarkup", "NewsCore", "NewsXML", "TestSupport"]),
        .testTarget(name: "NinjsTests", dependencies: ["Ninjs", "NewsCore", "TestSupport"]),
        .testTarget(
            name: "MarkdownTests",
            dependencies: [
                "Markdown", "NewsCore", "NewsYAML", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "NewsConvKitTests",
            dependencies: [
                "NewsConvKit", "NewsCore", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "NewsConvServerTests",
            dependencies: [
                "NewsConvServer", "NewsConvKit", "NewsCore", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .testTarget(name: "FormatScaffoldTests", dependencies: ["FormatScaffold"]),
        .testTarget(name: "NewsML1Tests", dependencies: ["NewsML1", "NewsCore", "NewsXML", "TestSupport"]),
        .testTarget(name: "ANPATests", dependencies: ["ANPA", "NewsCore", "TestSupport"]),
        // new-format: test targets

        // `swift package new-format`: a thin command plugin over a tool whose logic is a library.
        .target(name: "FormatScaffold"),
        .executableTarget(name: "newsconv-new-format", dependencies: ["FormatScaffold"]),
        .plugin(
            name: "NewFormat",
            capability: .command(
                intent: .custom(
                    verb: "new-format", description: "Scaffold a format module: importer and/or exporter, tests, sample, registration"),
                permissions: [.writeToPackageDirectory(reason: "creates the format module's files and registers it")]),
            dependencies: ["newsconv-new-format"]),
    ]
)
