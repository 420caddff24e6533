import Foundation
import NewsCore
import TestSupport
import Testing

@testable import NewsML1

func readNewsML1(_ xml: String, path: String = "n.xml") throws -> ImportResult {
    try NewsML1Importer().read(ImportInput(data: Data(xml.utf8), path: path), options: ConversionOptions())
}

/// The NewsML 1.2 importer's mapping, on small documents of our own.
@Suite struct NewsML1Tests {
    static func item(_ inner: String, lang: String = "") -> String {
        "<NewsML Version=\"1.2\"><NewsEnvelope><DateAndTime>20260101T000000Z</DateAndTime></NewsEnvelope><NewsItem\(lang)>\(inner)</NewsItem></NewsML>"
    }

    @Test func detectionIsByTheRootElementAlone() {
        let importer = NewsML1Importer()
        #expect(importer.detect(InputSample(bytes: Data(Self.item("").utf8))) == 0.95)
        #expect(importer.detect(InputSample(bytes: Data("<!DOCTYPE NewsML SYSTEM \"x.dtd\">\n<NewsML/>".utf8))) == 0.8)
        #expect(importer.detect(InputSample(bytes: Data("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>".utf8))) == 0)
        #expect(importer.detect(InputSample(bytes: Data("<nitf><body/></nitf>".utf8))) == 0)
    }

    @Test func identificationAndManagementAreTheItemsMetadata() throws {
        let xml = Self.item(
            """
            <Identification><NewsIdentifier><ProviderId>example.com</ProviderId><DateId>20260101</DateId><NewsItemId>A1</NewsItemId>
            <RevisionId PreviousRevision="2" Update="A">3</RevisionId><PublicIdentifier>urn:newsml:example.com:20260101:A1:3</PublicIdentifier>
            </NewsIdentifier><NameLabel>label</NameLabel></Identification>
            <NewsManagement><NewsItemType FormalName="News"/><FirstCreated>20260101T080000+0100</FirstCreated>
            <ThisRevisionCreated>20260101T090000Z</ThisRevisionCreated><Status FormalName="Canceled"/><Urgency FormalName="2"/>
            <AssociatedWith NewsItem="urn:newsml:example.com:20251231:A0:1"/></NewsManagement>
            """)
        let article = try readNewsML1(xml).articles[0]
        #expect(article.id == "urn:newsml:example.com:20260101:A1:3" && article.version == 3)
        #expect(article.firstCreated == NewsDate(iso8601: "2026-01-01T08:00:00+01:00"))
        #expect(article.versionCreated == NewsDate(iso8601: "2026-01-01T09:00:00Z"))
        #expect(article.status == .canceled && article.urgency == 2)
        #expect(article.provider == Concept(literal: "example.com", name: "example.com"))
        #expect(article.extensions.strings("newsml1:NameLabel") == ["label"])
        #expect(article.extensions.strings("newsml1:RevisionId/@Update") == ["A"])
        #expect(article.extensions.strings("newsml1:RevisionId/@PreviousRevision") == ["2"])
        #expect(article.extensions.strings("newsml1:AssociatedWith") == ["urn:newsml:example.com:20251231:A0:1"])
        #expect(article.extensions.strings("newsml1:NewsEnvelope/DateAndTime") == ["20260101T000000Z"])
    }

    @Test func aWithheldItemThatBecomesUsableIsEmbargoed() throws {
        let xml = Self.item(
            """
            <NewsManagement><Status FormalName="Withheld"/><StatusWillChange><FutureStatus FormalName="Usable"/>
            <DateAndTime>20260102T120000Z</DateAndTime></StatusWillChange></NewsManagement>
            """)
        let article = try readNewsML1(xml).articles[0]
        #expect(article.status == .withheld && article.embargoed == NewsDate(iso8601: "2026-01-02T12:00:00Z"))
    }

