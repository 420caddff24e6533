import Foundation
import NewsXML
import Testing

/// `XMLContentCheck` passes exactly the content that leaves a document well-formed when written
/// into it as it is: the reference is the parser reading such a document.
@Suite struct XMLContentCheckTests {
    static let contents = [
        "", "text", "<p>fine</p>", "<p>one</p><p>two</p> and text", "<x:a xmlns:x=\"urn:x\">k</x:a>", "<!-- note --><?pi data?>",
        "a &amp; b &#233;", "<![CDATA[<not markup>]]>", "<p>unclosed", "<oops", "</r><r>", "</doc><doc>", "<x:a>undeclared</x:a>",
        "&nbsp;", "<p a=\"1\" a=\"2\"/>", "<?xml version=\"1.0\"?><p/>", "<!DOCTYPE p><p/>", "<p>\u{1}</p>", "]]>", "<p/></p>",
        "<!-- unterminated", "<a><b></a></b>", "<p xml:lang=\"en\">x</p>", "<x:a xmlns:x=\"\">empty namespace</x:a>",
    ]

    /// Whether the content leaves a document well-formed, written into it as it is.
    static func documentStaysWellFormed(_ content: String) -> Bool {
        let document = "<doc xmlns=\"http://iptc.org/std/NITF/2006-10-18/\">" + content + "</doc>"
        return (try? XMLDocument.parse(Data(document.utf8), path: nil)) != nil
    }

    @Test(arguments: contents) func decidesAsTheDocumentWouldRead(_ content: String) {
        #expect(XMLContentCheck.isWellFormed(content) == Self.documentStaysWellFormed(content), "\(content.debugDescription)")
    }

    @Test func refusesWhatWouldBreakTheDocument() {
        for content in ["<p>unclosed", "<oops", "</r><r>", "<x:a>undeclared</x:a>", "&nbsp;", "<!DOCTYPE p><p/>"] {
            #expect(!XMLContentCheck.isWellFormed(content), "\(content)")
        }
        #expect(XMLContentCheck.isWellFormed("<p>one</p><p>two</p> and text"))
    }

    /// The writer writes what passes and nothing of what does not.
    @Test func theWriterWritesOnlyWellFormedContent() throws {
        var writer = XMLWriter()
        writer.start("doc")
        let fine = writer.raw("<p>fine</p>")
        let unclosed = writer.raw("<p>unclosed")
        #expect(fine == .written && unclosed == .illFormed)
        let (written, dropped) = writer.raw(fragments: ["<a/>", "<b>", "<c/>"])
        #expect(written && dropped == 1)
        // A fragment the schema refused in an earlier writing is neither written nor counted
        // as ill-formed (RawXMLSchemaCheck says why it is dropped).
        writer.refusedFragments = ["<d/>"]
        #expect(writer.raw("<d/>") == .refused)
        #expect(writer.raw(fragments: ["<d/>"]) == (false, 0))
        #expect(writer.rawFragments.map(\.text) == ["<p>fine</p>", "<a/>", "<c/>"])
        writer.finish()
        let text = String(decoding: writer.data, as: UTF8.self)
        #expect(text.contains("<p>fine</p>") && !text.contains("unclosed") && !text.contains("<b>"))
        #expect((try? XMLDocument.parse(writer.data, path: nil)) != nil)
    }
}
