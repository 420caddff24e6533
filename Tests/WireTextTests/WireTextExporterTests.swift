import Foundation
import NewsCore
import TestSupport
import Testing

@testable import WireText

func exportWire(_ article: Article, _ options: [String: String] = [:]) throws -> ExportResult {
    try WireTextExporter().write([article], options: ConversionOptions(formatOptions: options))
}

/// The article as compared after a round trip: without its origin (the path, the encoding).
func comparable(_ article: Article) -> Article {
    var copy = article
    copy.origin = nil
    return copy
}

/// wire -> IR -> wire -> IR gives the same IR, for every wire sample and corpus dispatch, plain
/// and in 7901 framing.
@Suite struct WireRoundTripTests {
    static var dispatches: [URL] {
        var urls = Fixtures.files(in: Fixtures.samples.appendingPathComponent("wire"), extensions: ["txt", "iptc"])
        if let shared = Fixtures.shared {
            for folder in ["corpus/seed", "corpus/superdesk/iptc7901", "corpus/iptc/iptc7901"] {
                urls += Fixtures.files(in: shared.appendingPathComponent(folder), extensions: ["txt", "iptc"])
            }
        }
        return urls
    }

    @Test func thereAreDispatchesOfBothKinds() {
        #expect(Self.dispatches.count >= (Fixtures.shared == nil ? 12 : 25))
    }

    /// A 7901 dispatch written as 7901, and a plain one as plain, read back to the same article.
    @Test(arguments: dispatches)
    func aDispatchRoundTripsInItsOwnFraming(_ url: URL) throws {
        let (article, _) = try importWire(try Data(contentsOf: url), path: url.path)
        let is7901 = article.extensions["iptc7901:header"] != nil
        let written = try exportWire(article, [WireTextExporter.Option.framing: is7901 ? "iptc7901" : "plain"])
        let (back, _) = try importWire(written.data, path: "back.txt")
        #expect(comparable(back) == comparable(article), "\(url.lastPathComponent): \(irDifference(comparable(article), comparable(back)))")
    }

    /// Every dispatch in 7901 framing: the same article, save the header fields the framing
    /// supplies (with a warning) where a plain dispatch had none; the bytes are the same on
    /// every run.
    @Test(arguments: dispatches)
    func aDispatchRoundTripsIn7901(_ url: URL) throws {
        let (article, _) = try importWire(try Data(contentsOf: url), path: url.path)
        let options = [WireTextExporter.Option.framing: "iptc7901"]
        let written = try exportWire(article, options)
        #expect(try exportWire(article, options).data == written.data)
        let (back, diagnostics) = try importWire(written.data, path: "back.iptc")
        #expect(diagnostics.contains { $0.code == "wire.iptc7901.envelope" })
        var expected = comparable(article)
        var got = comparable(back)
        if article.extensions["iptc7901:header"] == nil {
            #expect(written.diagnostics.contains { $0.code == "wire.export.header-supplied" })
            for key in got.extensions.values.keys where key.hasPrefix("iptc7901:") { got.extensions[key] = nil }
            (got.priority, got.urgency, expected.priority, expected.urgency) = (nil, nil, nil, nil)
        }
        #expect(got == expected, "\(url.lastPathComponent): \(irDifference(expected, got))")
    }
}

@Suite struct WireTextExporterTests {
    static let article: Article = {
        var article = Article(headline: "Ferries halted as crews walk out")
        article.bylines = [Byline(name: "Ines Varga")]
        article.dateline = Dateline(text: "PORT ELLEN, Dec 4 (Reuters) -", place: "PORT ELLEN", source: "Reuters")
        article.body = [
            .paragraph([.text("Ferry crews walked out at dawn on Friday, halting all morning crossings to the mainland for the day.")]),
            .paragraph([.text("“We want a fair roster,” the union said – and talks are set for Friday.")]),
        ]
        article.trailers = ["(Reporting by Ines Varga; Editing by Jon Reyes)"]
        return article
    }()