    @Test func newsLinesAreTheArticlesLines() throws {
        let xml = Self.item(
            """
            <NewsComponent><NewsLines><HeadLine xml:lang="fr">Titre</HeadLine><HeadLine xml:lang="en">Title</HeadLine>
            <SubHeadLine>Sub</SubHeadLine><ByLine>By Ann Lee</ByLine><DateLine>PARIS, Jan 1 (AFP) -</DateLine>
            <CreditLine>AFP</CreditLine><CopyrightLine>© 2026 AFP</CopyrightLine><SlugLine>slug</SlugLine><KeywordLine>kw</KeywordLine>
            <NewsLine><NewsLineType FormalName="AdvisoryLine"/><NewsLineText>RECASTS</NewsLineText></NewsLine>
            <NewsLine><NewsLineType FormalName="ProductLine"/><NewsLineText>(Picture)</NewsLineText></NewsLine></NewsLines>
            <DescriptiveMetadata><DateLineDate>20260101T070000Z</DateLineDate><Location HowPresent="Origin">
            <Property FormalName="Country" Value="FRA"/><Property FormalName="City" Value="Paris"/></Location></DescriptiveMetadata>
            </NewsComponent>
            """)
        let article = try readNewsML1(xml).articles[0]
        // The headline's language is the headline's: the item states none, so the article has
        // none, and the headline's is kept beside it.
        #expect(article.headline == "Titre" && article.language == nil)
        #expect(article.extensions["newsml1:headlineLanguage"] == .string("fr"))
        #expect(article.alternatives == [TaggedText(text: "Title", language: "en", field: "headline")])
        #expect(article.subheadlines == ["Sub"] && article.slugline == "slug" && article.keywords == ["kw"])
        #expect(article.bylines == [Byline(name: "Ann Lee")] && article.bylines[0].printed == "By Ann Lee")
        #expect(article.dateline?.text == "PARIS, Jan 1 (AFP) -" && article.dateline?.place == "Paris")
        #expect(article.dateline?.date == NewsDate(iso8601: "2026-01-01T07:00:00Z"))
        #expect(article.places == [Concept(name: "FRA")])
        #expect(article.creditline == "AFP" && article.copyrightNotice == "© 2026 AFP")
        #expect(article.editorialNotes == ["RECASTS"])
        #expect(article.extensions.strings("newsml1:NewsLine/ProductLine") == ["(Picture)"])
    }

    @Test func subjectCodesTakeTheirNamesFromTheTopicSet() throws {
        let xml = Self.item(
            """
            <NewsComponent><TopicSet FormalName="S"><Topic><TopicType FormalName="Subject"/>
            <FormalName Scheme="IptcSubjectCodes">04000000</FormalName><Description xml:lang="el" Variant="Name">Οικονομία</Description>
            <Description xml:lang="en" Variant="Name">Economy</Description></Topic></TopicSet>
            <DescriptiveMetadata><Language FormalName="EN"/><Genre FormalName="Current"/>
            <SubjectCode><Subject FormalName="04000000" cat="ECO"/><SubjectDetail FormalName="04000000"/></SubjectCode>
            <SubjectCode><SubjectMatter FormalName="X1" Scheme="Own"/></SubjectCode>
            <Property FormalName="Keyword" Value="k"/><Property FormalName="Keyword" Value="Ann Lee" Role="PersonInImage"/>
            <OfInterestTo FormalName="Desk"/></DescriptiveMetadata></NewsComponent>
            """)
        let article = try readNewsML1(xml).articles[0]
        #expect(article.language == "en")
        #expect(article.subjects == [Concept(qcode: "subj:04000000", name: "Economy"), Concept(literal: "Own:X1")])
        #expect(article.genres == [Concept(literal: "Current", name: "Current")])
        #expect(article.keywords == ["k"] && article.people == [Concept(name: "Ann Lee", role: "PersonInImage")])
        #expect(article.extensions.strings("newsml1:OfInterestTo") == ["Desk"])
    }

    @Test func partiesAndRightsAreMapped() throws {
        let xml = Self.item(
            """
            <NewsComponent><RightsMetadata><Copyright><CopyrightHolder>Agency Ltd</CopyrightHolder><CopyrightDate>2026</CopyrightDate>
            </Copyright><UsageRights><UsageType>No archival use</UsageType><Geography>Europe</Geography></UsageRights></RightsMetadata>
            <AdministrativeMetadata><Provider><Party FormalName="AFP"/></Provider><Creator><Party FormalName="Ann Lee"/></Creator>
            <Source><Party FormalName="Ministry"/></Source><Contributor><Party FormalName="KB"/></Contributor></AdministrativeMetadata>
            </NewsComponent>
            """)
        let article = try readNewsML1(xml).articles[0]
        #expect(article.copyrightHolder == "Agency Ltd" && article.usageTerms == "No archival use; Europe")
        #expect(article.provider == Concept(literal: "AFP", name: "AFP"))
        #expect(article.creators == [Concept(literal: "Ann Lee", name: "Ann Lee")])
        #expect(article.infoSources == [Concept(literal: "Ministry", name: "Ministry")])
        #expect(article.contributors == [Concept(literal: "KB", name: "KB")])
    }

