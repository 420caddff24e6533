import Foundation
import NewsConvKit
import NewsCore
import NewsXML
import TestSupport
import Testing

/// A newsconv JSON document can hold anything in a `raw` block or a kept element's string: what
/// is not well-formed XML never reaches a NewsML-G2 or NITF output (it made the output ill-formed,
/// with exit 0); it is dropped with a warning that names the document. What is well-formed is
/// still written.
@Suite struct RawXMLTests {
    static let document = Data(
        """
        {"newsconv": "1.0", "articles": [{"id": "urn:newsconv:test:raw", "headline": "H", "versionCreated": "2025-01-01T00:00:00Z",
          "provider": {"literal": "Test"},
          "body": [{"type": "raw", "format": "nitf", "text": "<p>fine</p>"}, {"type": "raw", "format": "nitf", "text": "<p>unclosed"}],
          "extensions": {"g2:itemMeta/link": ["<oops"], "nitf:head/docdata/doc-id": ["<doc-id"]}}]}
        """.utf8)

    static let expected: [String: [String]] = [
        "newsml-g2": ["newsml-g2.export.kept-ill-formed", "newsml-g2.export.raw-ill-formed"],
        "nitf": ["nitf.export.kept-ill-formed", "nitf.export.raw-ill-formed"],
    ]

    @Test(arguments: ["newsml-g2", "nitf"]) func illFormedXMLIsDroppedWithAWarning(_ target: String) throws {
        let pipeline = try Pipeline(ConversionSettings(to: target))
        let result = pipeline.convert(SourceDocument(data: Self.document, path: "in/raw.json"))
        #expect(!result.failed)
        let output = try #require(result.outputs.first?.data)
        #expect((try? XMLDocument.parse(output, path: nil)) != nil, "the output is well-formed")
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("<p>fine</p>"))
        #expect(!text.contains("unclosed") && !text.contains("<oops") && !text.contains("<doc-id\n"))
        let warnings = result.diagnostics.filter { $0.code.hasSuffix("-ill-formed") }
        #expect(warnings.map(\.code).sorted() == Self.expected[target])
        for warning in warnings {
            #expect(warning.severity == .warning)
            #expect(warning.location.path == "in/raw.json")
            #expect(warning.description.hasPrefix("in/raw.json:1:1: warning: "))
        }
    }
}
