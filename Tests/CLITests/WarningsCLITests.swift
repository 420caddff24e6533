import Foundation
import TestSupport
import Testing

/// Warnings a user can act on (issue 20, item 3): `--ignore`, a `--strict` failure that names
/// its warnings, `--verbose` detection, a batch's summary by code, paths as the source was given.
@Suite struct WarningsCLITests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }
    let item = "samples/newsml-g2/economy-newsitem.xml"

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(newsconv, arguments, currentDirectory: Fixtures.packageRoot)
    }

    @Test func aStrictFailureNamesItsWarningsAndWritesNothing() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-strict-\(UUID().uuidString).nitf")
        let result = try run(["convert", item, "-t", "nitf", "--strict", "-o", output.path])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(item):1:1: error: nothing was written: under --strict these warnings fail the conversion: nitf.export.dropped-fields (1) (--ignore CODE accepts one) [output.strict]"
            ), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test(arguments: ["nitf.export.dropped-fields", "nitf.export", "nitf"])
    func ignoreTakesACodeOrADottedPrefix(_ code: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-ignore-\(UUID().uuidString).nitf")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try run(["convert", item, "-t", "nitf", "--strict", "--ignore", code, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("nitf.export.dropped-fields"))
        #expect(FileManager.default.fileExists(atPath: output.path))
    }

    /// A prefix must end where a part of the code does (`nitf.exp` is no prefix of
    /// `nitf.export.dropped-fields`), and errors are never dropped.
    @Test func ignoreNeverDropsErrorsOrPartialWords() throws {
        let partial = try run(["convert", item, "-t", "nitf", "--strict", "--ignore", "nitf.exp", "-o", "/dev/null"])
        #expect(partial.status == 1 && partial.stderr.contains("[nitf.export.dropped-fields]"))
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-broken-\(UUID().uuidString).xml")
        try Data("<nitf><body>".utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let failed = try run(["convert", broken.path, "-t", "json", "--ignore", "xml"])
        #expect(failed.status == 1 && failed.stderr.contains("[xml.parse."), "\(failed.stderr)")
    }

    @Test func verboseSaysHowTheFormatWasChosen() throws {
        let detected = try run(["convert", "samples/nitf/efe-style-initials-byline.xml", "-t", "json", "--verbose", "-o", "/dev/null"])
        #expect(
            detected.stderr.contains(
                "samples/nitf/efe-style-initials-byline.xml:1:1: note: read as nitf, detected from its content (confidence 90%) [input.format.detected]"
            ), "\(detected.stderr)")
        let byExtension = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "json", "--verbose", "-o", "/dev/null"])
        #expect(byExtension.stderr.contains("note: read as wire, detected from its extension (confidence 100%)"), "\(byExtension.stderr)")
        let named = try run([
            "convert", "samples/wire/efe-english-lima-port.txt", "-f", "wire", "-t", "json", "--verbose", "-o", "/dev/null",
        ])
        #expect(!named.stderr.contains("input.format.detected"))
    }

    /// Past the first ten, failures are counted, not printed; the summary gives each code's count
    /// and first file; paths are as the source was given, in the summary and in the report.
    @Test func aBatchEndsWithASummaryByCode() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-summary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        for index in 0..<25 {
            try Data("<nitf><body>".utf8).write(to: source.appendingPathComponent(String(format: "bad-%02d.xml", index)))
        }
        try FileManager.default.copyItem(
            at: Fixtures.samples.appendingPathComponent("newsml-g2/economy-newsitem.xml"), to: source.appendingPathComponent("good.xml"))
        let result = try ProcessRunner.run(
            newsconv, ["batch", "in/", "-t", "nitf", "-o", "out", "--report", "report.jsonl"], currentDirectory: root)
        #expect(result.status == 3)
        let failureLines = result.stderr.split(separator: "\n").filter { $0.contains("error:") && $0.contains("[xml.parse.") }
        #expect(failureLines.count == 10, "\(result.stderr)")
        #expect(result.stderr.contains("newsconv batch: more inputs fail; the summary at the end counts them by code"))
        #expect(result.stderr.contains("newsconv batch: warnings and errors by code:"))
        #expect(result.stderr.contains("nitf.export.dropped-fields: 1 warning (first: in/good.xml)"), "\(result.stderr)")
        let parseLine = result.stderr.split(separator: "\n").first { $0.hasPrefix("  xml.parse.") }
        #expect(parseLine?.contains(": 25 errors (first: in/bad-") == true, "\(result.stderr)")
        let lines = try String(contentsOf: root.appendingPathComponent("report.jsonl"), encoding: .utf8).split(separator: "\n")
        let paths = lines.dropLast().compactMap {
            ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["path"] as? String
        }
        #expect(paths.count == 26 && paths.allSatisfy { $0.hasPrefix("in/") }, "\(paths)")
        let summary = (try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])?["summary"] as? [String: Any]
        let codes = summary?["codes"] as? [String: [String: Any]]
        #expect(codes?["nitf.export.dropped-fields"]?["count"] as? Int == 1)
        #expect(codes?["nitf.export.dropped-fields"]?["first"] as? String == "in/good.xml")
    }
}