    @Test func plainTextIsTheHeadThenTheParagraphs() throws {
        let text = String(decoding: try exportWire(Self.article).data, as: UTF8.self)
        #expect(
            text == """
                Ferries halted as crews walk out
                By Ines Varga

                PORT ELLEN, Dec 4 (Reuters) - Ferry crews walked out at dawn on Friday, halting all morning crossings to the mainland for the day.

                “We want a fair roster,” the union said – and talks are set for Friday.

                (Reporting by Ines Varga; Editing by Jon Reyes)

                """)
    }

    @Test func sevenNineOhOneIsFramedWrappedAndCRLF() throws {
        var article = Self.article
        article.priority = 3
        article.versionCreated = NewsDate(iso8601: "2026-12-04T09:15:00Z")
        let result = try exportWire(article, [WireTextExporter.Option.framing: "iptc7901", WireTextExporter.Option.width: "40"])
        let text = String(decoding: result.data, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        // The header's word count is the story's: its lines between the head and ETX.
        let story = lines.dropFirst(5).prefix { !$0.hasPrefix("\u{3}") }
        #expect(lines[0] == "\u{1}zzz0000 3 x \(story.flatMap { $0.split(separator: " ") }.count)")
        #expect(lines[2] == "\u{2}Ferries halted as crews walk out")
        #expect(lines[3] == "By Ines Varga =")
        // Wrapped at 40, save the trailer: end matter is a line each.
        #expect(story.filter { $0.count > 40 } == ["(Reporting by Ines Varga; Editing by Jon Reyes)"])
        #expect(lines.suffix(2) == ["\u{3}040915 GMT Dec 26", ""])
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        expectDiagnostic(result.diagnostics, "wire.export.header-supplied")
    }

    @Test func latin1HasStatedTransliterations() throws {
        let result = try exportWire(Self.article, [WireTextExporter.Option.encoding: "latin1"])
        let text = String(decoding: result.data.map { Character(Unicode.Scalar($0)) }.map { String($0) }.joined().utf8, as: UTF8.self)
        #expect(text.contains("\"We want a fair roster,\" the union said - and talks"))
        let warning = try #require(result.diagnostics.first { $0.code == "wire.export.transliterated" })
        #expect(warning.severity == .warning && warning.message.contains("'–' (U+2013) as '-'"))
        // Latin-1 letters are one byte each.
        var accented = Self.article
        accented.headline = "Fähre"
        #expect(try exportWire(accented, [WireTextExporter.Option.encoding: "latin1"]).data.starts(with: [0x46, 0xE4, 0x68]))
    }

    @Test func anOptionValueThatIsNoneIsAnError() {
        #expect(throws: ConversionError.self) { try exportWire(Self.article, [WireTextExporter.Option.framing: "anpa"]) }
        #expect(throws: ConversionError.self) { try exportWire(Self.article, [WireTextExporter.Option.width: "-3"]) }
    }

    @Test func whatWireTextCannotHoldIsNamed() throws {
        var article = Self.article
        article.id = "urn:x"
        article.subjects = [Concept(qcode: "subj:04000000")]
        article.body.append(.table(Block.Table(rows: [.init(cells: [[.text("a")], [.text("b")]])])))
        article.body.append(.paragraph([.text("See "), .strong([.link(href: "http://x/y", title: nil, content: [.text("this")])])]))
        article.body.append(.raw(format: "html", text: "<hr/>"))
        let result = try exportWire(article)
        let warning = try #require(result.diagnostics.first { $0.code == "wire.export.dropped-fields" })
        #expect(warning.message.contains("id") && warning.message.contains("subjects") && warning.message.contains("tables"))
        #expect(warning.message.contains("link addresses") && warning.message.contains("html blocks"), "\(warning.message)")
        #expect(String(decoding: result.data, as: UTF8.self).contains("a  b"))
    }

    /// Found by the fuzzer (docs/reliability.md): what the exporter writes, the importer reads.
    @Test func anArticleWithNothingToWriteIsRefused() {
        var article = Article()
        article.media = [MediaItem(kind: .picture, href: "http://x/a.jpg")]
        let error = #expect(throws: ConversionError.self) { try exportWire(article) }
        #expect(error?.diagnostic.code == "wire.export.empty")
    }

    @Test func controlCharactersAreLeftOutWithAWarning() throws {
        var article = Self.article
        article.body = [.paragraph([.text("Strong\u{0F}\u{0F} words.")])]
        let result = try exportWire(article)
        #expect(String(decoding: result.data, as: UTF8.self).contains("Strong words."))
        #expect(result.diagnostics.contains { $0.code == "wire.export.control-characters" && $0.severity == .warning })
        #expect(throws: Never.self) { try importWire(result.data) }
    }

    @Test func aWrappedLineNeverOpensAListNorEndsASentence() {
        let writer = WireTextWriter(framing: .plain, width: 20, location: SourceLocation())
        for line in writer.wrap("The score was 2 - 1 after the break. Then came rain and more rain.") {
            #expect(!line.hasPrefix("- ") && line.count <= 20)
        }
        #expect(writer.wrap("One two three four. Five six seven")[0] == "One two three")
    }
}

private func expectDiagnostic(_ diagnostics: [Diagnostic], _ code: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(diagnostics.contains { $0.code == code && $0.severity == .warning }, sourceLocation: sourceLocation)
}
