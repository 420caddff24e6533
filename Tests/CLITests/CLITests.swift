import Foundation
import TestSupport
import Testing

/// End-to-end tests of the built `newsconv` executable: the CLI contract of docs/cli.md.
@Suite struct CLITests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }

    func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(newsconv, arguments, stdin: stdin, environment: environment, currentDirectory: Fixtures.packageRoot)
    }

    @Test func theExecutableIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: newsconv.path), "expected newsconv at \(newsconv.path)")
    }

    /// `--limit NAME=VALUE` lowers what an input may hold: the located error names the limit
    /// set; an unknown name is a usage error listing the limits (issue 21).
    @Test func aLimitIsSetOnTheCommandLine() throws {
        let deep = Data((String(repeating: "> ", count: 20) + "deep\n").utf8)
        let refused = try run(["convert", "-", "-f", "markdown", "-t", "json", "--limit", "nesting-depth=8"], stdin: deep)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("nests deeper than 8 levels") && refused.stderr.contains("[markdown.input.too-deep]"),
            "\(refused.stderr)")
        #expect(try run(["convert", "-", "-f", "markdown", "-t", "json"], stdin: deep).status == 0)
        let unknown = try run(["convert", "samples/wire/efe-english-lima-port.txt", "--limit", "depth=8"])
        #expect(unknown.status == 2 && unknown.stderr.contains("the limits are nesting-depth,"), "\(unknown.stderr)")
    }

    @Test func convertASampleToJSON() throws {
        let result = try run(["convert", "samples/wire/efe-english-lima-port.txt", "--to", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try Data(contentsOf: Fixtures.samples.appendingPathComponent("wire/expected/efe-english-lima-port.json"))
        #expect(result.stdout == expected)
        #expect(result.stderr.isEmpty)
    }

    /// A full disk under standard output is said, with exit code 1; never a trap (issue 21).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullStandardOutputIsAnErrorNotATrap() throws {
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "\"$0\" convert samples/wire/efe-english-lima-port.txt -t json > /dev/full", newsconv.path],
            currentDirectory: Fixtures.packageRoot)
        #expect(result.status == 1)
        #expect(result.stderr == "newsconv: cannot write standard output: No space left on device\n")
    }

    /// The first hour (issue 20): the version, a misspelled help topic, `-o -`.
    @Test func versionNamesTheLibrariesItWasBuiltWith() throws {
        let result = try run(["--version"])
        #expect(result.status == 0)
        #expect(
            result.stdoutText.range(
                of: #"^newsconv \d+\.\d+\.\d+ \(libxml2 \d+\.\d+\.\d+, libcmark \d+\.\d+\.\d+\)\n$"#, options: .regularExpression)
                != nil, "\(result.stdoutText)")
    }

    @Test func helpOnNoSubcommandIsAUsageError() throws {
        let result = try run(["help", "nosuch"])
        #expect(result.status == 2)
        #expect(result.stderr == "newsconv: no subcommand 'nosuch'\nSee 'newsconv --help'.\n")
        #expect(try run(["help", "convert"]).status == 0)
        let close = try run(["help", "bach"])
        #expect(close.status == 2 && close.stderr == "newsconv: no subcommand 'bach'; did you mean 'batch'?\nSee 'newsconv --help'.\n")
    }

    /// Misspellings say what was meant (issue 20, item 1): a subcommand, a format, a format option.
    @Test func misspellingsSayWhatWasMeant() throws {
        let sample = Fixtures.samples.appendingPathComponent("wire/efe-english-lima-port.txt").path
        let cases: [([String], String)] = [
            (["convrt", sample], "newsconv: no subcommand 'convrt'; did you mean 'convert'?\nSee 'newsconv --help'.\n"),
            (["convert", sample, "-t", "nitff"], "unknown output format 'nitff'; did you mean 'nitf'?; formats that can be written:"),
            (["convert", sample, "-f", "wier"], "unknown input format 'wier'; did you mean 'wire'?; formats that can be read:"),
            (
                ["convert", sample, "-t", "ninjs", "--option", "ninjs.profil=2"],
                "unknown format option 'ninjs.profil'; did you mean 'ninjs.profile'?"
            ),
        ]
        for (arguments, message) in cases {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        // Nothing close: no guess.
        #expect(!(try run(["convert", sample, "-t", "docx"])).stderr.contains("did you mean"))
    }

    /// `validate -` reads standard input, named `<stdin>`; an empty one is said to be empty.
    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func validateReadsStandardInput() throws {
        let standards = try #require(Fixtures.shared).appendingPathComponent("standards").path
        let item = try Data(contentsOf: Fixtures.samples.appendingPathComponent("newsml-g2/economy-newsitem.xml"))
        let valid = try ProcessRunner.run(newsconv, ["validate", "-", "--schemas", standards], stdin: item)
        #expect(valid.status == 0 && valid.stdoutText == "<stdin>: valid (newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd)\n", "\(valid.stderr)")
        let empty = try ProcessRunner.run(newsconv, ["validate", "-", "--schemas", standards], stdin: Data())
        #expect(empty.status == 1 && empty.stderr == "<stdin>:1:1: error: the input is empty [input.empty]\n", "\(empty.stderr)")
        // UTF-16 and UTF-32, which `convert` reads, are validated as it reads them (issue 21).
        let text = String(decoding: item, as: UTF8.self)
        for encoding: String.Encoding in [.utf16, .utf32] {
            let name = encoding == .utf16 ? "UTF-16" : "UTF-32"
            let wide = try #require(text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"\(name)\"").data(using: encoding))
            let checked = try ProcessRunner.run(newsconv, ["validate", "-", "--schemas", standards], stdin: wide)
            #expect(checked.status == 0 && checked.stdoutText.contains("valid"), "\(name): \(checked.stderr)")
        }
    }

    /// `--no-clobber` leaves an existing output alone and writes nothing; without it the output
    /// is replaced (issue 20, item 9).
    @Test func noClobberLeavesAnExistingOutputAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-clobber-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("story.json")
        try Data("keep me".utf8).write(to: output)
        let sample = Fixtures.samples.appendingPathComponent("wire/efe-english-lima-port.txt").path
        let refused = try run(["convert", sample, "-o", output.path, "--no-clobber"])
        #expect(refused.status == 1 && refused.stderr.contains("[output.exists]"), "\(refused.stderr)")
        let kept = try Data(contentsOf: output)
        #expect(kept == Data("keep me".utf8))
        let replaced = try run(["convert", sample, "-o", output.path])
        let written = try Data(contentsOf: output)
        #expect(replaced.status == 0 && written != Data("keep me".utf8))
    }

    /// Shell completions offer the formats after -f and -t (issue 20, item 5).
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsOfferTheFormats(_ shell: String) throws {
        let result = try run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for name in ["wire", "json", "newsml-g2", "nitf", "ninjs", "markdown", "newsml1", "anpa"] {
            #expect(result.stdoutText.contains(name), "\(shell) completion lacks \(name)")
        }
    }

    /// The man pages (`swift package generate-manual`, README) are made from what
    /// `--experimental-dump-help` prints: every command with its abstract, every option with
    /// its help, so that no page has an empty entry. (The plugin itself cannot run inside
    /// `swift test`, which holds the build folder.)
    @Test func theManPagesSourceDescribesEveryCommandAndOption() throws {
        let result = try run(["--experimental-dump-help"])
        #expect(result.status == 0)
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutText.utf8)) as? [String: Any])
        let root = try #require(dump["command"] as? [String: Any])
        let commands = try #require(root["subcommands"] as? [[String: Any]])
        #expect(
            Set(commands.compactMap { $0["commandName"] as? String }).isSuperset(of: [
                "convert", "batch", "stream", "serve", "formats", "validate",
            ]))
        for command in commands where command["commandName"] as? String != "help" {
            let name = command["commandName"] as? String ?? "?"
            #expect((command["abstract"] as? String)?.isEmpty == false, "\(name) has no abstract")
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect((argument["abstract"] as? String)?.isEmpty == false, "\(name) \(names) has no help")
            }
        }
    }

    /// Markdown for people (issue 20, item 7): a draft from standard input with its dateline as
    /// a plain lead-in comes back as Markdown with the dateline parsed, in bold once, and a wire
    /// dispatch's desk initials only in the front matter.
    @Test func markdownDraftsAndEndMatter() throws {
        let draft = "---\ntitle: Port\n---\n\nLIMA, Dec 3 (EFE) - The port reopened, 5 * 3 times.\n"
        let result = try run(["convert", "-", "-f", "markdown", "-t", "markdown"], stdin: Data(draft.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("dateline:\n  text: LIMA, Dec 3 (EFE) -\n  place: LIMA\n  date: --12-03\n  agency: EFE\n"))
        #expect(result.stdoutText.hasSuffix("\n**LIMA, Dec 3 (EFE) -** The port reopened, 5 * 3 times.\n"))
        let wire = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "markdown"])
        #expect(wire.status == 0 && wire.stdoutText.contains("trailers:\n- jrv-mcs\n"))
        #expect(!wire.stdoutText.contains("\n\njrv-mcs"))
    }

    /// One prefix for every error, and one pointer to the help.
    @Test func aParserErrorHasOnePrefixAndOneUsagePointer() throws {
        let result = try run(["convert", "--stirct", "x"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("newsconv: Unknown option '--stirct'. Did you mean '--strict'?\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("Error:"))
        #expect(result.stderr.components(separatedBy: "--help").count == 2, "\(result.stderr)")
    }

    @Test func dashOutputIsStandardOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-dash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Fixtures.samples.appendingPathComponent("wire/efe-english-lima-port.txt").path
        let dashed = try ProcessRunner.run(newsconv, ["convert", sample, "-t", "json", "-o", "-"], currentDirectory: folder)
        #expect(dashed.status == 0)
        #expect(dashed.stdout == (try run(["convert", sample, "-t", "json"])).stdout)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
    }

    @Test func dashLogIsStandardError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-dashlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Fixtures.samples.appendingPathComponent("wire/iptc7901-hamburg.iptc").path
        let result = try ProcessRunner.run(newsconv, ["convert", sample, "-t", "json", "--log", "-"], currentDirectory: folder)
        #expect(result.status == 0)
        // The notes of the conversion (a 7901 envelope was read), one JSON object a line, on standard error.
        #expect(result.stderr.contains("\"code\":\"wire.iptc7901.envelope\""), "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(!lines.isEmpty && lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil }, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
    }

    @Test func standardInputWithShortOptions() throws {
        let result = try run(["convert", "-f", "wire", "-t", "json"], stdin: Data("Paris (AFP) - Texte.\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("\"place\": \"Paris\""))
    }

    @Test func unknownFormatIsAUsageErrorListingTheFormats() throws {
        let result = try run(["convert", "samples/wire/upi-washington.txt", "--to", "docx"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown output format 'docx'"))
        #expect(result.stderr.contains("json"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingFileIsAUsageError() throws {
        let result = try run(["convert", "no/such/dispatch.txt", "--to", "json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such file: no/such/dispatch.txt"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try run(["convert", "--frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("frobnicate"))
    }

    @Test func aFailedDocumentExitsOneWithALocatedDiagnostic() throws {
        let result = try run(["convert", "-", "-f", "json", "-t", "json"], stdin: Data("{\"newsconv\": \"7.0\", \"articles\": []}".utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("<stdin>:1:14: error: "))
        #expect(result.stderr.contains("[json.version.unsupported]"))
    }

    /// libxml2 also prints some errors itself (an encoding it cannot switch to); standard error
    /// holds only newsconv's located diagnostic, in convert and in batch's worker threads.
    @Test func libxml2PrintsNothingOfItsOwn() throws {
        let sample = try String(contentsOf: Fixtures.samples.appendingPathComponent("newsml-g2/economy-newsitem.xml"), encoding: .utf8)
        let document = Data(sample.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-32\"").utf8)
        #expect(document.starts(with: Data("<?xml version=\"1.0\" encoding=\"UTF-32\"?>".utf8)))
        let converted = try run(["convert", "-", "-f", "newsml-g2", "-t", "json"], stdin: document)
        #expect(converted.status == 1)
        #expect(converted.stderr.hasPrefix("<stdin>:1:"), "\(converted.stderr)")
        #expect(converted.stderr.split(separator: "\n").count == 1, "\(converted.stderr)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        for index in 0..<4 { try document.write(to: folder.appendingPathComponent("in/item-\(index).xml")) }
        let batch = try run([
            "batch", folder.appendingPathComponent("in").path, "-t", "json", "-o", folder.appendingPathComponent("out").path, "--jobs", "2",
            "--quiet",
        ])
        #expect(batch.status == 1)
        #expect(batch.stderr.isEmpty, "\(batch.stderr)")
    }

    @Test func warningsAreLinesOnStandardErrorAndStrictFails() throws {
        let text = Data("A notice\n\nNo dateline in this text.\n".utf8)
        let lenient = try run(["convert", "-f", "wire", "-t", "json"], stdin: text)
        #expect(lenient.status == 0)
        #expect(
            lenient.stderr
                == "<stdin>:3:1: warning: no dateline recognised at the start of the first paragraphs (expected e.g. 'PLACE, Mon DD (AGENCY) -'); the text is kept as body [wire.dateline.unrecognised]\n"
        )
        let strict = try run(["convert", "-f", "wire", "-t", "json", "--strict"], stdin: text)
        #expect(strict.status == 1)
        #expect(strict.stdout.isEmpty)
    }

    @Test func logWritesJSONLines() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let result = try run(["convert", "samples/wire/iptc7901-hamburg.iptc", "-t", "json", "--log", log.path])
        #expect(result.status == 0)
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(record?["code"] is String && record?["severity"] is String && record?["line"] is Int)
        }
        #expect(lines.contains { $0.contains("wire.iptc7901.envelope") })
    }

    @Test func dateContextOption() throws {
        let result = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "json", "--date-context", "2024-03-05"])
        #expect(result.stdoutText.contains("\"date\": \"2024-03-04\""))
        let bad = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "json", "--date-context", "yesterday"])
        #expect(bad.status == 2)
    }

    @Test func formatsListsEveryFormat() throws {
        let text = try run(["formats"])
        #expect(text.status == 0)
        #expect(text.stdoutText.contains("wire") && text.stdoutText.contains("json"))
        let json = try run(["formats", "--json"])
        let object = try JSONSerialization.jsonObject(with: json.stdout) as? [String: [[String: Any]]]
        let names = object?["formats"]?.compactMap { $0["name"] as? String }
        // The built-ins first, in their order (a scaffolded module is added after them).
        #expect(Array((names ?? []).prefix(6)) == ["wire", "json", "newsml-g2", "nitf", "ninjs", "markdown"])
    }

    @Test func aFormatOptionSelectsTheNinjsProfile() throws {
        let one = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "ninjs", "--option", "ninjs.profile=1"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdoutText.contains("\"$standard\"") && one.stdoutText.contains("\"body_html\""))
        let three = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "ninjs"])
        #expect(three.stdoutText.contains("\"version\": \"3.1\"") && three.stdoutText.contains("\"bodies\""))
        let unknown = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "ninjs", "--option", "ninjs.flavour=2"])
        #expect(unknown.status == 2 && unknown.stderr.contains("ninjs.profile"))
        let malformed = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "ninjs", "--option", "profile"])
        #expect(malformed.status == 2)
        let badValue = try run(["convert", "samples/wire/efe-english-lima-port.txt", "-t", "ninjs", "--option", "ninjs.profile=7"])
        #expect(badValue.status == 1 && badValue.stderr.contains("ninjs.option.invalid"))
    }

    @Test func severalArticlesIntoNITFGiveOneFileEachInADirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-nitf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let result = try run(["convert", "samples/newsml-g2/two-items-newsmessage.xml", "-t", "nitf", "-o", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["two-items-newsmessage-1.nitf", "two-items-newsmessage-2.nitf"])
        let toStdout = try run(["convert", "samples/newsml-g2/two-items-newsmessage.xml", "-t", "nitf"])
        #expect(toStdout.status == 2)
        #expect(toStdout.stderr.contains("one article per document"))
    }

    @Test func helpExitsZero() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("convert"))
    }
}

