import Foundation
import Testing

@testable import FormatScaffold

@Suite struct FormatScaffoldTests {
    @Test func namesFollowTheConventions() throws {
        let scaffold = try FormatScaffold(name: "rss-feed", importer: true, exporter: false)
        #expect(
            scaffold.moduleName == "RssFeed" && scaffold.formatName == "rss-feed" && scaffold.propertyName == "rssFeed"
                && scaffold.fileExtension == "rssfeed")
        let camel = try FormatScaffold(name: "AtomFeed", importer: false, exporter: true)
        #expect(camel.moduleName == "AtomFeed" && camel.formatName == "atom-feed")
        #expect(throws: FormatScaffold.Problem.self) { try FormatScaffold(name: "9lives", importer: true, exporter: true) }
        #expect(throws: FormatScaffold.Problem.self) { try FormatScaffold(name: "a b", importer: true, exporter: true) }
        #expect(throws: FormatScaffold.Problem.self) { try FormatScaffold(name: "Foo", importer: false, exporter: false) }
    }

    @Test func filesFollowTheModuleLayout() throws {
        let both = try FormatScaffold(name: "Foo", importer: true, exporter: true)
        let paths = both.files().map(\.path)
        #expect(
            paths == [
                "Sources/Formats/Foo/FooFormat.swift", "Sources/Formats/Foo/FooImporter.swift", "Sources/Formats/Foo/FooExporter.swift",
                "Tests/FooTests/FooTests.swift", "samples/foo/sample.foo", "samples/foo/expected/sample.json", "docs/formats/foo.md",
            ])
        // The registry test finds a module by `FormatModule(` then `name:`.
        #expect(both.formatFile.contains("FormatModule(\n        name: \"foo\""))
        // The tests compare whole articles with the golden, and round-trip it, as known issues
        // until the format is written.
        #expect(both.testFile.contains("withKnownIssue"))
        #expect(both.testFile.contains("func theSampleImportsToItsGolden()") && both.testFile.contains("func theGoldenRoundTrips()"))
        #expect(both.testFile.contains("== Self.withoutOrigin(try Self.goldenArticles())"))
        let exporterOnly = try FormatScaffold(name: "Foo", importer: false, exporter: true)
        #expect(exporterOnly.testFile.contains("func theGoldenExportsToTheExpectedDocument()"))
        #expect(exporterOnly.files().map(\.path).contains("samples/foo/expected/sample.foo"))
        let importerOnly = try FormatScaffold(name: "Foo", importer: true, exporter: false)
        #expect(!importerOnly.files().map(\.path).contains("Sources/Formats/Foo/FooExporter.swift"))
        #expect(importerOnly.formatFile.contains("exporter: nil"))
    }

    @Test func theManifestAndTheListAreEditedAtTheirMarkers() throws {
        let scaffold = try FormatScaffold(name: "Foo", importer: true, exporter: true)
        let manifest = """
            targets: [
                    .target(name: "NewsCore"),
                    // new-format: format targets
                    .target(name: "NewsConvKit", dependencies: [
                        "NewsCore",
                        // new-format: NewsConvKit dependencies
                    ]),
                    .testTarget(name: "CLITests"),
                    // new-format: test targets
            ]
            """
        let edited = try #require(scaffold.editManifest(manifest))
        #expect(
            edited.contains(
                "        .target(name: \"Foo\", dependencies: [\"NewsCore\"], path: \"Sources/Formats/Foo\"),\n        // new-format: format targets"
            ))
        #expect(edited.contains("            \"Foo\",\n            // new-format: NewsConvKit dependencies"))
        #expect(edited.contains(".testTarget(name: \"FooTests\""))
        #expect(scaffold.editManifest(edited) == nil, "a module that is there already is not added twice")
        #expect(scaffold.editManifest("targets: []") == nil, "without the markers it prints the lines instead")

        let list =
            "import Markdown\nimport NewsCore\n\npublic enum BuiltinFormats {\n    public static let modules: [FormatModule] = [\n        .markdown,\n        // new-format: modules\n    ]\n}\n"
        let registered = try #require(scaffold.editBuiltinFormats(list))
        #expect(
            registered.contains("import Foo\nimport Markdown\nimport NewsCore\n")
                && registered.contains("        .foo,\n        // new-format: modules"),
            "the import goes in its sorted place")
        let last = try #require(try FormatScaffold(name: "Zeta", importer: true, exporter: false).editBuiltinFormats(list))
        #expect(last.contains("import NewsCore\nimport Zeta\n\n"))
    }

    @Test func applyingCreatesFilesAndRefusesToOverwrite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-scaffold-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources/NewsConvKit"), withIntermediateDirectories: true)
        try Data("let package = Package(targets: [])\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        let scaffold = try FormatScaffold(name: "Foo", importer: true, exporter: true)
        let result = try scaffold.apply(to: root)
        #expect(result.created.count == 7)
        #expect(result.edited.isEmpty && result.manual.count == 2, "no markers: the lines are printed")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources/Formats/Foo/FooImporter.swift").path))
        #expect(throws: FormatScaffold.Problem.self) { try scaffold.apply(to: root) }
    }
}
