import Foundation
import NewsCore
import NewsXML
import TestSupport
import Testing

/// A value that is not a URI never reaches an `xs:anyURI` attribute: the item stays valid, and
/// the value is dropped with `newsml-g2.export.invalid-uri` (the fuzzer's schema check found such
/// values coming from JSON and ninjs).
@Suite struct G2URITests {
    static let notURIs = [
        "htt$p://cv.iptc.org/newscodes/genre/Current",
        "http://sv.ipthttp://cv.iptc.org/newscodes/newsitemtype/c.org/newscodes/mediatopic/20000771",
        "http://host:port/picture.jpg",
    ]

    static var article: Article {
        var article = Article()
        article.id = "urn:newsconv:test:uri"
        article.headline = "Ports"
        article.genres = [Concept(uri: notURIs[0], name: "Current")]
        article.subjects = [Concept(uri: "http://cv.iptc.org/newscodes/mediatopic/20000771", name: "port"), Concept(uri: notURIs[1])]
        article.media = [MediaItem(id: "urn:newsconv:test:picture", kind: .picture, href: notURIs[2], mediaType: "image/jpeg")]
        return article
    }

    @Test func aValueThatIsNotAURIIsDroppedWithAWarning() throws {
        let result = try exportG2([Self.article])
        let text = String(decoding: result.data, as: UTF8.self)
        for value in Self.notURIs { #expect(!text.contains(value), "\(value)") }
        #expect(text.contains("uri=\"http://cv.iptc.org/newscodes/mediatopic/20000771\""))
        let warnings = result.diagnostics.filter { $0.code == "newsml-g2.export.invalid-uri" }
        #expect(warnings.count == 3)
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.contains { $0.message == "uri '\(Self.notURIs[0])' of <genre> is not a URI; dropped" })
        #expect(warnings.contains { $0.message == "uri '\(Self.notURIs[1])' of <subject> is not a URI; dropped" })
        #expect(warnings.contains { $0.message.hasPrefix("href '\(Self.notURIs[2])' of <") })
    }

    @Test(.enabled(if: Fixtures.shared != nil, Comment(rawValue: Fixtures.sharedMissing)))
    func theItemIsValid() throws {
        let shared = try #require(Fixtures.shared)
        let validator = try SchemaCache.shared.validator(
            at: shared.appendingPathComponent("standards/newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd").path)
        let errors = try validator.validate(try exportG2([Self.article]).data, path: "out.xml")
        #expect(errors.isEmpty, "\(errors.prefix(3).map(\.description))")
    }

    /// A rendition name that is no QCode (`:Machine`, a prefix missing) is dropped with
    /// `newsml-g2.export.rendition-name`, and the item stays valid; a QCode is written.
    @Test func aRenditionNameThatIsNoQCodeIsDropped() throws {
        // A picture item: its own media (the id is the article's) is written as remoteContent.
        var article = Article()
        article.id = "urn:newsconv:test:picture"
        article.kind = .picture
        article.headline = "Renditions"
        let renditions = [":Machine", "rnd:web", "rnd: spaced", "plain"].map {
            MediaItem.Rendition(name: $0, href: "https://example.org/\($0.count).jpg", mediaType: "image/jpeg")
        }
        article.media = [MediaItem(id: "urn:newsconv:test:picture", kind: .picture, renditions: renditions)]
        let result = try exportG2([article])
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(text.contains("rendition=\"rnd:web\"") && !text.contains(":Machine") && !text.contains("spaced"))
        let warnings = result.diagnostics.filter { $0.code == "newsml-g2.export.rendition-name" }
        #expect(
            warnings.map(\.message).sorted()
                == [":Machine", "plain", "rnd: spaced"].map { "rendition name '\($0)' is not a qcode; dropped" })
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(try BuiltInSchemas.validator("newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd").validate(result.data, path: "out.xml").isEmpty)
    }
}
