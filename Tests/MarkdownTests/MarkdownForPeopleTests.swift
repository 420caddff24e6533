import Foundation
import NewsCore
import Testing

@testable import Markdown

/// Markdown that people read and write (issue 20, item 7): escapes only where CommonMark needs
/// them, trailers as end matter, and a draft's dateline read as agencies print one.
@Suite struct MarkdownForPeopleTests {
    /// `#1`, `2024.`, `5 * 3` and `~tilde~` mean nothing where they stand: no backslash, and the
    /// text reads back the same.
    @Test func escapesOnlyWhereCommonMarkNeedsThem() throws {
        let text = "Team #1 won in 2024. It was 5 * 3 and ~tilde~ here."
        let (markdown, _) = try exportMarkdown(Article(body: [.paragraph([.text(text)]), .paragraph([.text("2024. A year")])]))
        #expect(markdown.contains(text))
        // At the start of a line `2024. ` would begin an ordered list.
        #expect(markdown.contains("2024\\. A year"))
        let back = try importMarkdown(markdown).articles[0]
        #expect(back.body == [.paragraph([.text(text)]), .paragraph([.text("2024. A year")])])
    }

    /// Desk initials and credits after the story are end matter: in the front matter only.
    @Test func trailersAreEndMatterNotParagraphs() throws {
        let article = Article(body: [.paragraph([.text("The story.")])], signOff: "EFE", trailers: ["jrv-mcs"])
        let (markdown, _) = try exportMarkdown(article)
        #expect(markdown.contains("trailers:\n- jrv-mcs\n"))
        #expect(!markdown.contains("\n\njrv-mcs"))
        #expect(markdown.hasSuffix("The story.\n\nEFE\n"))
        let back = try importMarkdown(markdown).articles[0]
        #expect(back.trailers == ["jrv-mcs"] && back.signOff == "EFE" && back.body == article.body)
        // A file written before, with the trailers printed after the sign-off too, reads the same.
        let older = try importMarkdown(markdown + "\njrv-mcs\n").articles[0]
        #expect(older.body == article.body && older.trailers == ["jrv-mcs"])
    }

    /// A draft's dateline, given as text in the front matter or as the plain lead-in of its first
    /// paragraph, is parsed like a wire dateline, and is not left in the paragraph too.
    @Test(arguments: [
        "---\ntitle: Port\ndateline: \"LIMA, Dec 3 (EFE) -\"\n---\n\nThe port reopened on Tuesday.\n",
        "---\ntitle: Port\ndateline: \"LIMA, Dec 3 (EFE) -\"\n---\n\nLIMA, Dec 3 (EFE) - The port reopened on Tuesday.\n",
        "---\ntitle: Port\n---\n\nLIMA, Dec 3 (EFE) - The port reopened on Tuesday.\n",
        "# Port\n\n**LIMA, Dec 3 (EFE) -** The port reopened on Tuesday.\n",
    ])
    func aDraftsDatelineIsParsed(_ draft: String) throws {
        let article = try importMarkdown(draft).articles[0]
        #expect(
            article.dateline
                == Dateline(text: "LIMA, Dec 3 (EFE) -", place: "LIMA", date: NewsDate(iso8601: "--12-03"), source: "EFE"))
        #expect(article.body == [.paragraph([.text("The port reopened on Tuesday.")])])
    }

    /// A converted story (its front matter has an id) keeps its first paragraph as it was.
    @Test func aConvertedStorysLeadIsNotReparsed() throws {
        let article = try importMarkdown("---\nid: urn:x\n---\n\nGROSSETO, Italy (AP) -- The trial began.\n").articles[0]
        #expect(article.dateline == nil)
        #expect(article.body == [.paragraph([.text("GROSSETO, Italy (AP) -- The trial began.")])])
    }
}
