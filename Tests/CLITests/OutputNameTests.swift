import Foundation
import TestSupport
import Testing

/// `-o` as pandoc users expect it: without `-t`, its extension names the format (an unknown one is
/// an error, never newsconv JSON in `story.html`); with `-t`, another format's extension is a
/// warning; a folder only where `-o` says so.
@Suite struct OutputNameTests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }
    static let dispatch = "samples/wire/efe-english-lima-port.txt"

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(newsconv, arguments, currentDirectory: Fixtures.packageRoot)
    }

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theOutputExtensionNamesTheFormat() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nitf = folder.appendingPathComponent("story.nitf").path
        #expect(try run(["convert", Self.dispatch, "-o", nitf]).status == 0)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: nitf)), as: UTF8.self).contains("<nitf"))
    }

    @Test func anExtensionNoFormatHasIsAnError() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("story.html").path
        let result = try run(["convert", Self.dispatch, "-o", html])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot tell the output format from the extension '.html'") && result.stderr.contains("nitf"))
        #expect(!FileManager.default.fileExists(atPath: html))
    }

    @Test func anotherFormatsExtensionIsAWarning() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("story.json").path
        let result = try run(["convert", Self.dispatch, "-t", "nitf", "-o", json])
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                "\(json):1:1: warning: the output \(json) has the extension of json, but nitf is written there [output.extension.mismatch]")
        )
    }

    @Test func severalArticlesInAOneArticleFormatNeedAFolder() throws {
        guard let shared = Fixtures.shared else { return }
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = shared.appendingPathComponent("corpus/superdesk/newsml-g2/video.xml").path
        let file = folder.appendingPathComponent("msg.nitf").path
        let refused = try run(["convert", message, "-t", "nitf", "-o", file])
        #expect(refused.status == 2 && refused.stderr.contains("name a folder with -o DIR/"))
        #expect(!FileManager.default.fileExists(atPath: file), "no folder named msg.nitf")
        let written = try run(["convert", message, "-t", "nitf", "-o", folder.appendingPathComponent("msg").path + "/"])
        #expect(written.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("msg").path).count == 5)
    }
}
