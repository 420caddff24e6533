import Foundation
import TestSupport
import Testing

/// `-M KEY=VALUE` and `--defaults FILE` (issue 20, item 6).
@Suite struct DefaultsCLITests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }
    let dispatch = "samples/wire/efe-english-lima-port.txt"

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(newsconv, arguments, currentDirectory: Fixtures.packageRoot)
    }

    func article(_ result: ProcessResult) -> [String: Any]? {
        ((try? JSONSerialization.jsonObject(with: result.stdout)) as? [String: Any]).flatMap { ($0["articles"] as? [[String: Any]])?.first }
    }

    /// Metadata fills what the input lacks, says so, and never replaces what the input has.
    @Test func metadataFillsWhatTheInputLacks() throws {
        let result = try run([
            "convert", dispatch, "-t", "json", "-M", "language=en-GB", "-M", "provider=EFE", "-M", "urgency=2", "--verbose",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let filled = article(result)
        #expect(filled?["urgency"] as? Int == 2)
        #expect((filled?["provider"] as? [String: Any])?["name"] as? String == "EFE")
        #expect(result.stderr.contains("note: urgency set to '2', given with -M or --defaults; the input had none [metadata.set]"))
        #expect(filled?["language"] as? String == "en-GB")
        // A NewsML-G2 item says its language: -M does not replace it, and says nothing.
        let item = "samples/newsml-g2/economy-newsitem.xml"
        let plain = article(try run(["convert", item, "-t", "json"]))
        let kept = try run(["convert", item, "-t", "json", "-M", "language=xx", "--verbose"])
        #expect(plain?["language"] is String && article(kept)?["language"] as? String == plain?["language"] as? String)
        #expect(!kept.stderr.contains("language set to"))
    }

    @Test func badMetadataIsAUsageError() throws {
        let cases: [(String, String)] = [
            ("langage=en", "-M langage: no such metadata; did you mean 'language'?"), ("urgency=high", "-M urgency takes a whole number"),
            ("embargoed=tomorrow", "-M embargoed takes an ISO 8601 date"), ("language", "-M expects KEY=VALUE"),
        ]
        for (argument, message) in cases {
            let result = try run(["convert", dispatch, "-t", "json", "-M", argument])
            #expect(result.status == 2 && result.stderr.contains(message), "\(argument): \(result.stderr)")
        }
    }

    /// The file's options apply; the command line's win over them.
    @Test func defaultsComeFromAFileAndTheCommandLineWins() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-defaults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("desk.yaml")
        try Data(
            """
            to: json
            metadata: { provider: EFE, urgency: 4 }
            ignore: [nitf.export]
            strict: true

            """.utf8
        ).write(to: file)
        let fromFile = try run(["convert", dispatch, "-d", file.path])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(article(fromFile)?["urgency"] as? Int == 4)
        let overridden = try run(["convert", dispatch, "-d", file.path, "-M", "urgency=1"])
        #expect(article(overridden)?["urgency"] as? Int == 1)
        // strict: true from the file, and its ignore lets a G2 item to NITF pass.
        let nitf = try run(["convert", "samples/newsml-g2/economy-newsitem.xml", "-d", file.path, "-t", "nitf", "-o", "/dev/null"])
        #expect(nitf.status == 0, "\(nitf.stderr)")

        try Data("tto: nitf\n".utf8).write(to: file)
        let misspelled = try run(["convert", dispatch, "-d", file.path])
        #expect(misspelled.status == 2 && misspelled.stderr.contains("no option 'tto'; did you mean 'to'?"), "\(misspelled.stderr)")
        try Data("strict: maybe\n".utf8).write(to: file)
        let badValue = try run(["convert", dispatch, "-d", file.path])
        #expect(badValue.status == 2 && badValue.stderr.contains("strict takes true or false"), "\(badValue.stderr)")
    }

    /// A defaults file is read as safely as front matter: an alias bomb (a billion laughs) is
    /// refused at once instead of expanding for ever, an integer that traps Yams's arithmetic
    /// is refused instead of crashing, and bad YAML is located.
    @Test func aHostileDefaultsFileIsAUsageError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-defaults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("desk.yaml")
        var bomb = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let cases: [(String, String)] = [
            (bomb, "stands for more than 100000 YAML values once its aliases are expanded"),
            ("to: json\nstrict: 1:0:0:0:0:0:0:0:0:0:0\n", "line 2, column 9: 1:0:0:0:0:0:0:0:0:0:0 is an integer too large to read"),
            ("to: [json\n", "not valid YAML: "),
        ]
        for (yaml, message) in cases {
            try Data(yaml.utf8).write(to: file)
            let result = try run(["convert", dispatch, "-d", file.path])
            #expect(result.status == 2 && result.stderr.contains(message), "\(result.stderr)")
        }
    }
}
