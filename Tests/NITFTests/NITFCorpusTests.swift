import Foundation
import NewsCore
import NewsXML
import TestSupport
import Testing

@testable import NITF

/// Every NITF document of ../shared/corpus (IPTC's NTB sample and Superdesk's agency files: AAP,
/// AP, EFE, PA, NTB, Ritzau, Canadian Press) imports, exports valid NITF 3.6, and NITF -> NITF is
/// idempotent.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct NITFCorpusTests {
    static var files: [URL] {
        guard let shared = Fixtures.shared else { return [] }
        return Fixtures.files(in: shared.appendingPathComponent("corpus/iptc/nitf"), extensions: ["xml"])
            + Fixtures.files(in: shared.appendingPathComponent("corpus/superdesk/nitf"), extensions: ["xml"])
    }

    static func validator() throws -> XMLSchemaValidator {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        return try SchemaCache.shared.validator(at: shared.appendingPathComponent("standards/nitf/3.6/nitf-3-6.xsd").path)
    }

    @Test func theCorpusIsThere() {
        #expect(Self.files.count >= 20, "expected IPTC's NTB sample and Superdesk's 19 NITF files")
    }

    @Test(arguments: files)
    func importsExportsValidAndIsIdempotent(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        let first = try NITFImporter().read(ImportInput(data: data, path: url.path), options: ConversionOptions())
        #expect(first.articles.count == 1)
        #expect(!first.diagnostics.contains { $0.severity == .error })
        let article = try #require(first.articles.first)
        // aap-finance-lite.xml has an empty title, hedline and body.content: its id is all there is.
        #expect(article.headline != nil || !article.body.isEmpty || article.id != nil, "\(url.lastPathComponent): nothing read")

        let once = try NITFExporter().write(first.articles, options: ConversionOptions())
        let errors = try Self.validator().validate(once.data, path: "export of \(url.lastPathComponent)")
        #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.map(\.description))")

        let again = try NITFImporter().read(ImportInput(data: once.data, path: url.path), options: ConversionOptions())
        let twice = try NITFExporter().write(again.articles, options: ConversionOptions())
        #expect(
            String(decoding: twice.data, as: UTF8.self) == String(decoding: once.data, as: UTF8.self),
            "\(url.lastPathComponent): the second pass differs")
    }

    /// The agency habits the importer handles, each on the file that shows it.
    @Test func agencyQuirksMapToTheIR() throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        func read(_ name: String) throws -> (Article, [Diagnostic]) {
            let url = shared.appendingPathComponent("corpus/superdesk/nitf/\(name)")
            let result = try NITFImporter().read(ImportInput(data: try Data(contentsOf: url), path: url.path), options: ConversionOptions())
            return (try #require(result.articles.first), result.diagnostics)
        }
        // EFE: desk initials in byline, the city in evloc, story.date repeating its norm as its
        // text. The byline and the dateline's text are what the source prints, as it prints them.
        let (efe, _) = try read("efe_nitf.xml")
        #expect(efe.bylines.map(\.printed) == ["gr/bp"])
        #expect(efe.trailers.isEmpty)
        // evloc names the located place, which the printed dateline (a date only) does not.
        #expect(efe.dateline?.place == "Tegucigalpa")
        #expect(!efe.places.contains { $0.name == "Tegucigalpa" })
        #expect(efe.dateline?.text == "20170102T222800+0000")
        #expect(efe.dateline?.date == NewsDate(iso8601: "2017-01-02T22:28:00Z"))
        #expect(efe.subjects.contains(Concept(qcode: "subj:11006005", name: "Executive (government)")))
        #expect(efe.subjects.contains { $0.literal == "EFE:F01001000" })
        #expect(efe.provider?.name == "Agencia EFE")

        // AAP: ANPA meta fields, plain-text abstract, release time equal to the issue time.
        let (aap, _) = try read("aap.xml")
        #expect(aap.slugline == "Monitor 1900 ABC News")
        #expect(aap.takeKey == nil, "an empty anpa-takekey is no take key")
        #expect(aap.abstract == [.paragraph([.text("The main stories on today's 1900 ABC TV news")])])
        #expect(aap.embargoed == nil)
        #expect(aap.extensions["nitf:docdata/date.release"] != nil)
        #expect(aap.extensions["nitf:head/meta"] != nil)
        #expect(aap.bylines == [Byline(name: "John Doe")])
        #expect(aap.copyrightHolder == "Australian Associated Press")

        // Canadian Press: placeholder dates, keywords as text, urgency in head, subject without code.
        let (cp, cpDiagnostics) = try read("handle_invalid_fields.xml")
        #expect(cp.keywords == ["National", "Justice", "Politics"])
        #expect(cp.urgency == 2)
        #expect(cp.expires == nil)
        for code in [
            "nitf.import.invalid-date", "nitf.import.keyword-text", "nitf.import.misplaced-element", "nitf.import.subject-without-code",
        ] {
            #expect(cpDiagnostics.contains { $0.code == code }, "expected \(code)")
        }
        #expect(cp.bylines.first?.name == "Mia Rabson and Jordan Press")
        #expect(cp.dateline?.place == "Ottawa")

        // PA: ISO-8859-1 text.
        let (pa, _) = try read("pa1.xml")
        #expect(pa.headline?.isEmpty == false)
        #expect(!pa.body.isEmpty)
    }
}
