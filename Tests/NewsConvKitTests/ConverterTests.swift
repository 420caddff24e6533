import Foundation
import NewsConvKit
import NewsCore
import TestSupport
import Testing

/// A test exporter that holds one article per document and writes its headline.
private struct HeadlineExporter: ArticleExporter {
    func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        precondition(articles.count == 1)
        return ExportResult(data: Data((articles[0].headline ?? "-").utf8), diagnostics: [.warning("one.lossy", "dropped the body")])
    }
}

private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private let dispatch = "Headline here\n\nIslamabad, Dec 15 (EFE).- Body one.\nBody two. EFE\naa-ssk\n"

@Suite struct ConverterTests {
    @Test func standardInputToStandardOutput() throws {
        let outcome = try Converter().convert(
            ConvertRequest(inputs: [], from: "wire", to: "json"), readStandardInput: { Data(dispatch.utf8) })
        #expect(outcome.exitCode == 0)
        let text = String(decoding: try #require(outcome.standardOutput), as: UTF8.self)
        #expect(text.contains("\"place\": \"Islamabad\""))
    }

    @Test func contentDetectionOnStandardInput() throws {
        let outcome = try Converter().convert(ConvertRequest(inputs: ["-"], to: "json"), readStandardInput: { Data(dispatch.utf8) })
        #expect(outcome.exitCode == 0)
    }

    @Test func undetectableInputIsAConversionErrorListingTheFormats() throws {
        let outcome = try Converter().convert(
            ConvertRequest(inputs: ["-"], to: "json"), readStandardInput: { Data("<?xml version=\"1.0\"?><x/>".utf8) })
        #expect(outcome.exitCode == 1)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.code == "input.format.unknown")
        #expect(error.message.contains("wire") && error.message.contains("--from"))
        #expect(outcome.standardOutput == nil)
    }

    /// Formats newsrooms meet that newsconv does not read are named in the error.
    @Test(arguments: [
        ("<!DOCTYPE html>\n<!-- a <comment> -->\n<html><body><p>x</p></body></html>", "an HTML page"),
        ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>", "an RSS feed"),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>", "an Atom feed"),
    ])
    func aKnownUnsupportedFormatIsNamed(_ text: String, _ name: String) throws {
        let outcome = try Converter().convert(ConvertRequest(inputs: ["-"], to: "json"), readStandardInput: { Data(text.utf8) })
        #expect(outcome.exitCode == 1)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.code == "input.format.unknown")
        #expect(error.message.contains("looks like \(name), which newsconv does not read"))
    }

    /// An input is never replaced: `-o` naming the input (directly, through a link, or as the
    /// folder it is in) is a usage error, and the input keeps its bytes.
    @Test func theOutputIsNeverTheInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-self-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("storm.nitf").path
        try FileManager.default.copyItem(
            atPath: Fixtures.samples.appendingPathComponent("nitf/harbour-storm-full-36.xml").path, toPath: input)
        let link = folder.appendingPathComponent("link.nitf").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        for output in [input, link, folder.path] {
            let error = #expect(throws: NewsConvError.self, "-o \(output)") {
                try Converter().convert(ConvertRequest(inputs: [input], to: "nitf", output: output), readStandardInput: { Data() })
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains("never replaces its inputs"), "-o \(output)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        }
    }

