import Foundation
import NewsCore
import PropertyBased
import TestSupport
import Testing

@testable import Markdown

/// Generated articles' texts (quotes, backslashes, markup, tabs, line ends, control characters)
/// read back from newsconv's Markdown as the same words: text never turns into markup, and a
/// headline with a line end stays the headline (it once split into a heading and a paragraph).
@Suite struct RandomTextTests {
    /// Found by the property below: four spaces opening a paragraph made it a code block (its
    /// escapes then showed), and a space opening emphasis was dropped as if it opened a line.
    @Test func leadingSpacesAndSpacesInEmphasis() throws {
        let article = Article(body: [
            .paragraph([.text("     <tag>&amp; EFE")]),
            .paragraph([.strong([.text("Aaron J. Staples")]), .emphasis([.text(" is an economist")])]),
        ])
        let (markdown, _) = try exportMarkdown(article)
        let back = try importMarkdown(markdown).articles[0]
        #expect(back.body.map(\.plainText) == ["<tag>&amp; EFE", "Aaron J. Staples is an economist"], "\(markdown)")
    }

    /// Also found by generated articles: code spans side by side (their backticks would run
    /// together), a line break inside a heading (a heading is one line), and a link address with
    /// a line end (an address is one line).
    @Test func codeSpansHeadingBreaksAndAddressesStayWhole() throws {
        let article = Article(body: [
            .paragraph([.code("a"), .text(""), .code("b``c"), .text(" after")]),
            .heading(level: 3, content: [.text("one"), .lineBreak, .emphasis([.text("two"), .lineBreak, .text("three")])]),
            .paragraph([.link(href: "http://example.org/a\nb", title: nil, content: [.text("link")]), .text(" text")]),
        ])
        let (markdown, diagnostics) = try exportMarkdown(article)
        let back = try importMarkdown(markdown).articles[0]
        #expect(back.body.count == 3, "\(markdown)")
        #expect(back.body.first == .paragraph([.code("ab``c"), .text(" after")]), "\(markdown)")
        #expect(back.body.dropFirst().first?.plainText == "one two three", "\(markdown)")
        #expect(
            back.body.last == .paragraph([.link(href: "http://example.org/a%0Ab", title: nil, content: [.text("link")]), .text(" text")]),
            "\(markdown)")
        #expect(diagnostics.contains { $0.code == "markdown.export.heading-line-break" })
    }

    @Test func headlinesAndParagraphsReadBack() async {
        await propertyCheck(count: 300, input: ArticleGenerator.article) { article in
            var plain = Article()
            plain.headline = article.headline
            plain.body = article.body.compactMap { block in
                guard case .paragraph(let inlines) = block else { return nil }
                return .paragraph([.text(inlines.plainText.replacingOccurrences(of: "\n", with: " "))])
            }
            let (markdown, _) = try exportMarkdown(plain)
            let back = try #require(try importMarkdown(markdown).articles.first, "\(markdown)")
            #expect(back.headline == plain.headline, "\(markdown)")
            func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            let written = plain.body.map { words($0.plainText) }.filter { !$0.isEmpty }
            let read = back.body.map { words($0.plainText) }.filter { !$0.isEmpty }
            #expect(read == written, "\(markdown)")
        }
    }
}