@Suite struct ValidateCLITests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(newsconv, arguments, environment: environment, currentDirectory: Fixtures.packageRoot)
    }

    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func validAndInvalidDocuments() throws {
        let standards = try #require(Fixtures.shared).appendingPathComponent("standards").path
        let valid = try run(["validate", "samples/newsml-g2/economy-newsitem.xml", "--schemas", standards])
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(valid.stdoutText == "samples/newsml-g2/economy-newsitem.xml: valid (newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd)\n")

        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-bad-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: bad) }
        try Data(
            "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"x\" standard=\"NewsML-G2\" standardversion=\"2.35\">\n<bogus/>\n</newsItem>"
                .utf8
        ).write(to: bad)
        let invalid = try run(["validate", bad.path], environment: ["NEWSCONV_SCHEMAS": standards])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.hasPrefix("\(bad.path):2:1: error: "))
        #expect(invalid.stderr.contains("bogus"))
    }

    @Test func usageErrors() throws {
        let noSchemas = try run(["validate", "samples/newsml-g2/economy-newsitem.xml"], environment: ["NEWSCONV_SCHEMAS": ""])
        #expect(noSchemas.status == 2)
        // Named with --from, a format without a schema is a usage error; detected, it fails that
        // file only, and the others are still validated.
        let noSchema = try run(["validate", "samples/wire/upi-washington.txt", "-f", "wire", "--schemas", "."])
        #expect(noSchema.status == 2 && noSchema.stderr.contains("no official schema"))
        let detected = try run(["validate", "samples/wire/upi-washington.txt", "samples/ninjs/harbour-storm-3.json", "--schemas", "."])
        #expect(
            detected.status == 1
                && detected.stderr.hasPrefix(
                    "samples/wire/upi-washington.txt:1:1: error: the file reads as wire, a format with no official schema"),
            "\(detected.stderr)")
        #expect(
            detected.stderr.contains("[validate.no-schema]") && detected.stderr.contains("[ninjs.schema.missing]"),
            "the second file is still looked at: \(detected.stderr)")
        let missing = try run(["validate", "nope.xml", "--schemas", "."])
        #expect(missing.status == 2)
    }
}