    /// Inputs of one stem into a folder (a/x.txt and b/x.txt, one article each) would share
    /// x.nitf: a usage error before anything is written, not a lost article.
    @Test func twoInputsNeverShareAnOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-stems-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (sub, sample) in [("a", "efe-english-lima-port.txt"), ("b", "upi-washington.txt")] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Fixtures.samples.appendingPathComponent("wire/\(sample)"), to: folder.appendingPathComponent("\(sub)/x.txt"))
        }
        let output = folder.appendingPathComponent("out").path
        let error = #expect(throws: NewsConvError.self) {
            try Converter().convert(
                ConvertRequest(
                    inputs: [folder.appendingPathComponent("a/x.txt").path, folder.appendingPathComponent("b/x.txt").path], to: "nitf",
                    output: output + "/"),
                readStandardInput: { Data() })
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("would both be written to"))
        #expect(!FileManager.default.fileExists(atPath: output + "/x.nitf"))
    }

    /// Windows tools write UTF-16 (and sometimes UTF-32): every format reads such an input,
    /// with its byte-order mark or (XML) without one, to the same articles as its UTF-8 form.
    @Test(arguments: [
        ("wire/efe-english-lima-port.txt", "utf-16le", true), ("wire/efe-english-lima-port.txt", "utf-16be", true),
        ("wire/efe-english-lima-port.txt", "utf-32le", true), ("newsml-g2/economy-newsitem.xml", "utf-16be", false),
        ("newsml-g2/economy-newsitem.xml", "utf-16le", true), ("nitf/harbour-storm-full-36.xml", "utf-16le", false),
        ("ninjs/harbour-storm-3.json", "utf-16le", true), ("markdown/reporter-draft.md", "utf-16be", true),
    ])
    func unicodeInputsReadAsTheirUTF8Form(_ sample: String, _ encoding: String, _ mark: Bool) throws {
        let url = Fixtures.samples.appendingPathComponent(sample)
        let utf8 = try Data(contentsOf: url)
        var text = try #require(String(data: utf8, encoding: .utf8))
        text = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"\(encoding.uppercased())\"")
        let (swiftEncoding, bom): (String.Encoding, [UInt8]) =
            switch encoding {
            case "utf-16le": (.utf16LittleEndian, [0xFF, 0xFE])
            case "utf-16be": (.utf16BigEndian, [0xFE, 0xFF])
            default: (.utf32LittleEndian, [0xFF, 0xFE, 0x00, 0x00])
            }
        let data = (mark ? Data(bom) : Data()) + (try #require(text.data(using: swiftEncoding)))
        let converter = Converter()
        let path = url.path
        let expected = try converter.importDocument(
            utf8, path: path, format: converter.inputFormat(of: utf8, path: nil, requested: nil), options: ConversionOptions()
        ).articles
        // Detected from the content alone (no extension), as from standard input.
        let format = try converter.inputFormat(of: data, path: nil, requested: nil)
        let result = try converter.importDocument(data, path: path, format: format, options: ConversionOptions())
        #expect(result.diagnostics.first?.code == "input.encoding.unicode")
        #expect(result.articles.allSatisfy { $0.origin?.encoding == encoding })
        var read = result.articles
        for index in read.indices { read[index].origin?.encoding = expected[index].origin?.encoding }
        #expect(
            read == expected, "\(sample) in \(encoding): \(zip(expected, read).first { $0 != $1 }.map { irDifference($0, $1) } ?? "count")")
    }

    @Test func usageErrors() {
        let converter = Converter()
        for request in [
            ConvertRequest(inputs: ["-"], to: "nonesuch"), ConvertRequest(inputs: ["-"], from: "nonesuch", to: "json"),
            ConvertRequest(inputs: ["/no/such/file.txt"], to: "json"), ConvertRequest(inputs: ["-"], to: "anpa"),
            ConvertRequest(inputs: ["-"], to: "json", dateContext: "15/12/2023"), ConvertRequest(inputs: ["-", "-"], to: "json"),
        ] {
            #expect(throws: NewsConvError.self) { try converter.convert(request, readStandardInput: { Data(dispatch.utf8) }) }
        }
        do {
            _ = try converter.convert(ConvertRequest(inputs: ["-"], to: "nonesuch"), readStandardInput: { Data() })
        } catch {
            #expect(error.exitCode == 2)
            // The formats that write are listed; read-only ones (ANPA, NewsML 1.2) are not.
            #expect(!error.description.contains("anpa") && !error.description.contains("newsml1") && error.description.contains("json"))
        }
    }

    @Test func dateContextCompletesTheDatelineYear() throws {
        let outcome = try Converter().convert(
            ConvertRequest(inputs: ["-"], from: "wire", to: "json", dateContext: "2024-01-03"), readStandardInput: { Data(dispatch.utf8) })
        let text = String(decoding: try #require(outcome.standardOutput), as: UTF8.self)
        #expect(text.contains("\"date\": \"2023-12-15\""))
    }

    @Test func outputFileIsWrittenAndTheFormatFollowsItsExtension() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out/story.json").path
        let outcome = try Converter().convert(
            ConvertRequest(inputs: ["-"], from: "wire", output: output), readStandardInput: { Data(dispatch.utf8) })
        #expect(outcome.exitCode == 0 && outcome.writtenFiles == [output])
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"newsconv\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path)
        #expect(leftovers == ["story.json"], "no temporary file is left behind")
    }

    @Test func strictTurnsWarningsIntoFailureAndWritesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("o.json").path
        let noDateline = "Just some text without a dateline.\nAnd more.\n"
        let outcome = try Converter().convert(
            ConvertRequest(inputs: ["-"], from: "wire", to: "json", output: output, strict: true),
            readStandardInput: { Data(noDateline.utf8) })
        #expect(outcome.exitCode == 1)
        #expect(outcome.diagnostics.contains { $0.code == "wire.dateline.unrecognised" })
        #expect(!FileManager.default.fileExists(atPath: output))
        let lenient = try Converter().convert(
            ConvertRequest(inputs: ["-"], from: "wire", to: "json", output: output), readStandardInput: { Data(noDateline.utf8) })
        #expect(lenient.exitCode == 0 && FileManager.default.fileExists(atPath: output))
    }

    @Test func aFailedInputFailsTheConversionAndWritesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.txt")
        let empty = directory.appendingPathComponent("empty.txt")
        try Data(dispatch.utf8).write(to: good)
        try Data().write(to: empty)
        let output = directory.appendingPathComponent("all.json").path
        let outcome = try Converter().convert(
            ConvertRequest(inputs: [good.path, empty.path], to: "json", output: output), readStandardInput: { Data() })
        #expect(outcome.exitCode == 1)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.location.path == empty.path && error.code == "wire.input.empty")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func severalInputsIntoOneJSONDocument() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.txt")
        let b = directory.appendingPathComponent("b.txt")
        try Data(dispatch.utf8).write(to: a)
        try Data("Paris (AFP) - Texte.\n".utf8).write(to: b)
        let outcome = try Converter().convert(ConvertRequest(inputs: [a.path, b.path], to: "json"), readStandardInput: { Data() })
        let document = try JSONSerialization.jsonObject(with: try #require(outcome.standardOutput)) as? [String: Any]
        #expect((document?["articles"] as? [Any])?.count == 2)
    }

    @Test func oneArticlePerDocumentFormatsWriteOneFilePerArticle() throws {
        let one = FormatModule(name: "one", title: "One", fileExtensions: ["one"], exporter: HeadlineExporter(), holdsManyArticles: false)
        let converter = Converter(registry: FormatRegistry(BuiltinFormats.modules + [one]))
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let document =
            "{\"newsconv\": \"1.0\", \"articles\": [{\"kind\": \"text\", \"headline\": \"First\"}, {\"kind\": \"text\", \"headline\": \"Second\"}]}"
        let input = directory.appendingPathComponent("pair.json")
        try Data(document.utf8).write(to: input)

        // To standard output it is an error that says so.
        #expect(throws: NewsConvError.self) {
            try converter.convert(ConvertRequest(inputs: [input.path], to: "one"), readStandardInput: { Data() })
        }

        // A path that is no folder is one file, which cannot hold two articles: an error, no folder made.
        let out = directory.appendingPathComponent("out").path
        #expect(throws: NewsConvError.self) {
            try converter.convert(ConvertRequest(inputs: [input.path], to: "one", output: out), readStandardInput: { Data() })
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        let outcome = try converter.convert(
            ConvertRequest(inputs: [input.path], to: "one", output: out + "/"), readStandardInput: { Data() })
        #expect(outcome.exitCode == 0)
        #expect(outcome.writtenFiles.map { ($0 as NSString).lastPathComponent } == ["pair-1.one", "pair-2.one"])
        #expect(try String(contentsOfFile: out + "/pair-2.one", encoding: .utf8) == "Second")
        // The exporter's lossy-mapping warnings are reported, named after the source.
        #expect(outcome.diagnostics.filter { $0.code == "one.lossy" }.count == 2)
    }

    @Test func logIsJSONLines() throws {
        let lines = DiagnosticLog.jsonLines([
            .warning("a.b", "first", at: SourceLocation(path: "x.txt", line: 2, column: 3)), .note("c.d", "second \"quoted\""),
        ])
        let records = String(decoding: lines, as: UTF8.self).split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(records.count == 2)
        #expect(records[0]?["path"] as? String == "x.txt" && records[0]?["line"] as? Int == 2 && records[0]?["column"] as? Int == 3)
        #expect(records[0]?["severity"] as? String == "warning" && records[0]?["code"] as? String == "a.b")
        #expect(records[1]?["message"] as? String == "second \"quoted\"")
    }
}
