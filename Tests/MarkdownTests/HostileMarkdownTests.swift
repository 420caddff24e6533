import Foundation
import NewsCore
import NewsYAML
import TestSupport
import Testing

@testable import Markdown

/// Markdown made to hurt: refused at once with a located error, never a crash (issue 21).
@Suite struct HostileMarkdownTests {
    /// 100,000 nested quotes, emphasis 50,000 deep, lists 3,000 deep: each used to overflow the
    /// stack in the recursive conversion.
    @Test(arguments: [
        ("quotes", "# T\n\n" + String(repeating: ">", count: 100_000) + " x\n", 3),
        ("emphasis", "# T\n\n" + String(repeating: "*a ", count: 50_000) + "x" + String(repeating: " b*", count: 50_000) + "\n", 3),
        ("lists", "# T\n\n" + (0..<3_000).map { String(repeating: "  ", count: $0) + "- x\n" }.joined(), 130),
    ])
    func nestingDeeperThanTheLimitIsALocatedError(_ kind: String, _ text: String, _ line: Int) throws {
        let error = try #require(throws: ConversionError.self) { try importMarkdown(text) }
        #expect(error.diagnostic.code == "markdown.input.too-deep" && error.diagnostic.severity == .error, "\(kind)")
        #expect(error.diagnostic.location.line == line, "\(kind)")
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let text = "# T\n\n" + String(repeating: "> ", count: 100) + "x\n"
        #expect(try importMarkdown(text).articles[0].body.count == 1)
    }

    /// Nine anchors, each a list of nine aliases of the previous one: billions of values.
    @Test func anAliasBombIsRefusedAtOnce() throws {
        var yaml = "---\ntitle: T\na: &a [x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "tags: *i\n---\n\nBody.\n"
        let started = Date()
        let error = try #require(throws: ConversionError.self) { try importMarkdown(yaml) }
        #expect(error.diagnostic.code == "markdown.front-matter.aliases")
        #expect(error.diagnostic.location == NewsCore.SourceLocation(path: "draft.md", line: 2, column: 1))
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aFewAliasesAreRead() throws {
        let text = "---\ntitle: T\nshared: &k [alpha, beta]\ntags: *k\n---\n\nBody.\n"
        #expect(try importMarkdown(text).articles[0].keywords == ["alpha", "beta"])
    }

    @Test func anAliasIsOnlyWhatNamesAnAnchor() {
        #expect(FrontMatter.aliasCount("title: R &D *today*\nx: 5 * 3") == 0)
        #expect(FrontMatter.aliasCount("a: &x [1]\nb: *x\nc: [*x, *y]") == 2)
    }

    @Test func theNodeCountStopsAtItsLimit() throws {
        let node = try #require(try YAMLComposer.compose("a: [1, 2, 3]\nb: {c: d}"))
        // The mapping, its keys a and b, the list and its three items, the inner mapping, c and d.
        #expect(node.count(upTo: 100) == 10)
        #expect(node.count(upTo: 4) == 4)
    }
}

/// What is no Markdown text is said, not read as an empty draft (issue 21).
@Suite struct NotMarkdownTests {
    @Test(arguments: [("", 1, 1), ("  \n\t\n", 1, 1)])
    func anEmptyDocumentIsAnError(_ text: String, _ line: Int, _ column: Int) throws {
        let error = try #require(throws: ConversionError.self) { try importMarkdown(text) }
        #expect(error.diagnostic.code == "markdown.input.empty")
        #expect(error.diagnostic.location == NewsCore.SourceLocation(path: "draft.md", line: line, column: column))
    }

    @Test func aNULIsBinaryAtItsPlace() throws {
        let error = try #require(throws: ConversionError.self) {
            try MarkdownImporter().read(ImportInput(data: Data("# T\n\nab\0c".utf8), path: "draft.md"), options: ConversionOptions())
        }
        #expect(error.diagnostic.code == "markdown.input.binary")
        #expect(error.diagnostic.location == NewsCore.SourceLocation(path: "draft.md", line: 3, column: 3))
    }
}

/// Found by the fuzzer (docs/reliability.md): text dense with control characters was written raw,
/// and the file then read as binary. They are written as character references and read back.
@Suite struct ControlCharacterTests {
    @Test func controlCharactersAreWrittenAsReferencesAndReadBack() throws {
        let text = "a\u{1}\u{6}\u{1A}b \u{0F}\u{0F}\u{0F} c\u{7F}"
        let (markdown, _) = try exportMarkdown(Article(headline: "T", body: [.paragraph([.text(text)])]))
        #expect(!markdown.unicodeScalars.contains { MarkdownWriter.isControl($0) })
        #expect(markdown.contains("a&#1;&#6;&#26;b &#15;&#15;&#15; c&#127;"))
        #expect(try importMarkdown(markdown).articles[0].body == [.paragraph([.text(text)])])
    }
}
