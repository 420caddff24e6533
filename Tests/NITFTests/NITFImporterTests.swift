import Foundation
import NewsCore
import TestSupport
import Testing

@testable import NITF

@Suite struct NITFImporterTests {
    func read(_ xml: String, path: String = "test.xml") throws -> ImportResult {
        try NITFImporter().read(ImportInput(data: Data(xml.utf8), path: path), options: ConversionOptions())
    }

    @Test func detectsNITFByItsRootElement() {
        let importer = NITFImporter()
        #expect(importer.detect(InputSample(bytes: Data("<?xml version=\"1.0\"?>\n<!-- c -->\n<nitf><body/></nitf>".utf8))) >= 0.9)
        #expect(
            importer.detect(InputSample(bytes: Data("<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body/></nitf>".utf8))) >= 0.95)
        // A NewsML-G2 item carrying inline NITF is not NITF.
        let g2 =
            "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><contentSet><inlineXML><nitf/></inlineXML></contentSet></newsItem>"
        #expect(importer.detect(InputSample(bytes: Data(g2.utf8))) == 0)
        #expect(importer.detect(InputSample(bytes: Data("Islamabad, Dec 15 (EFE).- text".utf8))) == 0)
    }

    @Test func readsTheSameWithAndWithoutTheNamespace() throws {
        let body =
            "<head><title>T</title><docdata><doc-id id-string=\"x1\"/><urgency ed-urg=\"2\"/></docdata></head><body><body.head><hedline><hl1>Head</hl1></hedline></body.head><body.content><p>One <em>two</em>.</p></body.content></body>"
        let plain = try read("<nitf>\(body)</nitf>").articles[0]
        let namespaced = try read("<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\">\(body)</nitf>").articles[0]
        #expect(plain.id == "x1" && plain.urgency == 2 && plain.headline == "Head")
        #expect(plain.body == [.paragraph([.text("One "), .emphasis([.text("two")]), .text(".")])])
        var a = plain
        var b = namespaced
        a.origin = nil
        b.origin = nil
        #expect(a == b)
        #expect(plain.extensions["nitf:head/title"] == .string("T"), "a title that differs from hl1 is kept")
    }

    @Test func readsDocdataDatesStatusAndRights() throws {
        let xml = """
            <nitf baselang="fr-FR"><head><docdata management-status="embargoed">
            <date.issue norm="20250301T090000+0100"/><date.release norm="20250301T120000+0100"/><date.expire norm="20250401"/>
            <doc.copyright holder="Agence X"/><doc.rights limitations="No resale"/><ed-msg info="Note to desks"/>
            <du-key key="SLUG-ONE"/><key-list><keyword key="a"/><keyword key="b"/></key-list>
            </docdata></head><body/></nitf>
            """
        let article = try read(xml).articles[0]
        #expect(article.language == "fr-FR")
        #expect(article.versionCreated == NewsDate(iso8601: "2025-03-01T09:00:00+01:00"))
        #expect(article.embargoed == NewsDate(iso8601: "2025-03-01T12:00:00+01:00"))
        #expect(article.expires == NewsDate(iso8601: "2025-04-01"))
        #expect(article.status == nil, "embargoed is not one of the IR's statuses; the embargo date says it")
        #expect(article.copyrightHolder == "Agence X" && article.usageTerms == "No resale")
        #expect(article.editorialNotes == ["Note to desks"])
        #expect(article.slugline == "SLUG-ONE")
        #expect(article.keywords == ["a", "b"])
    }

    @Test func keepsWhatTheIRCannotHoldWithANote() throws {
        let xml = """
            <nitf><head><meta name="service" content="Sport"/><pubdata type="print" name="Daily"/>
            <docdata><doc-scope scope="CITY"/><doc.copyright holder="H" year="2025"/></docdata></head>
            <body><body.head><note noteclass="editorsnote"><p>Internal</p></note></body.head><body.content/><body.end><bibliography>Refs</bibliography></body.end></body></nitf>
            """
        let result = try read(xml)
        let article = result.articles[0]
        #expect(article.extensions["nitf:head/meta"] == .array([.string("<meta name=\"service\" content=\"Sport\"/>")]))
        #expect(article.extensions["nitf:head/pubdata"] != nil)
        #expect(article.extensions["nitf:docdata/doc-scope"] != nil)
        #expect(article.extensions["nitf:docdata/doc.copyright"] != nil, "the year has no IR field")
        #expect(article.copyrightHolder == "H")
        #expect(article.extensions["nitf:body.head/note"] != nil)
        #expect(article.extensions["nitf:body.end/bibliography"] != nil)
        #expect(result.diagnostics.filter { $0.code == "nitf.import.kept" }.count >= 5)
    }

    @Test func badInputGetsALocatedError() throws {
        #expect(throws: ConversionError.self) { try read("<nitf><head></nitf>") }
        do {
            _ = try read("<?xml version=\"1.0\"?>\n<newsItem/>", path: "x.xml")
            Issue.record("a newsItem was read as NITF")
        } catch let error as ConversionError {
            #expect(error.diagnostic.code == "nitf.root.unexpected")
            #expect(error.diagnostic.location.line == 2)
        }
        do {
            _ = try read("<nitf>\n<head/>\n</nitf>")
            Issue.record("a NITF without body was read")
        } catch let error as ConversionError {
            #expect(error.diagnostic.code == "nitf.body.missing")
        }
        do {
            _ = try read("<nitf xmlns=\"urn:other\"><body/></nitf>")
            Issue.record("a foreign namespace was read")
        } catch let error as ConversionError {
            #expect(error.diagnostic.code == "nitf.namespace.unknown")
        }
    }

    @Test func readsISO88591() throws {
        var data = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><body><body.content><p>K".utf8)
        data.append(0xF6)  // ö in Latin-1
        data.append(contentsOf: Array("ln</p></body.content></body></nitf>".utf8))
        let article = try NITFImporter().read(ImportInput(data: data, path: "latin1.xml"), options: ConversionOptions()).articles[0]
        #expect(article.body == [.paragraph([.text("Köln")])])
    }

    @Test func identifiedContentAndClassifiersBecomeConcepts() throws {
        let xml = """
            <nitf><head><docdata><identified-content>
            <person value="http://example.org/p/1">Ann Lee</person><org>Acme</org><location location-code="geo:123">Oslo</location>
            <classifier type="subject" value="medtop:20000763">sport</classifier><classifier type="genre" value="genre:Interview"/>
            </identified-content></docdata></head><body/></nitf>
            """
        let article = try read(xml).articles[0]
        #expect(article.people == [Concept(uri: "http://example.org/p/1", name: "Ann Lee")])
        #expect(article.organisations == [Concept(name: "Acme")])
        #expect(article.places == [Concept(qcode: "geo:123", name: "Oslo")])
        #expect(article.subjects == [Concept(qcode: "medtop:20000763", name: "sport")])
        #expect(article.genres == [Concept(qcode: "genre:Interview")])
        #expect(article.extensions["nitf:docdata/identified-content"] == nil, "all of it was mapped")
    }
}
