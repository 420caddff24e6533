import Foundation
import NewsCore
import NewsXML
import TestSupport
import Testing

/// An element kept whole from an invalid source, or a kept string of a newsconv JSON document,
/// that NewsML-G2's schema refuses is not written back: the item is written again without it,
/// with `newsml-g2.export.kept-invalid` (the fuzzer's schema check found `<itemClass cqode=...>`
/// and `<provider literel=...>` written back as they were).
@Suite struct G2KeptXMLTests {
    static let sample = Fixtures.samples.appendingPathComponent("newsml-g2/economy-newsitem.xml")

    static func isValid(_ data: Data) throws -> [Diagnostic] {
        try BuiltInSchemas.validator("newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd").validate(data, path: "out.xml")
    }

    @Test func aKeptElementTheSchemaRefusesIsDroppedAndTheItemStaysValid() throws {
        let original = try String(contentsOf: Self.sample, encoding: .utf8)
        let mutated = original.replacingOccurrences(of: "<itemClass qcode", with: "<itemClass cqode=\"x\" qcode")
        try #require(mutated != original)
        let result = try exportG2(try importG2(mutated).articles)
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(!text.contains("cqode"))
        #expect(try Self.isValid(result.data).isEmpty)
        let warnings = result.diagnostics.filter { $0.code == "newsml-g2.export.kept-invalid" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location.path == "item.xml")
        #expect(
            warnings.first?.message
                == "kept XML (<itemClass>) that NewsML-G2 2.35's schema refuses is dropped: Element '{http://iptc.org/std/nar/2006-10-01/}itemClass', attribute 'cqode': The attribute 'cqode' is not allowed."
        )
        // The required itemClass is the exporter's own, from the article: the item is the one
        // the valid source gives.
        let valid = try exportG2(try importG2(original).articles)
        #expect(result.data == valid.data)
    }

    /// Kept strings of a newsconv JSON document (or a filter) are held to the schema as well.
    @Test func aKeptStringTheSchemaRefusesIsDropped() throws {
        var article = try importG2(try Data(contentsOf: Self.sample)).articles[0]
        article.extensions["g2:itemMeta/generator"] = .array([.string("<generator bogus=\"1\">tool</generator>")])
        let result = try exportG2([article])
        #expect(!String(decoding: result.data, as: UTF8.self).contains("bogus"))
        #expect(try Self.isValid(result.data).isEmpty)
        #expect(result.diagnostics.filter { $0.code == "newsml-g2.export.kept-invalid" }.count == 1)
        article.extensions["g2:itemMeta/generator"] = .array([.string("<generator versioninfo=\"1\">tool</generator>")])
        let kept = try exportG2([article])
        #expect(String(decoding: kept.data, as: UTF8.self).contains("<generator versioninfo=\"1\">tool</generator>"))
        #expect(!kept.diagnostics.contains { $0.code.hasPrefix("newsml-g2.export.kept") })
    }

    /// The official schema from the standards folder agrees that the output is valid.
    @Test(.enabled(if: Fixtures.shared != nil, Comment(rawValue: Fixtures.sharedMissing)))
    func theOfficialSchemaAgrees() throws {
        let shared = try #require(Fixtures.shared)
        let validator = try SchemaCache.shared.validator(
            at: shared.appendingPathComponent("standards/newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd").path)
        let mutated = try String(contentsOf: Self.sample, encoding: .utf8)
            .replacingOccurrences(of: "<itemClass qcode", with: "<itemClass cqode=\"x\" qcode")
        let errors = try validator.validate(try exportG2(try importG2(mutated).articles).data, path: "out.xml")
        #expect(errors.isEmpty, "\(errors.map(\.description))")
    }
}
