import Foundation
import NewsCore
import NewsXML
import TestSupport
import Testing

@testable import NewsMLG2

private let options = ConversionOptions(now: Date(timeIntervalSince1970: 1_700_000_000))

func importG2(_ data: Data, path: String? = "item.xml") throws -> ImportResult {
    try NewsMLG2Importer().read(ImportInput(data: data, path: path), options: options)
}

func importG2(_ text: String) throws -> ImportResult { try importG2(Data(text.utf8)) }

func exportG2(_ articles: [Article]) throws -> ExportResult {
    try NewsMLG2Exporter().write(articles, options: options)
}

private func conversionError(_ text: String) -> ConversionError? {
    do {
        _ = try importG2(text)
        return nil
    } catch {
        return error as? ConversionError
    }
}

let g2 = "http://iptc.org/std/nar/2006-10-01/"

@Suite struct NewsMLG2ImportTests {
    static let item = """
        <?xml version="1.0" encoding="UTF-8"?>
        <newsItem xmlns="\(g2)" guid="urn:test:1" version="3" standard="NewsML-G2" standardversion="2.30" xml:lang="en">
          <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>
          <rightsInfo><copyrightHolder literal="Acme"><name>Acme</name></copyrightHolder><copyrightNotice>(c) Acme</copyrightNotice></rightsInfo>
          <itemMeta>
            <itemClass qcode="ninat:text"/>
            <provider qcode="nprov:ACME"><name>Acme News</name></provider>
            <versionCreated>2024-03-04T10:00:00+01:00</versionCreated>
            <firstCreated>2024-03-04T09:00:00+01:00</firstCreated>
            <pubStatus qcode="stat:usable"/>
            <edNote>Not for broadcast</edNote>
            <signal qcode="sig:update"/>
            <generator versioninfo="1.0">acme-cms</generator>
          </itemMeta>
          <contentMeta>
            <urgency>3</urgency>
            <contentCreated>2024-03-04</contentCreated>
            <located><name>Lima</name><broader><name>Peru</name></broader></located>
            <infoSource literal="EFE"><name>EFE</name></infoSource>
            <creator role="crol:writer"><name>Carla Ruiz</name></creator>
            <language tag="en"/>
            <genre qcode="genre:Current"><name>Current</name></genre>
            <keyword>ports</keyword>
            <subject qcode="medtop:20000763"><name>port</name><broader qcode="medtop:20000759"/></subject>
            <subject qcode="acme:p1" type="cpnat:person"><name>Carla Ruiz</name></subject>
            <slugline>PERU-PORT</slugline>
            <headline>Peru expands port</headline>
            <headline role="hld:subHeadline">A second terminal</headline>
            <dateline>Lima, Mar 4 (EFE).-</dateline>
            <description role="drol:summary">The port will double.</description>
            <headline xml:lang="es">Perú amplía el puerto</headline>
          </contentMeta>
          <contentSet>
            <inlineXML contenttype="application/nitf+xml">
              <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
                <body.content>
                  <p>First   paragraph
                     with <em>emphasis</em> and <a href="http://x.example">a link</a>.</p>
                  <hl2>Section</hl2>
                  <ul><li>One</li><li>Two</li></ul>
                  <p><person value="p1">Carla Ruiz</person> said <q>yes</q>.</p>
                </body.content>
                <body.end><tagline><org class="signoff">EFE</org><br/>jrv-mcs</tagline></body.end>
              </body></nitf>
            </inlineXML>
          </contentSet>
        </newsItem>
        """

    /// Without notes (a batch that records none), the same article and the same warnings; the
    /// kept elements are still kept.
    @Test func notesAreLeftOutWhenNobodyRecordsThem() throws {
        let withNotes = try importG2(Self.item)
        var quiet = options
        quiet.reportsNotes = false
        let withoutNotes = try NewsMLG2Importer().read(ImportInput(data: Data(Self.item.utf8), path: "item.xml"), options: quiet)
        #expect(withNotes.diagnostics.contains { $0.severity == .note })
        #expect(withoutNotes.diagnostics == withNotes.diagnostics.filter { $0.severity != .note })
        #expect(withoutNotes.articles == withNotes.articles)
        #expect(withoutNotes.articles.first?.extensions["g2:itemMeta/generator"] != nil)
    }

