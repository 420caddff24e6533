import Foundation
import NewsConvKit
import NewsCore
import TestSupport
import Testing

/// Wire text and NewsML-G2 to NITF 3.6: valid documents that keep the heads, dateline, body
/// structure and end matter.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct ToNITFTests {
    let converter = Converter()
    let options = ConversionOptions(now: Date(timeIntervalSince1970: 1_700_000_000))

    static var wireInputs: [URL] {
        var inputs = Fixtures.files(in: Fixtures.samples.appendingPathComponent("wire"), extensions: ["txt", "iptc"])
        if let shared = Fixtures.shared { inputs.append(shared.appendingPathComponent("corpus/seed/efe-islamabad-dec15.txt")) }
        return inputs
    }

    /// Converts a document to NITF, checks it against the schema and reads it back.
    func throughNITF(_ url: URL) throws -> (source: [Article], nitf: [Article], text: [String]) {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let data = try Data(contentsOf: url)
        let source = try converter.importDocument(
            data, path: url.path, format: try converter.inputFormat(of: data, path: url.path, requested: nil), options: options
        ).articles
        let nitf = try #require(converter.registry.module(named: "nitf"))
        var back: [Article] = []
        var texts: [String] = []
        for article in source {
            let exported = try converter.export([article], format: nitf, options: options)
            let errors = try #require(nitf.validator).validate(
                ImportInput(data: exported.data, path: url.lastPathComponent), standards: shared.appendingPathComponent("standards"))
            #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.map(\.description))")
            back += try converter.importDocument(exported.data, path: url.path, format: nitf, options: options).articles
            texts.append(String(decoding: exported.data, as: UTF8.self))
        }
        return (source, back, texts)
    }

    @Test func theCasesAreThere() {
        #expect(Self.wireInputs.count >= 14, "the wire samples and the seed")
    }

    @Test(arguments: wireInputs)
    func aDispatchBecomesValidNITF(_ url: URL) throws {
        let (source, back, _) = try throughNITF(url)
        let wire = try #require(source.first)
        let nitf = try #require(back.first)
        #expect(nitf.headline == wire.headline)
        #expect(nitf.bylines == wire.bylines)
        #expect(nitf.dateline == wire.dateline)
        #expect(nitf.body.count == wire.body.count)
        #expect(nitf.body == wire.body)
        #expect(nitf.signOff == wire.signOff && nitf.trailers == wire.trailers)
    }

    @Test func theSeedKeepsItsDatelineParagraphsAndTagline() throws {
        let shared = try #require(Fixtures.shared)
        let (_, back, texts) = try throughNITF(shared.appendingPathComponent("corpus/seed/efe-islamabad-dec15.txt"))
        let article = try #require(back.first)
        #expect(article.dateline?.place == "Islamabad" && article.dateline?.source == "EFE")
        #expect(article.dateline?.date == NewsDate(month: 12, day: 15))
        #expect(article.body.count == 15)
        #expect(texts[0].contains("<tagline><org class=\"signoff\">EFE</org><br/>aa-ssk</tagline>"))
        #expect(
            texts[0].contains(
                "<dateline xmlns:nc=\"urn:newsconv:extension\" nc:source=\"EFE\"><location><city>Islamabad</city></location>, Dec 15 (EFE).-<story.date norm=\"--12-15\"/></dateline>"
            ))
    }

    /// NewsML-G2 items whose body is inline NITF: the NITF document keeps the body's structure.
    static var inlineNITFItems: [URL] {
        guard let shared = Fixtures.shared else { return [] }
        let candidates =
            Fixtures.files(in: Fixtures.samples.appendingPathComponent("newsml-g2"), extensions: ["xml"])
            + Fixtures.files(in: shared.appendingPathComponent("corpus/iptc/newsml-g2/examples"), extensions: ["xml"])
            + Fixtures.files(in: shared.appendingPathComponent("corpus/superdesk/newsml-g2"), extensions: ["xml"])
        return candidates.filter { url in
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            return text.contains("application/nitf+xml") && text.contains("<body.content")
                && !url.lastPathComponent.hasPrefix("LISTING_25_")
        }
    }

    @Test func thereAreInlineNITFItems() {
        #expect(Self.inlineNITFItems.count >= 5)
    }

    @Test(arguments: inlineNITFItems)
    func inlineNITFBodyKeepsItsStructure(_ url: URL) throws {
        let (source, back, _) = try throughNITF(url)
        #expect(source.count == back.count)
        for (g2, nitf) in zip(source, back) {
            #expect(nitf.body == g2.body, "\(url.lastPathComponent)")
            #expect(nitf.headline == g2.headline && nitf.subheadlines == g2.subheadlines)
            #expect(nitf.dateline?.text == g2.dateline?.text)
            #expect(nitf.abstract == g2.abstract)
        }
    }
}
