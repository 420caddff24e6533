import Foundation
import NewsCore
import Testing

@testable import Ninjs

/// What the fidelity oracle found lost or changed in ninjs sources: each reading pinned here.
@Suite struct NinjsFidelityTests {
    /// ninjs's events and objects are concepts the story is about: subjects of the NewsML-G2
    /// types `cpnat:event` and `cpnat:object`, written back to ninjs as events and objects.
    @Test(arguments: [NinjsProfile.v1, .v2, .v3])
    func eventsAndObjectsAreTypedSubjects(_ profile: NinjsProfile) throws {
        let json = """
            {"uri":"x","type":"text",
             "events":[{"name":"IPTC Autumn Meeting","rel":"about","uri":"https://iptc.org/events/2019"}],
             "objects":[{"name":"SIPA USA","rel":"classifiedAs","literal":"copyright:573"}]}
            """
        let result = try readNinjs(json)
        let subjects = result.articles[0].subjects
        #expect(
            subjects == [
                Concept(uri: "https://iptc.org/events/2019", name: "IPTC Autumn Meeting", type: "cpnat:event", role: "about"),
                Concept(literal: "copyright:573", name: "SIPA USA", type: "cpnat:object", role: "classifiedAs"),
            ])
        #expect(result.articles[0].extensions.values.isEmpty)
        let written = try JSONDecoder().decode(JSONValue.self, from: try writeNinjs(result.articles[0], profile: profile).data)
        guard case .object(let object) = written else {
            Issue.record("not an object")
            return
        }
        #expect(object[profile.key("events")] != nil && object[profile.key("objects")] != nil)
        #expect(object[profile.key("subjects")] == nil)
    }

    /// An HTML body under an agency's own role (TT's `html5`) is read before the plain text:
    /// it has the headings, quotes and links that the plain text lacks.
    @Test func anHTMLBodyOfAnotherRoleIsReadBeforeThePlainText() throws {
        let json = """
            {"uri":"x","type":"text","bodies":[
             {"role":"text","contenttype":"text/plain","value":"Plain words."},
             {"role":"html5","contenttype":"text/html","value":"<h2>Plain</h2><p>Plain <a href=\\"https://example.org/\\">words</a>.</p>"}]}
            """
        let article = try readNinjs(json).articles[0]
        #expect(article.body.first == .heading(level: 2, content: [.text("Plain")]))
        #expect(article.body.count == 2)
        // The bodies of other roles are kept whole, to be written back to ninjs.
        #expect(article.extensions["ninjs2:bodies"] != nil)
    }

    /// A plain text beside the HTML that says more than it is kept whole, and the warning
    /// names the property where it sits.
    @Test func aPlainTextWithWordsTheHTMLLacksIsKeptWithAWarning() throws {
        let json = """
            {
                "uri": "038",
                "description_text": "Any text can go here",
                "description_html": "<p>any HTML is fine</p>"
            }
            """
        let result = try readNinjs(json)
        let warning = try #require(result.diagnostics.first { $0.code == "ninjs.import.plain-text-differs" })
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 3 && warning.location.column == 25)
        #expect(result.articles[0].extensions["ninjs1:description_text"] == .string("Any text can go here"))
        // The plain rendering of the same words is no loss, and no warning.
        let same = try readNinjs(#"{"uri":"y","description_text":"Any HTML, fine","description_html":"<p>any <b>HTML</b> is fine</p>"}"#)
        #expect(!same.diagnostics.contains { $0.code == "ninjs.import.plain-text-differs" })
        #expect(same.articles[0].extensions.values.isEmpty)
    }

    /// A key repeated in one object: its last value is read, as jq, Python and JavaScript read
    /// it, and the repeat is named at its line and column.
    @Test func aRepeatedKeyKeepsTheLastValueAndIsAWarning() throws {
        let json = """
            {"uri":"x","type":"picture","renditions":{
              "broadband":{"href":"https://example.org/a.wmv"},
              "broadband":{"href":"https://example.org/a.mp4"}}}
            """
        let result = try readNinjs(json)
        let warnings = result.diagnostics.filter { $0.code == "ninjs.import.repeated-key" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location.line == 3 && warnings.first?.location.column == 3)
        #expect(warnings.first?.message.contains("\"broadband\"") == true)
        let media = try #require(result.articles.first?.media.first)
        let hrefs = ([media.href] + media.renditions.map(\.href)).compactMap { $0 }
        #expect(Set(hrefs) == ["https://example.org/a.mp4"])
        // A repeat inside the later value applies to it; one inside the dropped value is dropped with it.
        let nested = try readNinjs(
            #"{"uri":"x","headline":"d","headline":"e","x-a":{"k":1,"k":0},"x-a":{"k":2,"k":3}}"#)
        #expect(nested.diagnostics.filter { $0.code == "ninjs.import.repeated-key" }.count == 4)
        #expect(nested.articles.first?.headline == "e")
        #expect(nested.articles.first?.extensions.values.values.contains(.object(["k": .number(3)])) == true)
        // Keys with escapes and nested arrays are compared as the keys they spell.
        let escaped = try readNinjs(#"{"uri":"x","a\u0062":[{"k":1},{"k":2}],"ab":[1]}"#)
        #expect(escaped.diagnostics.filter { $0.code == "ninjs.import.repeated-key" }.count == 1)
    }

    /// ninjs requires a uri: an article without id gets one made from its content, and says so.
    @Test func anIdMadeFromTheContentIsAWarning() throws {
        let article = Article(headline: "No id")
        let result = try writeNinjs(article, profile: .v3)
        let warning = try #require(result.diagnostics.first { $0.code == "ninjs.export.id-supplied" })
        #expect(warning.severity == .warning && warning.message.hasSuffix(article.contentURN))
        #expect(String(decoding: result.data, as: UTF8.self).contains(article.contentURN))
    }

    /// Trailers are end matter in an HTML body too: a `footer` that holds them, read back as them.
    @Test func trailersAreTheHTMLBodysFooter() throws {
        let article = Article(id: "x", body: [.paragraph([.text("Story.")])], signOff: "EFE", trailers: ["jrv-mcs", "(Reporting by A)"])
        let text = String(decoding: try writeNinjs(article, profile: .v3).data, as: UTF8.self)
        #expect(
            text.contains(
                #"<p>Story.</p><p class=\"signoff\">EFE</p><footer><p class=\"trailer\">jrv-mcs</p><p class=\"trailer\">(Reporting by A)</p></footer>"#
            ))
        let back = try readNinjs(text).articles[0]
        #expect(back.body == article.body && back.signOff == "EFE" && back.trailers == article.trailers)
        #expect(back.extensions.values.isEmpty)
    }
}
