import Foundation
import NewsCore
import TestSupport
import Testing

@testable import Ninjs

/// Every ninjs document of ../shared/corpus: IPTC's examples, guideline examples and the test
/// suite's `should_pass` files (1.x, 2.x, 3.x), and Superdesk's ninjs.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct NinjsCorpusTests {
    static var files: [URL] {
        guard let shared = Fixtures.shared else { return [] }
        let iptc = shared.appendingPathComponent("corpus/iptc/ninjs")
        // extension-schema.json is a JSON Schema, not a ninjs document; extension-example.json is read.
        let examples = Fixtures.files(in: iptc.appendingPathComponent("examples"), extensions: ["json"])
            .filter { $0.lastPathComponent != "extension-schema.json" }
        let guidelines = Fixtures.files(in: iptc.appendingPathComponent("guideline-examples"), extensions: ["json"])
            .filter { !$0.path.contains("/not-valid/") }
        let suite = Fixtures.files(in: iptc.appendingPathComponent("test-suite"), extensions: ["json"]).filter {
            $0.path.contains("/should_pass/")
        }
        return examples + guidelines + suite
            + Fixtures.files(in: shared.appendingPathComponent("corpus/superdesk/ninjs"), extensions: ["json"])
    }

    @Test func theCorpusIsThere() {
        #expect(Self.files.count >= 200)
    }

    /// Imports without error; ninjs -> IR -> ninjs (same family) -> IR gives the same article,
    /// and writing it again gives the same bytes.
    @Test(arguments: files)
    func importsAndRoundTrips(_ url: URL) throws {
        let first = try NinjsImporter().read(ImportInput(data: try Data(contentsOf: url), path: url.path), options: ConversionOptions())
        #expect(!first.articles.isEmpty)
        #expect(!first.diagnostics.contains { $0.severity == .error })
        for article in first.articles {
            guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: try Data(contentsOf: url)) else { continue }
            let family = NinjsReader.family(of: object)
            var original = article
            original.origin = nil
            let once = try writeNinjs(article, profile: family)
            // A property kept from an invalid source (Superdesk's extra rendition fields) is not
            // written, with a warning: it cannot come back.
            for warning in once.diagnostics where warning.code == "ninjs.export.invalid-kept" {
                let path = warning.message.replacingOccurrences(of: "the kept property ", with: "")
                let name = String(path.prefix { $0 != "/" && $0 != ":" })
                original.extensions["ninjs\(family.rawValue):\(name)"] = nil
            }
            var again = try readNinjs(String(decoding: once.data, as: UTF8.self), path: url.path).articles[0]
            // Properties no ninjs version defines (Superdesk's, dev drafts') cannot be written:
            // kept unknown ones, and Superdesk's priority.
            original.extensions.values = original.extensions.values.filter { !$0.key.hasPrefix("ninjs:") }
            if object["priority"] != nil { original.priority = nil }
            // ninjs requires a uri: one without gets newsconv's content URN.
            if original.id == nil { original.id = article.contentURN }
            again.origin = nil
            #expect(
                again == original,
                "\(url.lastPathComponent): ninjs \(family.version) -> IR -> ninjs -> IR changed the article; \(irDifference(original, again))"
            )
            let twice = try writeNinjs(again, profile: family)
            #expect(once.data == twice.data, "\(url.lastPathComponent): the second ninjs output differs")
        }
    }

    /// Every article of every corpus document, exported in each profile, is valid against IPTC's schema.
    @Test func everyExportIsValid() throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-ninjs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for profile in NinjsProfile.allCases {
            let directory = root.appendingPathComponent(profile.version)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var count = 0
            for url in Self.files {
                let imported = try NinjsImporter().read(
                    ImportInput(data: try Data(contentsOf: url), path: url.path), options: ConversionOptions())
                for article in imported.articles {
                    count += 1
                    try writeNinjs(article, profile: profile).data.write(
                        to: directory.appendingPathComponent("\(count)-\(url.deletingPathExtension().lastPathComponent).json"))
                }
            }
            let result = try NinjsSchema.check(
                directory: directory, profile: profile, standards: shared.appendingPathComponent("standards"))
            #expect(result.status == 0, "ninjs \(profile.version):\n\(result.stdoutText)\(result.stderr)")
            #expect(result.stdoutText.contains("valid: \(count)"), "\(result.stdoutText)")
        }
    }
}

/// The JSON Schema check with Python's `jsonschema`, GeoJSON mapped to the local copy.
enum NinjsSchema {
    static func check(directory: URL, profile: NinjsProfile, standards: URL) throws -> ProcessResult {
        try JSONSchemaCheck.validate(
            directory: directory, schema: standards.appendingPathComponent("ninjs/\(profile.version)/ninjs-schema_\(profile.version).json"),
            extraSchemas: ["https://geojson.org/schema/GeoJSON.json": standards.appendingPathComponent("geojson/GeoJSON-schema.json")])
    }
}
