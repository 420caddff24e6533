import Foundation
import NewsCore
import TestSupport
import Testing

@testable import Markdown

func exportMarkdown(_ article: Article) throws -> (text: String, diagnostics: [Diagnostic]) {
    let result = try MarkdownExporter().write([article], options: ConversionOptions())
    return (String(decoding: result.data, as: UTF8.self), result.diagnostics)
}

func importMarkdown(_ text: String, path: String = "draft.md") throws -> ImportResult {
    try MarkdownImporter().read(ImportInput(data: Data(text.utf8), path: path), options: ConversionOptions())
}

/// Paragraph texts full of Markdown metacharacters, each of which must read back as itself.
let hostileTexts = [
    "1. Not a list", "2) Not one either", "# Not a heading", "#hashtag at the start", "- not a bullet", "+ nor this", "* nor this",
    "> not a quote", "=== not an underline", "--- not a rule", "Stars *and* underscores _here_ and __there__",
    "Code `ticks` and ``double``", "Links [text](http://example.org) and ![images](x.png)", "Tags <b>bold</b> and <https://example.org>",
    "Entities &amp; &#65; &#x42; and AT&T", "Back\\slash \\* and \\\\", "snake_case_word and _edge_", "Pipes | in text", "Tilde ~~strike~~",
    "A line ending with two spaces  ", "1986. A year that starts a sentence", "Brackets ] and [ alone", "Exclamation! and !bang",
    "~~~ not a fence", "```not one either", "5 * 3 * 2 and a*b*c", "* * * not a rule", "*", "a *", "~one~ and ~~two~~",
]

@Suite struct MarkdownTests {
    @Test(arguments: hostileTexts)
    func metacharactersReadBackAsTheSameText(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let article = Article(body: [.paragraph([.text(trimmed)]), .paragraph([.text("Second: " + trimmed)])])
        let (markdown, _) = try exportMarkdown(article)
        let back = try importMarkdown(markdown).articles[0]
        #expect(back.body == article.body, "\(markdown)")
    }

    @Test func headsDatelineAndEndMatterRoundTrip() throws {
        let article = Article(
            headline: "Storm: harbour closed", subheadlines: ["Ferries stay # in port"], slugline: "yes",
            dateline: Dateline(text: "PORTMERE, Jan 14 (NSA) -", place: "PORTMERE", date: NewsDate(month: 1, day: 14), source: "NSA"),
            abstract: [.paragraph([.text("Summary with *stars*.")])],
            body: [.paragraph([.text("First paragraph.")]), .paragraph([.text("Second.")])], signOff: "NSA",
            trailers: ["ih/kl", "(Reporting by A; Editing by B)"])
        let (markdown, _) = try exportMarkdown(article)
        #expect(markdown.contains("**PORTMERE, Jan 14 (NSA) -** First paragraph."))
        #expect(markdown.contains("slugline: \"yes\""), "a YAML 1.1 boolean word stays a string")
        var back = try importMarkdown(markdown).articles[0]
        back.origin = nil
        #expect(back == article, "\(irDifference(article, back))")
    }

