// swift-tools-version: 6.1
import PackageDescription

// libFuzzer harnesses, kept out of the main package so that `swift test` does not build them.
// Build and run: Fuzz/run (see docs/reliability.md).
let package = Package(
    name: "newsconv-fuzz",
    dependencies: [.package(name: "newsconv", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzImporters",
            dependencies: [
                .product(name: "NewsConvKit", package: "newsconv"),
                .product(name: "NewsCore", package: "newsconv"),
            ],
            path: "Sources/FuzzImporters",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        )
    ]
)
