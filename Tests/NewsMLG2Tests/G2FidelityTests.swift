import Foundation
import NewsCore
import NewsXML
import TestSupport
import Testing

@testable import NewsMLG2

/// The fidelity points of issue 14 that the NewsML-G2 mapping owns, each on a small item shaped
/// like the corpus file where it was seen.
struct G2FidelityTests {
    static func item(lang: String? = "en", meta: String = "", content: String, rights: String = "") -> String {
        """
        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1" version="1" standard="NewsML-G2" standardversion="2.35"\(lang.map { " xml:lang=\"\($0)\"" } ?? "")>
          \(rights)
          <itemMeta><itemClass qcode="ninat:picture"/><provider literal="Test"/>\(meta)</itemMeta>
          <contentMeta>\(content)</contentMeta>
        </newsItem>
        """
    }

    /// picture.xml: the photographer is a creator known by a code; the byline is `by`.
    @Test func theBylineIsByAndACreatorIsNeverPrinted() throws {
        let result = try importG2(
            Self.item(
                content: """
                    <creator qcode="photCode:X01390" role="cRole:phot"/>
                    <contributor role="cRole:capWriter" literal="MDJ/"/>
                    <by>MARKO DJURICA</by>
                    """))
        let article = try #require(result.articles.first)
        #expect(article.bylines.map(\.printed) == ["MARKO DJURICA"])
        #expect(article.creators == [Concept(qcode: "photCode:X01390", role: "cRole:phot")])
        #expect(article.contributors == [Concept(literal: "MDJ/", role: "cRole:capWriter")])
        let text = String(decoding: try exportG2([article]).data, as: UTF8.self)
        #expect(text.contains("<by>MARKO DJURICA</by>"))
        #expect(text.contains("<creator qcode=\"photCode:X01390\" role=\"cRole:phot\"/>"))
        #expect(!text.contains("<name>photCode:X01390</name>"))
    }

    /// Reuters' `descRole:caption`, AFP's script role: a caption of a picture is its media's
    /// caption, another role is kept with its role, and neither becomes the abstract.
    @Test func descriptionsFollowTheirRoleWhateverTheScheme() throws {
        let result = try importG2(
            Self.item(
                content: """
                    <description role="descRole:caption">A woman casts her ballot.</description>
                    <description role="afpdescRole:script">Shot 1: polling station.</description>
                    <description role="drol:summary">Kenya votes.</description>
                    """))
        let article = try #require(result.articles.first)
        #expect(article.abstract == [.paragraph([.text("Kenya votes.")])])
        #expect(article.media.first?.caption == "A woman casts her ballot.")
        #expect(article.descriptions == [TaggedText(text: "Shot 1: polling station.", role: "afpdescRole:script")])
        let text = String(decoding: try exportG2([article]).data, as: UTF8.self)
        #expect(text.contains("<description role=\"afpdescRole:script\">Shot 1: polling station.</description>"))
    }

    /// LISTING 26: an item without a language whose headline names its own.
    @Test func aHeadlineInItsOwnLanguageIsTheHeadlineOfAnItemThatNamesNone() throws {
        let result = try importG2(Self.item(lang: nil, content: "<headline xml:lang=\"en-GB\">Storm hits coast</headline>"))
        #expect(result.articles.first?.headline == "Storm hits coast")
    }

