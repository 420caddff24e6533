import Foundation
import NewsCore
import Testing

@testable import NewsConvKit

/// The naming rules of docs/batch.md: outputs mirror the input's relative path with the target's
/// extension, `-N` for each article of a multi-article input, and no part that leaves the root.
@Suite struct BatchNamingTests {
    let registry = BuiltinFormats.registry

    @Test func outputsTakeTheTargetsExtension() throws {
        let json = try #require(registry.module(named: "json"))
        let nitf = try #require(registry.module(named: "nitf"))
        #expect(Pipeline.outputNames(for: "a/b.xml", articles: 1, target: nitf) == ["a/b.nitf"])
        #expect(Pipeline.outputNames(for: "x.tar.xml", articles: 1, target: nitf) == ["x.tar.nitf"])
        #expect(Pipeline.outputNames(for: "dir.v2/item", articles: 1, target: nitf) == ["dir.v2/item.nitf"])
        #expect(Pipeline.outputNames(for: "dir/.hidden", articles: 1, target: nitf) == ["dir/.hidden.nitf"])
        #expect(Pipeline.outputNames(for: "dir/ünï cödé.txt", articles: 1, target: nitf) == ["dir/ünï cödé.nitf"])
        #expect(Pipeline.outputNames(for: "m/message.xml", articles: 2, target: nitf) == ["m/message-1.nitf", "m/message-2.nitf"])
        // A format that holds several articles gets one file.
        #expect(Pipeline.outputNames(for: "m/message.xml", articles: 2, target: json) == ["m/message.json"])
    }

    @Test func relativePathsStayInsideTheOutput() {
        #expect(BatchInput.safeRelativePath("a/b.xml") == "a/b.xml")
        #expect(BatchInput.safeRelativePath("/abs/./x//y.xml") == "abs/x/y.xml")
        #expect(BatchInput.safeRelativePath("../../escape.txt") == "escape.txt")
        #expect(BatchInput.safeRelativePath("a/../b/..") == "a/b")
        #expect(BatchInput.safeRelativePath("..") == "input")
        #expect(BatchInput.safeRelativePath("dir/ünï cödé.txt") == "dir/ünï cödé.txt")
        #expect(BatchInput.safeRelativePath(".hidden/..x") == ".hidden/..x")
        #expect(BatchInput.safeRelativePath("a/b/") == "a/b")
        #expect(BatchInput.safeRelativePath("a/.") == "a")
        #expect(BatchInput.safeRelativePath("./a") == "a")
        #expect(BatchInput.safeRelativePath("x/.y./z") == "x/.y./z")
        #expect(BatchInput.safeRelativePath("") == "input")
        #expect(BatchInput.safeRelativePath("/tmp/a b/ü.xml") == "tmp/a b/ü.xml")
        #expect(BatchInput.safeRelativePath("//x") == "x")
        #expect(BatchInput.safeRelativePath("/") == "input")
        #expect(BatchInput.safeRelativePath("/a//b") == "a/b")
    }

    /// Sources of one name (a/in, b/in) get folders of their own.
    @Test func sourcesOfOneNameGetTheirOwnFolders() {
        #expect(BatchRunner.outputFolders(for: ["in", "in", "feed", "in"]) == ["in", "in-2", "feed", "in-3"])
        #expect(BatchRunner.outputFolders(for: ["in-2", "in", "in"]) == ["in-2", "in", "in-3"])
        #expect(BatchRunner.outputFolders(for: ["..", "stdin"]) == ["input", "stdin"])
    }

    /// Patterns without a slash look at the name, with one at the path in the source.
    @Test func includeAndExcludePatterns() {
        let xml = BatchSelection(include: ["*.xml"])
        #expect(xml.accepts("a.xml") && xml.accepts("2019/12/a.xml") && !xml.accepts("a.jpg") && !xml.accepts("xml/a.txt"))
        let notDrafts = BatchSelection(exclude: ["drafts/*", "*.bak"])
        #expect(
            notDrafts.accepts("a.xml") && !notDrafts.accepts("drafts/a.xml") && !notDrafts.accepts("drafts/x/y.txt")
                && !notDrafts.accepts("b/c.bak"))
        let both = BatchSelection(include: ["*.xml", "*.txt"], exclude: ["afp-*"])
        #expect(both.accepts("reuters-1.xml") && !both.accepts("afp-1.xml") && !both.accepts("afp.jpg") && both.accepts("x/ap [1].txt"))
        #expect(BatchSelection().accepts("anything/at all.bin"))
    }

    @Test func hiddenArchiveEntriesAreKnown() {
        #expect(BatchInput.isHidden(".DS_Store") && BatchInput.isHidden("a/.git/config") && BatchInput.isHidden("__MACOSX/a/._b.xml"))
        #expect(
            !BatchInput.isHidden("./a.xml") && !BatchInput.isHidden("a/../b.xml") && !BatchInput.isHidden("a.b/c.xml")
                && !BatchInput.isHidden("x/__MACOSX.xml"))
    }

    /// A list on standard input: one path a line, LF or CRLF, spaces and tabs around a path
    /// dropped, blank lines skipped, spaces and non-ASCII inside a name kept.
    @Test func listedPathsAreLinesTrimmed() {
        let list = Data("a.xml\r\n  dir/ünï cödé.xml\t\n\n \t \nlast.xml".utf8)
        #expect(BatchSource.listedPaths(list).map(\.path) == ["a.xml", "dir/ünï cödé.xml", "last.xml"])
        #expect(BatchSource.listedPaths(list).allSatisfy { $0.raw == nil })
        #expect(BatchSource.listedPaths(Data()) == [])
        #expect(BatchSource.listedPaths(Data("\n\r\n".utf8)) == [])
        // A Latin-1 name keeps its bytes, to be opened by them.
        let latin1 = BatchSource.listedPaths(Data(Array("in/caf".utf8) + [0xE9] + Array(".txt\n".utf8)))
        #expect(latin1 == [.init(path: "in/café.txt", raw: Array("in/caf".utf8) + [0xE9] + Array(".txt".utf8))])
    }

    /// The rate and the time left are given once the batch has run a second (before, the rate is
    /// mostly start-up: the first file alone once promised seven minutes for 20,000 files).
    @Test func theTimeLeftWaitsForARealRate() {
        let early = BatchProgress(done: 1, total: 20_000, failed: 0, elapsed: 0.02)
        #expect(!early.rateIsKnown && early.eta == nil)
        let later = BatchProgress(done: 10, total: 100, failed: 0, elapsed: 2)
        #expect(later.rateIsKnown && later.filesPerSecond == 5 && later.eta == 18)
        #expect(BatchProgress(done: 10, total: nil, failed: 0, elapsed: 2).eta == nil)
    }
}