    /// The body forms of the agencies: NITF inside, NITF paragraphs directly, XHTML, HTML as
    /// text, plain text.
    @Test(arguments: [
        ("<DataContent><nitf><body><body.content><p>One.</p><p>Two.</p></body.content></body></nitf></DataContent>", "NITF3.1"),
        ("<DataContent><p>One.</p><p>Two.</p></DataContent>", "bcNITF2.5"),
        ("<DataContent><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>One.</p><p>Two.</p></body></html></DataContent>", "XHTML"),
        ("<DataContent><![CDATA[<P>One.</P>\n<P> </P><P>Two.</P>]]></DataContent>", "HTML"),
        ("<DataContent>One.\n\nTwo.</DataContent>", "Text"),
    ])
    func everyBodyFormReadsToTheSameParagraphs(_ content: String, _ format: String) throws {
        let xml = Self.item(
            "<NewsComponent><NewsComponent><ContentItem><MediaType FormalName=\"Text\"/><Format FormalName=\"\(format)\"/>\(content)</ContentItem></NewsComponent></NewsComponent>"
        )
        let article = try readNewsML1(xml).articles[0]
        #expect(article.body == [.paragraph([.text("One.")]), .paragraph([.text("Two.")])])
    }

    @Test func aComponentsPictureRenditionsAreOneMediaItem() throws {
        let xml = Self.item(
            """
            <NewsComponent><NewsComponent><Role FormalName="Photo"/><NewsLines><HeadLine>A pier.</HeadLine><CreditLine>Agency</CreditLine>
            </NewsLines><ContentItem Duid="p1" Href="http://x/t.jpg"><MimeType FormalName="image/jpeg"/><Characteristics>
            <SizeInBytes>10</SizeInBytes><Property FormalName="ImageUse" Value="Thumbnail"/><Property FormalName="PixelWidth" Value="4"/>
            <Property FormalName="PixelHeight" Value="3"/></Characteristics></ContentItem>
            <ContentItem Href="http://x/h.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/></ContentItem>
            </NewsComponent></NewsComponent>
            """)
        let article = try readNewsML1(xml).articles[0]
        #expect(
            article.media == [
                MediaItem(
                    kind: .picture, href: "http://x/t.jpg", mediaType: "image/jpeg", caption: "A pier.", credit: "Agency",
                    renditions: [
                        .init(name: "Thumbnail", href: "http://x/t.jpg", mediaType: "image/jpeg", width: 4, height: 3, sizeInBytes: 10),
                        .init(name: "photo", href: "http://x/h.jpg", mediaType: "image/jpeg"),
                    ])
            ])
    }

    /// Business Wire's release: headline, highlights, contact and style sheet components
    /// around the body.
    @Test func aReleasesComponentsByRole() throws {
        func component(_ role: String, _ body: String, mime: String = "text/xhtml") -> String {
            "<NewsComponent><Role FormalName=\"\(role)\"/><ContentItem><MimeType FormalName=\"\(mime)\"/><DataContent>\(body)</DataContent></ContentItem></NewsComponent>"
        }
        let html = { (inner: String) in "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\(inner)</body></html>" }
        let xml = Self.item(
            "<NewsComponent>"
                + component("StyleSheet", ".c {}", mime: "text/css") + component("HeadLine", html("<p><b>The release</b></p>"))
                + component("SubHeadLine", html("<ul><li>First point</li><li>Second point</li></ul>"))
                + component("Contact", html("<p>Ann Lee<br/>555-0100</p>")) + component("Body", html("<p>Text.</p>"))
                + "</NewsComponent>")
        let result = try readNewsML1(xml)
        let article = result.articles[0]
        #expect(article.headline == "The release" && article.subheadlines == ["First point", "Second point"])
        #expect(article.trailers == ["Ann Lee", "555-0100"] && article.body == [.paragraph([.text("Text.")])])
        #expect(result.diagnostics.map(\.code) == ["newsml1.import.stylesheet"])
    }

    @Test func everyNewsItemIsAnArticle() throws {
        let xml =
            "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>One</HeadLine></NewsLines></NewsComponent></NewsItem>"
            + "<NewsItem><NewsComponent><NewsLines><HeadLine>Two</HeadLine></NewsLines></NewsComponent></NewsItem></NewsML>"
        #expect(try readNewsML1(xml).articles.map(\.headline) == ["One", "Two"])
    }

    /// NewsML 1.x documents carry a DOCTYPE: it is never loaded, and no entity is substituted.
    @Test func theDoctypeIsNeverLoadedNorAnEntityExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE NewsML SYSTEM "http://www.iptc.org/std/NewsML/1.2/NewsML_1.2.dtd" [<!ENTITY e "EXPANDED">]>
            <NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>A &e; B</HeadLine></NewsLines></NewsComponent></NewsItem></NewsML>
            """
        let article = try readNewsML1(xml).articles[0]
        #expect(article.headline?.contains("EXPANDED") == false)
    }
}

/// The importer's diagnostics, each pinned to the place it names by a marker.
@Suite struct NewsML1DiagnosticTests {
    @Test func aDocumentWithoutNewsItemsIsAnErrorAtTheRoot() throws {
        let source = MarkedSource("<?xml version=\"1.0\"?>\n1️⃣<NewsML Version=\"1.2\"><NewsEnvelope/></NewsML>\n")
        let error = try #require(throws: ConversionError.self) {
            try NewsML1Importer().read(ImportInput(data: source.data, path: "n.xml"), options: ConversionOptions())
        }
        #expect(error.diagnostic.code == "newsml1.item.missing" && error.diagnostic.severity == .error)
        #expect(error.diagnostic.location == source.location("1️⃣", path: "n.xml"))
    }

    @Test func anotherRootIsAnError() throws {
        let source = MarkedSource("1️⃣<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>\n")
        let error = try #require(throws: ConversionError.self) {
            try NewsML1Importer().read(ImportInput(data: source.data, path: "n.xml"), options: ConversionOptions())
        }
        #expect(error.diagnostic.code == "newsml1.root.unexpected")
        #expect(error.diagnostic.location == source.location("1️⃣", path: "n.xml"))
    }

    @Test func whatHasNoPlaceIsWarnedAtItsLine() throws {
        let source = MarkedSource(
            """
            <NewsML Version="1.2"><NewsItem>
            <NewsManagement>
            1️⃣<FirstCreated>yesterday</FirstCreated>
            </NewsManagement>
            2️⃣<Update/>
            <NewsComponent>
            3️⃣<Mystery/>
            <ContentItem><DataContent><p>One.</p></DataContent></ContentItem>
            4️⃣<ContentItem><DataContent><p>Two.</p></DataContent></ContentItem>
            </NewsComponent></NewsItem></NewsML>

            """)
        let result = try NewsML1Importer().read(ImportInput(data: source.data, path: "n.xml"), options: ConversionOptions())
        expectDiagnostics(
            result.diagnostics,
            [
                ExpectedDiagnostic("1️⃣", "newsml1.import.invalid-date", .warning),
                ExpectedDiagnostic("2️⃣", "newsml1.import.unmapped-element", .warning),
                ExpectedDiagnostic("3️⃣", "newsml1.import.unmapped-element", .warning),
                ExpectedDiagnostic("4️⃣", "newsml1.import.second-body", .warning),
            ], in: source, path: "n.xml")
        #expect(result.articles[0].extensions.strings("newsml1:FirstCreated") == ["yesterday"])
    }
}

/// Every NewsML 1.2 document of the shared corpus, with what a reader of each file finds in it:
/// the headline, the first-created date, the number of subject codes, of body paragraphs
/// (non-empty `p`s of the story's text), the copyright line and usage terms.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct NewsML1CorpusTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var headline: String
        var firstCreated: String
        var subjects: Int
        var paragraphs: Int
        var copyright: String?
        var usage: String?
        var testDescription: String { file }
    }

    static let expected: [Expected] = [
        Expected(
            file: "iptc/newsml-1.2/afp.com_newsml1.2_sample.xml",
            headline: "Israel strikes key Hamas targets as UN Security Council to meet",
            firstCreated: "2021-05-16T08:06:25Z", subjects: 6, paragraphs: 39),
        Expected(
            file: "iptc/newsml-1.2/businesswire-newsml-20130515006361.xml",
            headline: "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations",
            firstCreated: "2013-05-16T04:01:00Z", subjects: 0, paragraphs: 24, copyright: "Copyright Business Wire 2013"),
        Expected(
            file: "iptc/newsml-1.2/businesswire-newsml-20130605006126.xml", headline: "Cambrios被Gartner評選為「最酷供應商」",
            firstCreated: "2013-06-05T21:00:00Z", subjects: 0, paragraphs: 13, copyright: "Copyright Business Wire 2013"),
        Expected(
            file: "iptc/newsml-1.2/businesswire-newsml-20130612006110.xml", headline: "APP发布“2020 可持续发展路线图”第三次工作进展报告，并将继续落实森林保护政策",
            firstCreated: "2013-06-12T15:29:00Z", subjects: 0, paragraphs: 19, copyright: "Copyright Business Wire 2013"),
        Expected(
            file: "iptc/newsml-1.2/businesswire-newsml-20130731006140.xml",
            headline: "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In", firstCreated: "2013-07-31T15:32:00Z",
            subjects: 0, paragraphs: 11, copyright: "Copyright Business Wire 2013"),
        Expected(
            file: "superdesk/newsml-1.2/afp.xml", headline: "Sweden court accepts receivership for Saab carmaker",
            firstCreated: "2014-08-29T13:49:51Z", subjects: 5, paragraphs: 10, usage: "NO ARCHIVAL USE"),
        Expected(
            file: "superdesk/newsml-1.2/afp20.xml", headline: "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée",
            firstCreated: "2024-07-10T12:59:02Z", subjects: 0, paragraphs: 2, copyright: "© 2024 AFP"),
        Expected(
            file: "superdesk/newsml-1.2/ana1.xml", headline: "Wage employment balance positive in Jan-March",
            firstCreated: "2018-04-04T17:58:59+03:00", subjects: 3, paragraphs: 4,
            copyright: "© 2018 ΑΘΗΝΑΪΚΟ ΠΡΑΚΤΟΡΕΙΟ ΕΙΔΗΣΕΩΝ - ΜΑΚΕΔΟΝΙΚΟ ΠΡΑΚΤΟΡΕΙΟ ΕΙΔΗΣΕΩΝ"),
    ]

    /// The table covers every NewsML 1.x file of the corpus.
    @Test func everyCorpusFileIsInTheTable() throws {
        let corpus = try #require(Fixtures.shared).appendingPathComponent("corpus")
        let files = Fixtures.files(in: corpus, extensions: ["xml"]).filter {
            (try? Data(contentsOf: $0)).map { NewsML1Importer().detect(InputSample(bytes: $0)) > 0 } ?? false
        }
        let named = Set(files.map { String($0.path.dropFirst(corpus.path.count + 1)) })
        #expect(named == Set(Self.expected.map(\.file)))
    }

    @Test(arguments: expected)
    func theFileReadsAsItsReaderFindsIt(_ expected: Expected) throws {
        let url = try #require(Fixtures.shared).appendingPathComponent("corpus/\(expected.file)")
        let result = try NewsML1Importer().read(ImportInput(data: try Data(contentsOf: url), path: url.path), options: ConversionOptions())
        let article = try #require(result.articles.first)
        #expect(result.articles.count == 1)
        #expect(article.headline == expected.headline)
        #expect(article.firstCreated == NewsDate(iso8601: expected.firstCreated))
        #expect(article.subjects.count == expected.subjects)
        #expect(article.body.filter { if case .paragraph = $0 { true } else { false } }.count == expected.paragraphs)
        #expect(article.copyrightNotice == expected.copyright && article.usageTerms == expected.usage)
        #expect(!result.diagnostics.contains { $0.severity == .error })
    }
}