    /// dpa.xml, video.xml: every language's notice and usage terms, and a role, are kept.
    @Test func rightsInEveryLanguageAreKept() throws {
        let result = try importG2(
            Self.item(
                lang: "de", content: "",
                rights: """
                    <rightsInfo>
                      <copyrightNotice xml:lang="de">Alle Rechte vorbehalten</copyrightNotice>
                      <copyrightNotice xml:lang="en">All rights reserved</copyrightNotice>
                      <usageTerms xml:lang="en">NONE</usageTerms>
                      <usageTerms role="usageRole:content" xml:lang="en">Online</usageTerms>
                    </rightsInfo>
                    """))
        let article = try #require(result.articles.first)
        #expect(article.copyrightNotice == "Alle Rechte vorbehalten")
        #expect(article.usageTerms == "NONE")
        #expect(
            article.alternatives == [
                TaggedText(text: "All rights reserved", language: "en", field: "copyrightNotice"),
                TaggedText(text: "Online", language: "en", role: "usageRole:content", field: "usageTerms"),
            ])
        // Without the kept element, the IR alone writes them all back.
        var bare = article
        bare.extensions = Extensions()
        let text = String(decoding: try exportG2([bare]).data, as: UTF8.self)
        #expect(text.contains("<copyrightNotice xml:lang=\"en\">All rights reserved</copyrightNotice>"))
        #expect(text.contains("<usageTerms role=\"usageRole:content\" xml:lang=\"en\">Online</usageTerms>"))
    }

    /// A newsMessage header's priority is every item's, and goes back into a newsMessage header.
    @Test func theMessagePriorityIsKept() throws {
        let message = """
            <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2013-03-04T11:14:13Z</sent><priority>4</priority></header>
            <itemSet>\(Self.item(content: "<headline>One</headline>"))\(Self.item(content: "<headline>Two</headline>"))</itemSet></newsMessage>
            """
        let result = try importG2(message)
        #expect(result.articles.map(\.priority) == [4, 4])
        let text = String(decoding: try exportG2(result.articles).data, as: UTF8.self)
        #expect(text.contains("<priority>4</priority>"))
        let single = try exportG2([result.articles[0]])
        let dropped = try #require(single.diagnostics.first { $0.code == "newsml-g2.export.dropped-priority" })
        #expect(dropped.severity == .warning)
    }

    /// STT's empty versionCreated: the required date comes from the best date the item has,
    /// with a warning naming it, never silently from the clock.
    @Test func aMissingVersionCreatedComesFromTheBestDateWithAWarning() throws {
        let result = try importG2(
            Self.item(meta: "<versionCreated></versionCreated><firstCreated>2016-04-13T04:52:21Z</firstCreated>", content: ""))
        let article = try #require(result.articles.first)
        #expect(article.versionCreated == nil)
        let exported = try exportG2([article])
        #expect(String(decoding: exported.data, as: UTF8.self).contains("<versionCreated>2016-04-13T04:52:21Z</versionCreated>"))
        let warning = try #require(exported.diagnostics.first { $0.code == "newsml-g2.export.version-created-supplied" })
        #expect(warning.severity == .warning && warning.message.contains("firstCreated"))
    }
}

/// dpa's XHTML body opens with a `header` that repeats the heads and classification: it is not
/// story text. And a `figure` that an HTML body left inside a paragraph is a picture.
struct XHTMLSectionTests {
    static let item = """
        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:2" version="1" standard="NewsML-G2" standardversion="2.35" xml:lang="de">
          <itemMeta><itemClass qcode="ninat:text"/><provider literal="Test"/><versionCreated>2022-10-11T11:14:42+02:00</versionCreated></itemMeta>
          <contentMeta><keyword>London</keyword></contentMeta>
          <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
            <header><ul class="slugline"><li class="subject" data-qcode="medtop:20001065">Fußball</li><li class="geo" data-qcode="dpacountry:54">Großbritannien</li>
            <li class="keyword">Champions League</li><li class="keyword">London</li></ul><time class="publicationDate">11.10.2022 11:14</time><h1>Eintracht in London</h1></header>
            <section class="main"><p>Erster Absatz.</p><p>Text <figure><img src="http://example.org/a.jpg" alt="A"/><figcaption>Ein Bild</figcaption></figure></p></section>
          </body></html></inlineXML></contentSet>
        </newsItem>
        """

    @Test func theHeaderIsMappedNotParagraphs() throws {
        let result = try importG2(Self.item)
        let article = try #require(result.articles.first)
        #expect(article.body.count == 3)
        #expect(article.body.first == .paragraph([.text("Erster Absatz.")]))
        #expect(article.body[1] == .paragraph([.text("Text")]))
        guard case .media(let media) = article.body[2] else {
            Issue.record("expected the figure as media, got \(article.body[2])")
            return
        }
        #expect(media.href == "http://example.org/a.jpg" && media.caption == "Ein Bild")
        #expect(article.headline == "Eintracht in London")
        #expect(article.keywords == ["London", "Champions League"])
        #expect(article.subjects.map(\.qcode) == ["medtop:20001065"])
        #expect(article.places.map(\.qcode) == ["dpacountry:54"])
        #expect(article.extensions["g2:xhtml/header"] != nil)
        let exported = try exportG2([article])
        let dropped = try #require(exported.diagnostics.first { $0.code == "newsml-g2.export.dropped-body-sections" })
        #expect(dropped.severity == .warning && dropped.message.contains("<header>"))
    }
}

