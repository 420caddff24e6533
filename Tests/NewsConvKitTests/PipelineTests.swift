import Foundation
import NewsConvKit
import NewsCore
import TestSupport
import Testing

/// The one conversion that convert and batch (and stream and serve) run: what it names its
/// outputs, and that a document is written whole or not at all.
@Suite struct PipelineTests {
    static let dispatch = Data("Headline here\n\nIslamabad, Dec 15 (EFE).- Body one.\nBody two. EFE\naa-ssk\n".utf8)
    static var message: Data {
        get throws { try Data(contentsOf: Fixtures.samples.appendingPathComponent("newsml-g2/two-items-newsmessage.xml")) }
    }

    @Test func oneDocumentIsOneOutputNamedAfterIt() throws {
        let pipeline = try Pipeline(ConversionSettings(to: "nitf", now: Date(timeIntervalSince1970: 0)))
        let result = pipeline.convert(SourceDocument(data: Self.dispatch, path: "in/2026/story.txt", name: "2026/story.txt"))
        #expect(!result.failed)
        #expect(result.outputs.map(\.name) == ["2026/story.nitf"])
        #expect(String(decoding: result.outputs[0].data, as: UTF8.self).contains("Headline here"))
    }

    @Test func severalArticlesIntoAOneArticleFormatAreNumbered() throws {
        let nitf = try Pipeline(ConversionSettings(to: "nitf"))
        let result = nitf.convert(SourceDocument(data: try Self.message, path: "m.xml"))
        #expect(!result.failed)
        #expect(result.outputs.map(\.name) == ["m-1.nitf", "m-2.nitf"])
        // A format that holds several articles gets them all in one output, named after the first document.
        let json = try Pipeline(ConversionSettings(to: "json"))
        let both = json.convert([SourceDocument(data: try Self.message, path: "m.xml"), SourceDocument(data: Self.dispatch, path: "d.txt")])
        #expect(both.outputs.map(\.name) == ["m.json"])
    }

    @Test func aDocumentThatFailsFailsAllAndWritesNothing() throws {
        let pipeline = try Pipeline(ConversionSettings(to: "json"))
        let result = pipeline.convert([
            SourceDocument(data: Self.dispatch, path: "good.txt"), SourceDocument(data: Data("<a><b></a>".utf8), path: "bad.xml"),
        ])
        #expect(result.failed && result.outputs.isEmpty)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.location.path == "bad.xml" && error.location.line == 1)
    }

    @Test func anEmptyInputOfNoKnownFormatSaysItIsEmpty() throws {
        let result = try Pipeline(ConversionSettings(to: "json")).convert(SourceDocument(data: Data(), path: "blank"))
        #expect(result.failed)
        #expect(result.diagnostics.map(\.code) == ["input.empty"])
        #expect(result.diagnostics[0].severity == .error)
        #expect(result.diagnostics[0].location == SourceLocation(path: "blank", line: 1, column: 1))
    }

    @Test func warningsUnderStrictFailTheDocument() throws {
        // A dispatch without a dateline is a warning, which --strict makes an error.
        let headlineOnly = Data("Headline only\n".utf8)
        let lenient = try Pipeline(ConversionSettings(to: "json")).convert(SourceDocument(data: headlineOnly, path: "d.txt"))
        let warnings = lenient.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.code) == ["wire.dateline.unrecognised"])
        #expect(!lenient.failed && lenient.outputs.count == 1)
        let strict = try Pipeline(ConversionSettings(to: "json", strict: true)).convert(SourceDocument(data: headlineOnly, path: "d.txt"))
        #expect(strict.failed && strict.outputs.isEmpty)
        #expect(strict.diagnostics.last?.code == "output.strict" && strict.diagnostics.last?.severity == .error)
        #expect(strict.diagnostics.last?.location == SourceLocation(path: "d.txt", line: 1, column: 1))
    }

    @Test func badSettingsAreUsageErrorsBeforeAnythingIsRead() {
        #expect(throws: NewsConvError.self) { try Pipeline(ConversionSettings(to: "no-such-format")) }
        #expect(throws: NewsConvError.self) { try Pipeline(ConversionSettings(from: "no-such-format", to: "json")) }
        #expect(throws: NewsConvError.self) { try Pipeline(ConversionSettings(to: "json", dateContext: "Dec 15")) }
        #expect(throws: NewsConvError.self) { try Pipeline(ConversionSettings(to: "json", formatOptions: ["nope.key": "1"])) }
    }
}

/// AP's ninjs numbers the first version 0: the fact arrives in the IR, and NewsML-G2, whose
/// version is a positive integer, says it leaves it out.
@Suite struct VersionZeroTests {
    static let ninjs = Data(#"{"uri": "urn:ap:1", "version": "0", "headline": "H", "type": "text"}"#.utf8)

    @Test func versionZeroIsKeptAndNewsMLG2SaysItCannotWriteIt() throws {
        let json = try Pipeline(ConversionSettings(from: "ninjs", to: "json")).convert(SourceDocument(data: Self.ninjs, path: "ap.json"))
        #expect(String(decoding: try #require(json.outputs.first).data, as: UTF8.self).contains("\"version\": 0,"))
        let g2 = try Pipeline(ConversionSettings(from: "ninjs", to: "newsml-g2")).convert(SourceDocument(data: Self.ninjs, path: "ap.json"))
        let output = String(decoding: try #require(g2.outputs.first).data, as: UTF8.self)
        #expect(output.contains("guid=\"urn:ap:1\" standard=") && !output.contains("guid=\"urn:ap:1\" version="))
        let dropped = g2.diagnostics.filter { $0.code == "newsml-g2.export.dropped-version" }
        #expect(dropped.count == 1 && dropped.first?.severity == .warning)
    }
}
