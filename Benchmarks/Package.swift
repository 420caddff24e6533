// swift-tools-version: 6.1
import PackageDescription

// Release-mode benchmarks, kept out of the main package so that `swift test` does not build them.
// Run: cd Benchmarks && swift package benchmark   (see docs/benchmarks.md)
let package = Package(
    name: "newsconv-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "newsconv", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    ],
    targets: [
        .target(
            name: "BenchmarkCorpus",
            dependencies: [
                .product(name: "NewsConvKit", package: "newsconv"),
                .product(name: "NewsCore", package: "newsconv"),
            ],
            path: "Benchmarks/BenchmarkCorpus"
        ),
        .executableTarget(
            name: "G2ToJSON",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NewsConvKit", package: "newsconv"),
                .product(name: "NewsCore", package: "newsconv"),
            ],
            path: "Benchmarks/G2ToJSON",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "BatchG2ToNITF",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NewsConvKit", package: "newsconv"),
                .product(name: "NewsCore", package: "newsconv"),
            ],
            path: "Benchmarks/BatchG2ToNITF",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MarkdownBatch",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NewsConvKit", package: "newsconv"),
                .product(name: "NewsCore", package: "newsconv"),
            ],
            path: "Benchmarks/MarkdownBatch",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "StreamG2ToNITF",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NewsConvKit", package: "newsconv"),
                .product(name: "NewsCore", package: "newsconv"),
            ],
            path: "Benchmarks/StreamG2ToNITF",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ServeRequests",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/ServeRequests",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "WireToJSON",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NewsConvKit", package: "newsconv"),
                .product(name: "NewsCore", package: "newsconv"),
            ],
            path: "Benchmarks/WireToJSON",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
