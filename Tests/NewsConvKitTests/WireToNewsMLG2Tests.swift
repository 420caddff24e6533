import Foundation
import NewsConvKit
import NewsCore
import TestSupport
import Testing

/// The headline job: wire text to a valid NewsML-G2 item, keeping dateline, sign-off and trailer.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct WireToNewsMLG2Tests {
    @Test func theReferenceDispatchBecomesAValidItem() throws {
        let shared = try #require(Fixtures.shared)
        let seed = shared.appendingPathComponent("corpus/seed/efe-islamabad-dec15.txt")
        let converter = Converter()
        let options = ConversionOptions(now: Date(timeIntervalSince1970: 1_700_000_000))
        let wire = try #require(converter.registry.module(named: "wire"))
        let g2 = try #require(converter.registry.module(named: "newsml-g2"))
        let data = try Data(contentsOf: seed)
        let imported = try converter.importDocument(data, path: seed.path, format: wire, options: options)
        let exported = try converter.export(imported.articles, format: g2, options: options)

        let errors = try #require(g2.validator).validate(
            ImportInput(data: exported.data, path: "seed.xml"), standards: shared.appendingPathComponent("standards"))
        #expect(errors.isEmpty, "\(errors.map(\.description))")

        let text = String(decoding: exported.data, as: UTF8.self)
        #expect(text.contains("<dateline>Islamabad, Dec 15 (EFE).-</dateline>"))
        #expect(text.contains("<versionCreated>2023-11-14T22:13:20Z</versionCreated>"))

        let back = try converter.importDocument(exported.data, path: "seed.xml", format: g2, options: options).articles
        let article = try #require(back.first)
        #expect(article.dateline?.place == "Islamabad" && article.dateline?.source == "EFE")
        // The partial dateline date survives; on import the item's versionCreated completes its year.
        #expect(article.dateline?.date == NewsDate(year: 2023, month: 12, day: 15))
        #expect(article.signOff == "EFE" && article.trailers == ["aa-ssk"])
        #expect(article.body.count == 15)
        #expect(article.body == imported.articles[0].body)

        // The same input gives the same guid.
        let again = try converter.export(
            try converter.importDocument(data, path: seed.path, format: wire, options: options).articles, format: g2, options: options)
        #expect(again.data == exported.data)
    }

    /// The context completes the dateline's date, written in the inline body's dateline; it is
    /// not taken for contentCreated, which the dispatch does not state.
    @Test func dateContextCompletesTheDatelinesDate() throws {
        let outcome = try Converter().convert(
            ConvertRequest(
                inputs: ["samples/wire/efe-english-lima-port.txt"].map { Fixtures.packageRoot.appendingPathComponent($0).path },
                to: "newsml-g2", dateContext: "2024-03-05"),
            readStandardInput: { Data() })
        let text = String(decoding: try #require(outcome.standardOutput), as: UTF8.self)
        #expect(!text.contains("<contentCreated>"))
        #expect(text.contains("<story.date norm=\"20240304\"/>"), "NITF norms are ISO 8601 basic")
    }
}
