import Foundation
import NewsCore
import Testing

@testable import Markdown

/// Front matter as newsrooms and site generators write it: their keys read as what they mean and
/// written back under the same key; an embargo under `embargo:` is never lost; an unknown key is a
/// warning that names the key meant.
struct FrontMatterKeyTests {
    static let draft = """
        ---
        title: Port expands
        date: 2024-03-04T10:00:00+01:00
        lastmod: 2024-03-05
        tags: [ports, Peru]
        author: Ana Torres
        draft: true
        embargo: 2024-03-04T12:00:00Z
        descripton: A typo
        ---

        The port will double.
        """

    @Test func siteGeneratorKeysAreReadAsWhatTheyMean() throws {
        let article = try #require(try importMarkdown(Self.draft).articles.first)
        #expect(article.versionCreated == NewsDate(iso8601: "2024-03-04T10:00:00+01:00"))
        #expect(article.contentModified == NewsDate(iso8601: "2024-03-05"))
        #expect(article.embargoed == NewsDate(iso8601: "2024-03-04T12:00:00Z"))
        #expect(article.keywords == ["ports", "Peru"] && article.status == .withheld)
        #expect(article.bylines.map(\.name) == ["Ana Torres"])
    }

    @Test func theyAreWrittenBackUnderTheSameKeys() throws {
        let article = try #require(try importMarkdown(Self.draft).articles.first)
        let (text, _) = try exportMarkdown(article)
        for line in [
            "date: 2024-03-04T10:00:00+01:00", "lastmod: 2024-03-05", "embargo: 2024-03-04T12:00:00Z", "tags:", "author: Ana Torres",
            "draft: true",
        ] {
            #expect(text.contains("\n" + line + "\n"), "\(line)")
        }
        #expect(!text.contains("dates:") && !text.contains("keywords:") && !text.contains("status:"))
        // And newsconv's own keys where the source used those.
        let (plain, _) = try exportMarkdown(Article(keywords: ["a"]))
        #expect(plain.contains("keywords:"))
    }

    @Test func anUnknownKeyIsAWarningThatNamesTheKeyMeant() throws {
        let result = try importMarkdown(Self.draft)
        let warning = try #require(result.diagnostics.first { $0.code == "markdown.front-matter.unknown-key" })
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(path: "draft.md", line: 9, column: 1))
        #expect(warning.message.contains("did you mean description?"))
    }
}