/// G2 has no element for NITF's du-key: it travels as an extension property of newsconv's own
/// relation and reads back whole.
struct G2UseKeyTests {
    @Test func aUseKeyRoundTripsThroughG2() throws {
        let article = Article(headline: "H", useKeys: [UseKey(key: "faktisk-d9cd", version: "48")])
        let exported = try exportG2([article])
        let text = String(decoding: exported.data, as: UTF8.self)
        #expect(text.contains("<contentMetaExtProperty reluri=\"urn:newsconv:nitf:du-key\" value=\"faktisk-d9cd\"/>"))
        let back = try importG2(exported.data)
        #expect(back.articles.first?.useKeys == article.useKeys)
        #expect(back.articles.first?.extensions["g2:contentMeta/contentMetaExtProperty"] == nil)
    }
}

/// Kept elements written back verbatim must keep the output valid: one-line text types get spaces
/// for their line breaks (a Reuters item's `fileName`, `generator`, `profile`), and a kept element
/// declares only the prefixes it uses, not every one in scope.
struct KeptElementValidityTests {
    static let item = """
        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:rtr="http://www.reuters.com/ns/2003/08/content" xmlns:x="http://www.w3.org/1999/xhtml"
            guid="urn:test:nl" version="1" standard="NewsML-G2" standardversion="2.10" conformance="power" xml:lang="en">
          <itemMeta><itemClass qcode="ninat:text"/><provider literal="reuters.com"/><versionCreated>2013-03-01T15:09:04Z</versionCreated>
            <fileName>
        2013-03-01T150904Z_263518268.XML
        </fileName>
            <generator versioninfo="00.00.01">\tG3:IIM:FH
        </generator>
            <link rel="irel:processedFrom" residref="tag:reuters.com,0000:x" rtr:id="GF2E9340T4U01"/>
          </itemMeta>
          <contentMeta><headline>H</headline></contentMeta>
        </newsItem>
        """

    @Test func oneLineTextIsWrittenOnOneLineWithAWarning() throws {
        let result = try importG2(Self.item)
        let warnings = result.diagnostics.filter { $0.code == "newsml-g2.import.one-line-text" }
        #expect(warnings.map(\.location.line) == [4, 7])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        let text = String(decoding: try exportG2(result.articles).data, as: UTF8.self)
        #expect(text.contains("<fileName>2013-03-01T150904Z_263518268.XML</fileName>"))
        #expect(text.contains("<generator versioninfo=\"00.00.01\">G3:IIM:FH</generator>"))
        if let shared = Fixtures.shared {
            let validator = try SchemaCache.shared.validator(
                at: shared.appendingPathComponent("standards/newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd").path)
            let errors = try validator.validate(Data(text.utf8), path: "out.xml")
            #expect(errors.isEmpty, "\(errors.prefix(3).map(\.description))")
        }
    }

    @Test func aKeptElementDeclaresOnlyThePrefixesItUses() throws {
        let article = try #require(try importG2(Self.item).articles.first)
        let link = try #require(article.extensions.strings("g2:itemMeta/link").first)
        #expect(link.contains("xmlns:rtr=\"http://www.reuters.com/ns/2003/08/content\""))
        #expect(!link.contains("xmlns:x="))
    }