    @Test func frontMatterKeepsTypesAndUnknownKeys() throws {
        let draft = """
            ---
            title: "Version: 2"
            version: 3
            urgency: 2
            date: 2025-03-01 10:00:00 +01:00
            author: Jane Doe
            tags: [ports, trade]
            description: A short *summary*.
            draft: true
            weight: 10
            params: {a: [1, two]}
            ---

            Body text.
            """
        let result = try importMarkdown(draft)
        let article = result.articles[0]
        #expect(article.headline == "Version: 2" && article.version == 3 && article.urgency == 2)
        #expect(article.versionCreated == NewsDate(iso8601: "2025-03-01T10:00:00+01:00"))
        #expect(article.bylines == [Byline(name: "Jane Doe")] && article.keywords == ["ports", "trade"])
        #expect(article.abstract == [.paragraph([.text("A short "), .emphasis([.text("summary")]), .text(".")])])
        #expect(article.status == .withheld)
        #expect(article.extensions["markdown:weight"] == .number(10))
        #expect(article.extensions["markdown:params"] == .object(["a": .array([.number(1), .string("two")])]))
        #expect(
            result.diagnostics.contains {
                $0.code == "markdown.front-matter.unknown-key" && $0.severity == .warning && $0.location.line == 11
            })
        // Written back as they were.
        let (markdown, _) = try exportMarkdown(article)
        #expect(markdown.contains("weight: 10") && markdown.contains("params:"))
    }

    @Test func aDraftsFirstHeadingIsItsHeadline() throws {
        let article = try importMarkdown("# Council approves plan\n\nThe council voted.\n").articles[0]
        #expect(article.headline == "Council approves plan")
        #expect(article.body == [.paragraph([.text("The council voted.")])])
    }

    @Test func blocksTablesPicturesAndListsRoundTrip() throws {
        let article = Article(body: [
            .heading(level: 2, content: [.text("Section")]),
            .list(ordered: false, items: [[.paragraph([.text("one")])], [.paragraph([.text("two")])]]),
            .list(ordered: false, items: [[.paragraph([.text("a separate list")])]]),
            .list(ordered: true, items: [[.paragraph([.text("first")])], [.paragraph([.strong([.text("second")])])]]),
            .list(ordered: true, items: [[.paragraph([.text("again")])]]),
            .blockQuote([.paragraph([.text("quoted")]), .paragraph([.text("twice")])]),
            .preformatted("let x = 1\n``` fence inside"),
            .media(
                MediaItem(
                    kind: .picture, href: "https://example.org/p (1).jpg", caption: "A \"caption\"", credit: "A. Photographer",
                    title: "Alt text")),
            .table(
                Block.Table(
                    caption: [.text("Figures")],
                    rows: [
                        .init(isHeader: true, cells: [[.text("Name")], [.text("Value | pipe")]]),
                        .init(isHeader: false, cells: [[.text("a")], [.code("x|y")]]),
                    ])),
            .horizontalRule,
            .paragraph([
                .text("Line one"), .lineBreak, .text("# line two "),
                .link(href: "https://example.org/a?b=c", title: "T", content: [.text("link")]),
            ]),
        ])
        let (markdown, _) = try exportMarkdown(article)
        let back = try importMarkdown(markdown).articles[0]
        #expect(back.body == article.body, "\(markdown)")
        // Markdown -> IR -> Markdown is stable.
        #expect(try exportMarkdown(back).text == markdown)
    }

    @Test func lossyMappingsAreWarnings() throws {
        let article = Article(body: [
            .paragraph([.quote([.text("q")]), .mention(.init(kind: .person, content: [.text("Ann")]))]), .raw(format: "nitf", text: "<x/>"),
        ])
        let codes = Set(try exportMarkdown(article).diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["markdown.export.quote-as-text", "markdown.export.mention-as-text", "markdown.export.dropped-raw"]))
    }

    @Test func badFrontMatterIsALocatedError() throws {
        do {
            _ = try importMarkdown("---\ntitle: x\n")
            Issue.record("an unclosed front matter was read")
        } catch let error as ConversionError {
            #expect(error.diagnostic.code == "markdown.front-matter.unclosed")
        }
        // A YAML error is placed where YAML found it, in file lines, with its problem in words.
        let cases: [(String, line: Int, column: Int, says: String)] = [
            ("---\ntitle: [unclosed\n---\nBody\n", 3, 1, "while parsing a flow sequence at line 2"),
            ("---\ntitle: ok\nslugline: a\u{1}b\n---\nBody\n", 3, 12, "control characters are not allowed"),
            ("---\ntitle: ok\n  bad: indent\n---\nBody\n", 3, 6, "mapping values are not allowed"),
            ("---\ntitle: a\ntitle: b\n---\nBody\n", 2, 1, "duplicate keys 'title'"),
        ]
        for (text, line, column, says) in cases {
            do {
                _ = try importMarkdown(text)
                Issue.record("invalid YAML was read: \(text)")
            } catch let error as ConversionError {
                #expect(error.diagnostic.code == "markdown.front-matter.invalid")
                #expect(error.diagnostic.location.line == line && error.diagnostic.location.column == column, "\(error)")
                #expect(error.diagnostic.message.contains(says) && !error.diagnostic.message.contains("\n"), "\(error)")
            }
        }
        #expect(throws: ConversionError.self) { try importMarkdown("---\n- a list\n---\n") }
    }

    @Test func severalArticlesAreRefused() {
        #expect(throws: ConversionError.self) { try MarkdownExporter().write([Article(), Article()], options: ConversionOptions()) }
    }
}