    @Test func mapsTheItem() throws {
        let result = try importG2(Self.item)
        let article = try #require(result.articles.first)
        #expect(article.id == "urn:test:1" && article.version == 3 && article.language == "en")
        #expect(article.kind == .text && article.status == .usable && article.signals == ["sig:update"])
        #expect(article.versionCreated?.iso8601 == "2024-03-04T10:00:00+01:00")
        #expect(article.contentCreated?.iso8601 == "2024-03-04")
        #expect(article.provider == Concept(qcode: "nprov:ACME", uri: "http://cv.iptc.org/newscodes/newsprovider/ACME", name: "Acme News"))
        #expect(article.urgency == 3 && article.editorialNotes == ["Not for broadcast"])
        #expect(article.headline == "Peru expands port" && article.subheadlines == ["A second terminal"])
        #expect(article.slugline == "PERU-PORT" && article.keywords == ["ports"])
        #expect(article.subjects.first?.qcode == "medtop:20000763")
        #expect(article.subjects.first?.uri == "http://cv.iptc.org/newscodes/mediatopic/20000763")
        #expect(article.subjects.first?.broader.first?.qcode == "medtop:20000759")
        #expect(article.people.map(\.name) == ["Carla Ruiz"])
        #expect(article.genres.map(\.qcode) == ["genre:Current"])
        #expect(article.infoSources.map(\.literal) == ["EFE"])
        // The creator is a party with a role, never the printed byline (the item has no `by`).
        #expect(article.creators == [Concept(name: "Carla Ruiz", role: "crol:writer")])
        #expect(article.bylines.isEmpty)
        #expect(article.dateline == Dateline(text: "Lima, Mar 4 (EFE).-", place: "Lima", region: "Peru"))
        #expect(article.abstract == [.paragraph([.text("The port will double.")])])
        #expect(article.copyrightHolder == "Acme" && article.copyrightNotice == "(c) Acme")
        #expect(article.signOff == "EFE" && article.trailers == ["jrv-mcs"])
        #expect(
            article.body == [
                .paragraph([
                    .text("First paragraph with "), .emphasis([.text("emphasis")]), .text(" and "),
                    .link(href: "http://x.example", title: nil, content: [.text("a link")]), .text("."),
                ]),
                .heading(level: 2, content: [.text("Section")]),
                .list(ordered: false, items: [[.paragraph([.text("One")])], [.paragraph([.text("Two")])]]),
                .paragraph([
                    .mention(.init(kind: .person, id: "p1", content: [.text("Carla Ruiz")])), .text(" said "), .quote([.text("yes")]),
                    .text("."),
                ]),
            ])
        // The generator and the Spanish headline have no IR field: kept whole.
        #expect(article.extensions["g2:itemMeta/generator"] == .array([.string("<generator versioninfo=\"1.0\">acme-cms</generator>")]))
        if case .array(let headlines)? = article.extensions["g2:contentMeta/headline"] {
            #expect(headlines.count == 3)
        } else {
            Issue.record("the headlines were not kept whole")
        }
        #expect(article.origin?.format == "newsml-g2" && article.origin?.line == 2)
    }

    @Test func aNewsMessageGivesOneArticlePerItem() throws {
        var items = ""
        for index in 1...3 {
            items +=
                "<newsItem guid=\"g\(index)\" standard=\"NewsML-G2\" standardversion=\"2.35\"><itemMeta><itemClass qcode=\"ninat:text\"/><provider literal=\"x\"/><versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta><contentMeta><headline>H\(index)</headline></contentMeta></newsItem>"
        }
        let message =
            "<newsMessage xmlns=\"\(g2)\"><header><sent>2024-01-01T00:00:00Z</sent></header><itemSet>\(items)<conceptItem guid=\"c\"/></itemSet></newsMessage>"
        let result = try importG2(message)
        #expect(result.articles.map(\.headline) == ["H1", "H2", "H3"])
        #expect(result.diagnostics.contains { $0.code == "newsml-g2.import.skipped-item" })
    }

    @Test func anItemWithoutTheNamespaceIsReadWithAWarning() throws {
        let result = try importG2(
            "<newsItem guid=\"x\"><itemMeta><itemClass qcode=\"ninat:text\"/><provider literal=\"x\"/><versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta></newsItem>"
        )
        #expect(result.articles.count == 1)
        #expect(result.diagnostics.contains { $0.code == "newsml-g2.namespace.missing" })
    }

    @Test func clearErrors() {
        #expect(conversionError("<conceptItem xmlns=\"\(g2)\" guid=\"c\"/>")?.diagnostic.code == "newsml-g2.item.not-news")
        #expect(conversionError("<groupSet xmlns=\"\(g2)\"/>")?.diagnostic.code == "newsml-g2.root.unexpected")
        #expect(conversionError("<newsItem xmlns=\"\(g2)\" guid=\"n\"> ..... </newsItem>")?.diagnostic.code == "newsml-g2.item.incomplete")
        #expect(
            conversionError("<newsMessage xmlns=\"\(g2)\"><itemSet><newsItem guid=\"n\"> ..... </newsItem></itemSet></newsMessage>")?
                .diagnostic.code == "newsml-g2.message.empty")
        #expect(conversionError("<newsItem xmlns=\"urn:other\"><itemMeta/></newsItem>")?.diagnostic.code == "newsml-g2.namespace.unknown")
        let malformed = conversionError("<newsItem xmlns=\"\(g2)\">\n<itemMeta>\n</newsItem>")
        #expect(malformed?.diagnostic.location.line == 3)
        #expect(malformed?.diagnostic.location.path == "item.xml")
    }

    @Test func sloppyFeedsAreReadWithWarnings() throws {
        let text =
            "<newsItem xmlns=\"\(g2)\" guid=\"x\"><itemMeta><itemClass qcode=\"ninat:text\"/><provider literal=\"x\"/><versionCreated>2016-01-12 12:35:40</versionCreated><ednote>n</ednote></itemMeta><contentMeta><urgency></urgency></contentMeta></newsItem>"
        let result = try importG2(text)
        #expect(result.articles.first?.versionCreated?.iso8601 == "2016-01-12T12:35:40")
        let codes = Set(result.diagnostics.map(\.code))
        #expect(
            codes.isSuperset(of: ["newsml-g2.import.lenient-date", "newsml-g2.import.unknown-element", "newsml-g2.import.invalid-urgency"]))
    }

    @Test func detection() {
        let importer = NewsMLG2Importer()
        #expect(importer.detect(InputSample(bytes: Data("<newsItem xmlns=\"\(g2)\"".utf8))) > 0.9)
        #expect(importer.detect(InputSample(bytes: Data("<newsMessage>".utf8))) >= 0.5)
        #expect(importer.detect(InputSample(bytes: Data("<nitf>".utf8))) < 0.5)
    }
}

