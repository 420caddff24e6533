import Testing

@testable import Markdown

/// ``CommonMarkReader/lines(of:)`` finds lines in the UTF-8 where it split the text into
/// Characters before: the same lines for every text, CR LF (one Character) and combining marks
/// after a line feed included.
@Suite struct MarkdownLinesTests {
    @Test func sameLinesAsCharacterSplitting() {
        let pieces = ["a", "\n", "\r", "\r\n", "\n\n", "é", "e\u{301}", "\u{301}", "🗞️", "| x |", " ", ""]
        var texts = pieces
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        for text in texts {
            let reference = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(CommonMarkReader.lines(of: text) == reference, "\(text.debugDescription)")
        }
    }
}
