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

    /// Scalars that make libyaml choose each of its styles and rules: plain, single- and
    /// double-quoted, multi-line, indicators, leading and trailing space, breaks, characters it
    /// escapes, YAML 1.1 lookalikes, keys too long or multi-line for a simple key.
    static let awkward: [String] = [
        "", " ", "plain", " leading", "trailing ", "two\nlines", "two\n\nparagraphs", "\nleading break", "trailing break\n",
        "space \nbreak", "break\n space", "a: b", "a:b", "ends:", "- item", "-item", "? key", "# hash", "a #b", "a#b", "[flow]",
        "{flow}", "a, b", "&anchor", "*alias", "!tag", "|literal", ">folded", "'single'", "\"double\"", "%directive", "@at",
        "`tick`", "---", "...", "--- x", "yes", "No", "ON", "~", "null", "12:30", "1.5", "-3", "0x1F", "2026-12-07", ".inf",
        "tab\there", "\u{01}control", "nel\u{85}x", "line\u{2028}sep", "bom\u{FEFF}x", "emoji 🗞️", "日本語", "Bogotá",
        "back\\slash", "it's", "\u{7F}del", "\r\nwindows", String(repeating: "long ", count: 40),
        String(repeating: "k", count: 129), "=", "<<",
    ]

    @Test func awkwardScalarsAsValuesAndKeys() throws {
        for text in Self.awkward {
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