@Suite struct NewsMLG2ExportTests {
    @Test func oneArticleIsANewsItemSeveralANewsMessage() throws {
        let one = try exportG2([Article(headline: "A")])
        #expect(String(decoding: one.data, as: UTF8.self).contains("<newsItem xmlns=\"\(g2)\""))
        let two = try exportG2([Article(headline: "A"), Article(headline: "B")])
        let text = String(decoding: two.data, as: UTF8.self)
        #expect(text.contains("<newsMessage xmlns=\"\(g2)\">"))
        #expect(text.contains("<sent>2023-11-14T22:13:20Z</sent>"))
        #expect(try importG2(two.data).articles.map(\.headline) == ["A", "B"])
    }

    @Test func theGuidIsStableAndFollowsTheContent() throws {
        let article = Article(headline: "Same", body: [.paragraph([.text("x")])], origin: Origin(format: "wire", path: "a.txt"))
        var moved = article
        moved.origin?.path = "elsewhere/b.txt"
        var changed = article
        changed.headline = "Other"
        #expect(article.contentURN == moved.contentURN)
        #expect(article.contentURN != changed.contentURN)
        #expect(article.contentURN.hasPrefix("urn:newsconv:"))
    }

    @Test func versionCreatedComesFromTheArticleElseNow() throws {
        let dated = try exportG2([Article(versionCreated: NewsDate(iso8601: "2024-05-06T07:08:09Z"))])
        #expect(String(decoding: dated.data, as: UTF8.self).contains("<versionCreated>2024-05-06T07:08:09Z</versionCreated>"))
        let undated = try exportG2([Article()])
        #expect(String(decoding: undated.data, as: UTF8.self).contains("<versionCreated>2023-11-14T22:13:20Z</versionCreated>"))
    }

