import Foundation
import NewsConvKit
import NewsCore
import TestSupport
import Testing

/// Every article of every sample and corpus document that imports (wire, NewsML-G2, NITF, ninjs,
/// Markdown) exports to ninjs that IPTC's JSON Schema accepts, in each profile.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct ToNinjsTests {
    @Test(arguments: [("3", "3.1"), ("2", "2.2"), ("1", "1.6")])
    func everyArticleIsValidNinjs(_ profile: String, _ version: String) throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let ninjs = try #require(BuiltinFormats.registry.module(named: "ninjs"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-to-ninjs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = ToMarkdownTests.articles()
        #expect(articles.count >= 400)
        let options = ConversionOptions(formatOptions: ["ninjs.profile": profile])
        for (name, article) in articles {
            let output = try Converter().export([article], format: ninjs, options: options)
            try output.data.write(to: directory.appendingPathComponent(name + ".json"))
        }
        let standards = shared.appendingPathComponent("standards")
        let result = try JSONSchemaCheck.validate(
            directory: directory, schema: standards.appendingPathComponent("ninjs/\(version)/ninjs-schema_\(version).json"),
            extraSchemas: ["https://geojson.org/schema/GeoJSON.json": standards.appendingPathComponent("geojson/GeoJSON-schema.json")])
        #expect(
            result.status == 0 && result.stdoutText.contains("valid: \(articles.count)"),
            "ninjs \(version): \(result.stdoutText.prefix(2000))")
    }
}
