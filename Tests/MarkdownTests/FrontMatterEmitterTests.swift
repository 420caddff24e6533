import Foundation
import NewsCore
import NewsYAML
import PropertyBased
import TestSupport
import Testing

@testable import Markdown

/// The exporter writes front matter by driving libyaml's emitter event by event (`YAMLEmitter`);
/// before, it built a Yams `Node` and gave it to `Yams.serialize`, which is kept as the reference
/// (`YAMLNodeBuilder`). The two must write the same bytes for every article: a speed change never
/// changes an output byte.
@Suite struct FrontMatterEmitterTests {
    /// The front matter as the exporter writes it, and as `Yams.serialize` writes the same events.
    static func bothWays(_ article: Article, summary: String? = nil) throws -> (emitted: String, reference: String) {
        var emitted = FrontMatterWriter(sink: YAMLEmitter(), article: article)
        emitted.write(article, summary: summary)
        var reference = FrontMatterWriter(sink: YAMLNodeBuilder(), article: article)
        reference.write(article, summary: summary)
        return (try emitted.sink.finish(), try reference.sink.text())
    }

    @Test func awkwardScalarsAsValuesAndKeys() throws {
        for text in AwkwardYAML.scalars {
            var article = Article()
            article.headline = text
            article.keywords = [text, "after"]
            article.dateline = Dateline(text: text)
            article.subjects = [Concept(qcode: text, name: text)]
            article.extensions["iptc:\(text)"] = .string(text)
            article.extensions["markdown:\(text)"] = .array([.string(text), .object([text: .string(text)])])
            let (emitted, reference) = try Self.bothWays(article, summary: text)
            #expect(emitted == reference, "\(text.debugDescription)")
        }
    }

    @Test func emptyCollectionsAndNumbers() throws {
        var article = Article()
        article.version = 3
        article.urgency = 1
        article.extensions["markdown:empty"] = .array([])
        article.extensions["markdown:none"] = .object([:])
        article.extensions["markdown:values"] = .array([
            .null, .bool(true), .number(1e19), .number(-2.5), .number(42), .array([.array([])]),
        ])
        article.subjects = [Concept()]
        article.media = [MediaItem(renditions: [MediaItem.Rendition(width: 10, duration: 1.5)])]
        let (emitted, reference) = try Self.bothWays(article)
        #expect(emitted == reference)
        #expect(emitted.contains("empty: []\n") && emitted.contains("none: {}\n"), "\(emitted)")
    }

    @Test func generatedArticles() async {
        await propertyCheck(count: 500, input: ArticleGenerator.article) { article in
            let (emitted, reference) = try Self.bothWays(article, summary: article.headline)
            #expect(emitted == reference)
        }
    }
}