    @Test func lossyMappingsAreWarnings() throws {
        let origin = Origin(format: "wire", path: "dispatch.txt", line: 7, column: 1)
        let result = try exportG2([
            Article(
                takeKey: "UPDATE 1", dateline: Dateline(text: "X, Dec 15 (A) -", date: NewsDate(month: 12, day: 15)),
                body: [.raw(format: "html", text: "<b>x</b>")], origin: origin)
        ])
        let codes = Set(result.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["newsml-g2.export.dropped-raw"]))
        // Placed where the article starts in its source.
        #expect(result.diagnostics.allSatisfy { $0.location == origin.location })
    }

    /// G2 has no element for a take key or for another format's plain facts: they are extension
    /// properties of newsconv's relations, read back as they were.
    @Test func aTakeKeyAndPlainFactsOfOtherFormatsReadBack() throws {
        var article = Article(headline: "H", takeKey: "UPDATE 1")
        article.extensions["iptc7901:header"] = .string("eca062 4 i 211 ccccb   dpa 061")
        article.extensions["ninjs1:version"] = .string("1.2")
        let result = try exportG2([article])
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(text.contains(#"<contentMetaExtProperty reluri="urn:newsconv:take-key" value="UPDATE 1"/>"#))
        #expect(text.contains(#"<contentMetaExtProperty reluri="urn:newsconv:extension:ninjs1:version" value="1.2"/>"#))
        #expect(!result.diagnostics.contains { $0.code.hasSuffix("take-key") || $0.code.hasSuffix("foreign-extensions") })
        let back = try NewsMLG2Importer().read(ImportInput(data: result.data, path: "x.xml"), options: ConversionOptions())
        #expect(back.articles.first?.takeKey == "UPDATE 1")
        #expect(back.articles.first?.extensions == article.extensions)
    }

    /// Of the concepts, only infoSource has a role in G2: a provider's, subject's or genre's role
    /// is dropped with a warning; a role or type that is a URI goes in `roleuri`/`typeuri`, and reads back.
    @Test func rolesAndTypesFollowTheSchema() throws {
        let article = Article(
            subjects: [
                Concept(literal: "Turkey government", type: "cpnat:organisation", role: "http://cv.ap.org/id/5f36"),
                Concept(qcode: "medtop:01000000", type: "http://cv.example.com/type/topic"),
            ],
            genres: [Concept(qcode: "genre:Current", role: "x:main")],
            provider: Concept(qcode: "nprov:AP", role: "nrol:provider"),
            infoSources: [Concept(literal: "AP", role: "http://cv.example.com/role/photographer")])
        let result = try exportG2([article])
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(text.contains(#"<provider qcode="nprov:AP"/>"#))
        #expect(text.contains(#"<infoSource literal="AP" roleuri="http://cv.example.com/role/photographer"/>"#))
        #expect(text.contains(#"<genre qcode="genre:Current"/>"#))
        #expect(text.contains(#"<subject literal="Turkey government" type="cpnat:organisation"/>"#))
        #expect(text.contains(#"<subject qcode="medtop:01000000" typeuri="http://cv.example.com/type/topic"/>"#))
        #expect(!text.contains("cv.ap.org"))
        #expect(result.diagnostics.filter { $0.code == "newsml-g2.export.dropped-role" }.count == 3)
        if let shared = Fixtures.shared {
            let validator = try SchemaCache.shared.validator(
                at: shared.appendingPathComponent("standards/newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd").path)
            let errors = try validator.validate(result.data, path: "roles.xml")
            #expect(errors.isEmpty, "\(errors.prefix(3).map(\.description))")
        }
        let back = try #require(try importG2(result.data).articles.first)
        #expect(back.infoSources.first?.role == "http://cv.example.com/role/photographer")
        #expect(back.provider?.role == nil && back.provider?.qcode == "nprov:AP")
        #expect(back.subjects.last?.type == "http://cv.example.com/type/topic")
    }

    /// firstCreated is a dateTime in G2 (a date alone gets midnight), and a language that is not
    /// a language tag is dropped with a warning, not written into `xml:lang` and `language/@tag`.
    @Test func firstCreatedAndLanguageFollowTheirTypes() throws {
        let result = try exportG2([Article(language: "Islamabad EFE", firstCreated: NewsDate(year: 1993, month: 9, day: 7), headline: "h")])
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(text.contains("<firstCreated>1993-09-07T00:00:00</firstCreated>"), "\(text)")
        #expect(!text.contains("Islamabad EFE") && result.diagnostics.contains { $0.code == "newsml-g2.export.invalid-language" })
        #expect(G2Vocabulary.isLanguageTag("en") && G2Vocabulary.isLanguageTag("pt-BR") && G2Vocabulary.isLanguageTag("zh-Hant-TW"))
        #expect(
            !G2Vocabulary.isLanguageTag("") && !G2Vocabulary.isLanguageTag("en_GB") && !G2Vocabulary.isLanguageTag("1en")
                && !G2Vocabulary.isLanguageTag("toolongtag"))
    }

    /// Names, keywords, the slugline, the creditline and `literal` are G2's g2normalizedString:
    /// tabs and line ends (a wire dispatch's, say) become spaces, and the item stays valid.
    @Test func oneLineTextsHaveSpacesOnly() throws {
        let article = Article(
            slugline: "Bogotá, 22 nov\t(EFE)", bylines: [Byline(name: "Ana\tGómez")],
            dateline: Dateline(text: "BUENOS\tAIRES", place: "BUENOS\tAIRES"),
            subjects: [Concept(literal: "a\tb", name: "Name\twith tab")], keywords: ["páramos,\tecosistemas", "line\r\nend"],
            creditline: "EFE\n")
        let result = try exportG2([article])
        let text = String(decoding: result.data, as: UTF8.self)
        for expected in [
            "<slugline>Bogotá, 22 nov (EFE)</slugline>", "<keyword>páramos, ecosistemas</keyword>", "<keyword>line  end</keyword>",
            "<name>BUENOS AIRES</name>", "<by>By Ana Gómez</by>", "<name>Name with tab</name>", "literal=\"a b\"",
            "<name>Name with tab</name>", "<creditline>EFE </creditline>",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
        if let shared = Fixtures.shared {
            let validator = try SchemaCache.shared.validator(
                at: shared.appendingPathComponent("standards/newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd").path)
            let errors = try validator.validate(result.data, path: "tabs.xml")
            #expect(errors.isEmpty, "\(errors.prefix(3).map(\.description))")
        }
    }

    @Test func forbiddenCharactersAreReplacedAndReported() throws {
        let result = try exportG2([Article(headline: "bell\u{07}")])
        #expect(result.diagnostics.contains { $0.code == "newsml-g2.export.invalid-characters" })
        #expect(try XMLDocument.parse(result.data, path: nil).root != nil)
    }
}