    /// CR00174_expires.xml: an expiry for each publishing constraint, and one for all. Each is
    /// kept (the unconstrained one is the IR's `expires`) and written back with its constraint.
    @Test func everyExpiryIsKeptWithItsConstraint() throws {
        let result = try importG2(
            G2FidelityTests.item(
                meta: """
                    <expires pubconstraint="usage:web">2020-06-20T21:00:00.000Z</expires>
                    <expires>2015-11-10T18:11:02.027Z</expires>
                    """, content: ""))
        let article = try #require(result.articles.first)
        #expect(article.expires == NewsDate(iso8601: "2015-11-10T18:11:02.027Z"))
        #expect(article.alternatives == [TaggedText(text: "2020-06-20T21:00:00.000Z", role: "usage:web", field: "expires")])
        #expect(!result.diagnostics.contains { $0.code == "newsml-g2.import.dropped-attributes" })
        let text = String(decoding: try exportG2([article]).data, as: UTF8.self)
        #expect(text.contains("<expires>2015-11-10T18:11:02.027Z</expires>"))
        #expect(text.contains("<expires pubconstraint=\"usage:web\">2020-06-20T21:00:00.000Z</expires>"))
    }

    /// A text item's pictures (ninjs associations) were dropped: they are itemMeta links, as
    /// IPTC's LISTING 5 links a video's page, one per file, and read back as the same media.
    @Test func associatedMediaOfATextItemAreLinks() throws {
        var article = Article(id: "urn:test:story", headline: "Storm", body: [.paragraph([.text("Waves.")])])
        article.media = [
            MediaItem(
                id: "urn:test:photo", kind: .picture, href: "https://example.org/a.jpg", mediaType: "image/jpeg",
                caption: "Waves at the wall.", title: "Waves",
                renditions: [.init(name: "thumb", href: "https://example.org/a-small.jpg", mediaType: "image/jpeg", sizeInBytes: 4100)])
        ]
        let exported = try exportG2([article])
        let text = String(decoding: exported.data, as: UTF8.self)
        #expect(
            text.contains(
                #"<link rel="irel:associatedWith" href="https://example.org/a.jpg" residref="urn:test:photo" contenttype="image/jpeg" title="Waves">"#
            ))
        #expect(text.contains(#"<description role="drol:caption">Waves at the wall.</description>"#))
        #expect(!text.contains("remoteContent"))
        let warning = try #require(exported.diagnostics.first { $0.code == "newsml-g2.export.media-links" })
        #expect(warning.severity == .warning && warning.message.contains("kind") && warning.message.contains("rendition names"))
        let media = try #require(try importG2(text).articles.first?.media)
        #expect(
            media == [
                MediaItem(
                    id: "urn:test:photo", href: "https://example.org/a.jpg", mediaType: "image/jpeg", caption: "Waves at the wall.",
                    title: "Waves", renditions: [.init(href: "https://example.org/a-small.jpg", mediaType: "image/jpeg", sizeInBytes: 4100)]
                )
            ])
        // A picture item's link (to a page) is no media of it: kept whole.
        let picture = try importG2(
            G2FidelityTests.item(
                meta: #"<link rel="irel:associatedWith" href="https://example.org/page.html"/>"#, content: ""))
        #expect(picture.articles.first?.media.isEmpty == true)
        #expect(picture.articles.first?.extensions["g2:itemMeta/link"] != nil)
    }

    /// ap-nitf.xml has no doc-id, and IPTC's ninjs test 017 a date without a time: what
    /// NewsML-G2 requires and the source lacks is supplied, and the warning says what was written.
    @Test func whatTheSchemaRequiresIsSuppliedWithAWarning() throws {
        let article = Article(versionCreated: NewsDate(iso8601: "2019-09-24"), embargoed: NewsDate(iso8601: "2019-10-01"), headline: "H")
        let result = try exportG2([article])
        let text = String(decoding: result.data, as: UTF8.self)
        let id = try #require(result.diagnostics.first { $0.code == "newsml-g2.export.id-supplied" })
        #expect(id.severity == .warning && id.message.contains(article.contentURN))
        #expect(text.contains("guid=\"\(article.contentURN)\""))
        let times = result.diagnostics.filter { $0.code == "newsml-g2.export.time-supplied" }
        #expect(
            times.map(\.message).sorted() == [
                "embargoed '2019-10-01' has no time, which NewsML-G2 requires there; wrote midnight, 2019-10-01T00:00:00",
                "versionCreated '2019-09-24' has no time, which NewsML-G2 requires there; wrote midnight, 2019-09-24T00:00:00",
            ])
    }

    /// IPTC's listings 21-23 locate the story by a qcode alone (`city:Philadelphia`): the IR's
    /// dateline held a name only, so the place was lost everywhere but in NewsML-G2's kept copy.
    @Test func aPlaceKnownByItsCodeAloneIsKept() throws {
        let result = try importG2(G2FidelityTests.item(content: #"<located qcode="city:Philadelphia"/>"#))
        let article = try #require(result.articles.first)
        #expect(article.dateline == Dateline(text: "", placeCode: "city:Philadelphia"))
        var plain = article
        plain.extensions.values = [:]
        let text = String(decoding: try exportG2([plain]).data, as: UTF8.self)
        #expect(text.contains(#"<located qcode="city:Philadelphia"/>"#))
        #expect(try importG2(text).articles.first?.dateline?.placeCode == "city:Philadelphia")
    }

    /// A dateline's date is not the content's creation date: it is kept in the inline body's
    /// dateline; an item without a body names a date and time it cannot hold.
    @Test func aDatelinesDateIsNeverContentCreated() throws {
        let date = try #require(NewsDate(iso8601: "2017-01-02T22:28:00Z"))
        var story = Article(headline: "H", dateline: Dateline(text: "20170102T222800+0000", date: date), body: [.paragraph([.text("P")])])
        let text = String(decoding: try exportG2([story]).data, as: UTF8.self)
        #expect(!text.contains("<contentCreated>"))
        #expect(text.contains(#"<story.date norm="20170102T222800Z"/>"#))
        #expect(try importG2(text).articles.first?.dateline?.date == date)
        story.kind = .picture
        story.body = []
        story.headline = nil
        let picture = try exportG2([story])
        #expect(!String(decoding: picture.data, as: UTF8.self).contains("<contentCreated>"))
        let warning = try #require(picture.diagnostics.first { $0.code == "newsml-g2.export.dateline-date" })
        #expect(warning.severity == .warning)
    }

    /// A package's item with several files (Superdesk's renditions): one itemRef per file, all
    /// naming the item, read back as its renditions; what an itemRef cannot hold is named.
    @Test func aPackagesItemWithSeveralFilesIsOneItemRefPerFile() throws {
        let media = MediaItem(
            id: "main-0", kind: .picture, href: "https://example.org/a.jpg", mediaType: "image/jpeg", caption: "Cap",
            renditions: [
                MediaItem.Rendition(name: "thumbnail", href: "https://example.org/a-t.jpg", mediaType: "image/jpeg", width: 60),
                MediaItem.Rendition(name: "viewImage", href: "https://example.org/a-v.jpg"),
            ])
        let package = Article(id: "urn:test:p", kind: .composite, media: [media, MediaItem(id: "main-1", kind: .text)])
        let result = try exportG2([package])
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(text.components(separatedBy: #"<itemRef residref="main-0""#).count == 4)
        let warning = try #require(result.diagnostics.first { $0.code == "newsml-g2.export.item-refs" })
        #expect(warning.message.contains("rendition names") && warning.message.contains("dimensions"))
        let back = try #require(try importG2(text).articles.first)
        #expect(back.media.map(\.id) == ["main-0", "main-1"])
        #expect(back.media[0].renditions.map(\.href) == ["https://example.org/a-t.jpg", "https://example.org/a-v.jpg"])
        #expect(back.media[0].href == "https://example.org/a.jpg" && back.media[0].caption == "Cap")
    }

    /// A text item without a body whose media are another item's (a ninjs association) links
    /// them; it does not take them for its own content (an empty remoteContent, before).
    @Test func anAssociationOfATextItemWithoutBodyIsALink() throws {
        let article = Article(id: "urn:test:t", kind: .text, media: [MediaItem(id: "urn:test:assoc", kind: .picture)])
        let text = String(decoding: try exportG2([article]).data, as: UTF8.self)
        #expect(text.contains(#"<link rel="irel:associatedWith" residref="urn:test:assoc"/>"#))
        #expect(!text.contains("remoteContent"))
        #expect(try importG2(text).articles.first?.media.map(\.id) == ["urn:test:assoc"])
    }
}
