import Foundation
import NewsCore
import Testing

@testable import NITF

/// A NITF dateline holds what was printed: NITF readers print every text of `<dateline>`, so the
/// located place that the dateline does not print goes to `docdata/evloc`, and nothing is invented.
struct NITFDatelineTests {
    func export(_ article: Article) throws -> String {
        String(decoding: try NITFExporter().write([article], options: ConversionOptions()).data, as: UTF8.self)
    }

    /// AP's `FORT WASHINGTON, Pa.` located in Pittsburgh, Pennsylvania: printed as it was, the
    /// located place unprinted in evloc, and read back as the dateline's place.
    @Test func anUnprintedPlaceGoesToEvloc() throws {
        let article = Article(headline: "H", dateline: Dateline(text: "FORT WASHINGTON, Pa.", place: "Pittsburgh", region: "Pennsylvania"))
        let text = try export(article)
        #expect(text.contains("<dateline>FORT WASHINGTON, Pa.</dateline>"))
        #expect(text.contains("<evloc city=\"Pittsburgh\" state-prov=\"Pennsylvania\"/>"))
        #expect(!text.contains("unprinted"))
        let back = try NITFImporter().read(ImportInput(data: Data(text.utf8), path: "out.nitf"), options: ConversionOptions()).articles[0]
        #expect(back.dateline == article.dateline)
    }

    /// A G2 item with `located` but no printed dateline gets no `<dateline>` ("BerlinBerlin").
    @Test func noDatelineIsInventedFromThePlace() throws {
        let text = try export(Article(headline: "H", dateline: Dateline(text: "", place: "Berlin", region: "Berlin")))
        #expect(!text.contains("<dateline"))
        #expect(text.contains("<evloc city=\"Berlin\" state-prov=\"Berlin\"/>"))
    }
}

/// What NITF has no place for (parties with roles, descriptions with roles, further languages)
/// is named in the one dropped-fields warning, at the article's origin.
struct NITFDroppedFieldsTests {
    @Test func partiesDescriptionsAndAlternativesAreNamed() throws {
        var article = Article(
            headline: "H", creators: [Concept(qcode: "photCode:X1", role: "cRole:phot")],
            descriptions: [TaggedText(text: "Shot 1", role: "afpdescRole:script")],
            alternatives: [TaggedText(text: "Alle Rechte", language: "de", field: "copyrightNotice")])
        article.origin = Origin(format: "newsml-g2", path: "item.xml", line: 3, column: 1)
        let result = try NITFExporter().write([article], options: ConversionOptions())
        let warnings = result.diagnostics.filter { $0.code == "nitf.export.dropped-fields" }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning && warning.location == SourceLocation(path: "item.xml", line: 3, column: 1))
        for name in ["creators", "descriptions (afpdescRole:script)", "further copyrightNotice"] {
            #expect(warning.message.contains(name), "\(name)")
        }
    }
}

/// NITF names a genre in words: `tobject.property.type` is the genre's name (LISTING 5's
/// `genre:biog` is "Biography"), its code only where it has no name.
struct NITFGenreTests {
    @Test func aGenreIsWrittenByItsName() throws {
        let article = Article(headline: "H", genres: [Concept(qcode: "genre:biog", name: "Biography"), Concept(qcode: "genre:Current")])
        let text = String(decoding: try NITFExporter().write([article], options: ConversionOptions()).data, as: UTF8.self)
        #expect(text.contains("<tobject.property tobject.property.type=\"Biography\"/>"))
        #expect(text.contains("<tobject.property tobject.property.type=\"Current\"/>"))
        #expect(!text.contains("\"biog\""))
    }
}

/// AAP's `date.issue norm="2016-04-13 04:52:21+00:00"` is the issue time, read with a warning at
/// its line; never the time of the conversion.
struct NITFLenientDateTests {
    @Test func aSpacedNormIsReadWithAWarning() throws {
        let text = """
            <nitf><head><docdata>
            <date.issue norm="2016-04-13 04:52:21+00:00"/>
            </docdata></head><body><body.head><hedline><hl1>H</hl1></hedline></body.head></body></nitf>
            """
        let result = try NITFImporter().read(ImportInput(data: Data(text.utf8), path: "aap.xml"), options: ConversionOptions())
        #expect(result.articles.first?.versionCreated == NewsDate(iso8601: "2016-04-13T04:52:21Z"))
        let warning = try #require(result.diagnostics.first { $0.code == "nitf.import.lenient-date" })
        #expect(warning.severity == .warning && warning.location == SourceLocation(path: "aap.xml", line: 2, column: 1))
    }
}

/// NITF's du-key (Ritzau's `NU-FLASH-K` version `04`) is the story's use key, kept whole; one
/// without a version is also the slugline.
struct NITFUseKeyTests {
    @Test func aVersionedDuKeyIsKeptWhole() throws {
        let text = """
            <nitf><head><docdata><du-key key="NU-FLASH-K" version="04" generation="2"/></docdata></head>
            <body><body.head><hedline><hl1>H</hl1></hedline></body.head></body></nitf>
            """
        let article = try NITFImporter().read(ImportInput(data: Data(text.utf8), path: "ritzau.xml"), options: ConversionOptions())
            .articles[0]
        #expect(article.useKeys == [UseKey(key: "NU-FLASH-K", version: "04", generation: "2")])
        #expect(article.slugline == nil)
        let out = String(decoding: try NITFExporter().write([article], options: ConversionOptions()).data, as: UTF8.self)
        #expect(out.contains("<du-key generation=\"2\" version=\"04\" key=\"NU-FLASH-K\"/>"))
    }

    @Test func aDuKeyWithoutVersionIsTheSlugline() throws {
        let text = "<nitf><head><docdata><du-key key=\"PA-HHH-POLITICS\"/></docdata></head><body/></nitf>"
        let article = try NITFImporter().read(ImportInput(data: Data(text.utf8), path: "pa.xml"), options: ConversionOptions()).articles[0]
        #expect(article.slugline == "PA-HHH-POLITICS" && article.useKeys.isEmpty)
        let out = String(decoding: try NITFExporter().write([article], options: ConversionOptions()).data, as: UTF8.self)
        #expect(out.components(separatedBy: "<du-key").count == 2, "one du-key for the slugline")
    }
}

/// A package's reference (`itemRef/@residref`, `tag:reuters.com,0000:newsml_...`) is no XML ID:
/// NITF's media id is mangled to be one, and the reference is kept whole in newsconv's `nc:ref`.
struct NITFMediaReferenceTests {
    @Test func aReferenceThatIsNoXMLIDIsKeptWhole() throws {
        let reference = "tag:reuters.com,0000:newsml_OVE933ZR4"
        let article = Article(headline: "H", media: [MediaItem(id: reference, kind: .video, title: "Clip")])
        let text = String(decoding: try NITFExporter().write([article], options: ConversionOptions()).data, as: UTF8.self)
        #expect(text.contains("nc:ref=\"\(reference)\""))
        let back = try NITFImporter().read(ImportInput(data: Data(text.utf8), path: "out.nitf"), options: ConversionOptions()).articles[0]
        #expect(back.media.map(\.id) == [reference])
    }

    @Test func anIDThatIsOneNeedsNoCopy() throws {
        let article = Article(headline: "H", media: [MediaItem(id: "photo1", kind: .picture)])
        let text = String(decoding: try NITFExporter().write([article], options: ConversionOptions()).data, as: UTF8.self)
        #expect(text.contains("id=\"photo1\"") && !text.contains("nc:ref"))
    }
}
