import Foundation
import NewsCore
import TestSupport
import Testing

@testable import ANPA

func readANPA(_ bytes: [UInt8], path: String = "m.anpa") throws -> ImportResult {
    try ANPAImporter().read(ImportInput(data: Data(bytes), path: path), options: ConversionOptions())
}

/// An ANPA 1312 message of our own, framed as AP frames it.
func anpaMessage(format: [UInt8] = [0x13, 0x11], keyword: String = "BC-Test 1stLd-Writethru", text: [String]) -> [UInt8] {
    var bytes: [UInt8] = [0x16, 0x16, 0x01] + Array("z0412".utf8) + [0x1F] + Array("asian\n".utf8)
    bytes += Array("r a".utf8) + format + Array(" \(keyword)   12-04 0120\r\n".utf8)
    bytes.append(0x02)
    for line in text { bytes += Array(line.utf8) + [0x0D, 0x0A] }
    bytes += [0x09, 0x20, 0x20, 0x20, 0x03] + Array("AP-WF-12-04-26 0915GMT<\r\n\r\n".utf8) + [0x0C, 0x0D, 0x0A, 0x04]
    return bytes
}

@Suite struct ANPATests {
    @Test func detectionIsByTheFraming() {
        let importer = ANPAImporter()
        #expect(importer.detect(InputSample(bytes: Data(anpaMessage(text: ["^x<"])))) == 0.98)
        #expect(importer.detect(InputSample(bytes: Data([0x01, 0x02, 0x41]))) == 0)
        #expect(importer.detect(InputSample(bytes: Data("<nitf/>".utf8))) == 0)
    }

    @Test func theFramingIsTheMessagesMetadata() throws {
        let article = try readANPA(anpaMessage(text: ["^BC-Test, 1st Ld-Writethru,118<", "^Head<", "\t   Text."])).articles[0]
        #expect(article.slugline == "BC-Test" && article.takeKey == "1stLd-Writethru")
        #expect(article.versionCreated == NewsDate(iso8601: "2026-12-04T09:15:00Z"))
        #expect(article.extensions["anpa:priority"] == .string("r") && article.extensions["anpa:category"] == .string("a"))
        #expect(article.extensions["anpa:selector"] == .string("asian") && article.extensions["anpa:sequence"] == .string("0412"))
        #expect(article.extensions["anpa:keywordLine"] == .string("BC-Test, 1st Ld-Writethru,118"))
        #expect(article.extensions["anpa:trailer"] == .string("AP-WF-12-04-26 0915GMT"))
        #expect(article.headline == "Head")
    }

    @Test func headerLinesAreHeadlineNotesSummaryAndByline() throws {
        let article = try readANPA(
            anpaMessage(text: [
                "^BC-Test,118<", "^The headline<", "^AP Photo NY101<", "^Eds: With AP Photos.<", "^A summary of the story.<",
                "^By ANN LEE=", "^AP Sports Writer=", "\t   BOSTON (AP) _ First paragraph.", " ", "\t   Second paragraph.",
                "\t   ___", "\t   Jo Roe in Lima contributed to this report.",
            ])
        ).articles[0]
        #expect(article.headline == "The headline")
        #expect(article.editorialNotes == ["AP Photo NY101", "Eds: With AP Photos."])
        #expect(article.abstract == [.paragraph([.text("A summary of the story.")])])
        #expect(article.bylines == [Byline(name: "ANN LEE", title: "AP Sports Writer")])
        #expect(article.dateline == Dateline(text: "BOSTON (AP) _", place: "BOSTON", source: "AP"))
        #expect(article.body == [.paragraph([.text("First paragraph.")]), .paragraph([.text("Second paragraph.")]), .horizontalRule])
        #expect(article.trailers == ["Jo Roe in Lima contributed to this report."])
    }

    @Test func anAlertHasNoHeadline() throws {
        let article = try readANPA(anpaMessage(keyword: "BC-US--APNewsAlert", text: ["^BC-US--APNewsAlert,17<", "\t   LIMA (AP) _ News."]))
            .articles[0]
        #expect(article.headline == nil && article.body == [.paragraph([.text("News.")])])
    }

    /// Tabular copy (format code DC2): `;` rows or BS rows with US and RS fill are tables; `{`
    /// is one half; DLE is dropped; no control character is left.
    @Test func agateIsATable() throws {
        let semicolons = try readANPA(
            anpaMessage(format: [0x14, 0x12], text: ["^BC-T<", "^North=", "\u{8}^;W;L;GB\u{10} ", "\u{8}Port\u{10} Ellen;9;3;1{\u{10} "])
        ).articles[0]
        let padded = try readANPA(
            anpaMessage(
                format: [0x14, 0x12],
                text: [
                    "^BC-T<", "^North=", "\u{8}^\u{1F}\u{1E} W\u{1E} \u{1E} L\u{1E} GB",
                    "\u{8}Port\u{10} Ellen\u{1F}\u{1E} 9\u{1E} \u{1E} 3\u{1E} 1{",
                ])
        ).articles[0]
        let table = Block.table(
            Block.Table(rows: [
                .init(isHeader: true, cells: [[], [.text("W")], [.text("L")], [.text("GB")]]),
                .init(cells: [[.text("Port Ellen")], [.text("9")], [.text("3")], [.text("1½")]]),
            ]))
        #expect(semicolons.body == [.heading(level: 2, content: [.text("North")]), table])
        #expect(padded.body == semicolons.body)
        let tab = try readANPA(anpaMessage(format: [0x14, 0x12], text: ["^BC-T<", "\t   ;MIN;MAX<", "\t   Lima;60;72<"])).articles[0]
        #expect(tab.body.count == 1)
    }

    @Test func latin1TextIsDecoded() throws {
        var bytes = anpaMessage(text: ["^BC-T<", "^Head<", "\t   L\u{1}pez won."])
        // ISO-8859-1 `ó` in place of the placeholder.
        bytes[bytes.firstIndex(of: 0x01, after: 3)!] = 0xF3
        #expect(try readANPA(bytes).articles[0].body == [.paragraph([.text("López won.")])])
    }

    @Test func aMessageWithoutTheFramingIsAnError() throws {
        let error = try #require(throws: ConversionError.self) { try readANPA(Array("hello".utf8)) }
        #expect(
            error.diagnostic.code == "anpa.framing.start" && error.diagnostic.location == SourceLocation(path: "m.anpa", line: 1, column: 1)
        )
        let noText = try #require(throws: ConversionError.self) { try readANPA([0x16, 0x16, 0x01] + Array("z0001\n".utf8)) }
        #expect(noText.diagnostic.code == "anpa.framing.stx")
    }
}

extension Array where Element == UInt8 {
    fileprivate func firstIndex(of byte: UInt8, after start: Int) -> Int? {
        self[(start + 1)...].firstIndex(of: byte)
    }
}

/// Every ANPA file of the shared corpus, with the headline and paragraph count a reader of the
/// file finds (the headline is the first flush-left header line after the keyword line; an
/// alert or agate has none; paragraphs are the TAB-led lines that are no table row, rule or
/// closing credit).
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct ANPACorpusTests {
    static let expected: [(file: String, headline: String?, paragraphs: Int, tables: Int)] = [
        ("anpa-1.tst", "For Argentine chemo patients, mirrors can hurt", 13, 0),
        ("anpa-2.tst", "Prairies vanish in the US push for green energy", 32, 0),
        ("anpa-3.tst", nil, 9, 1),
        ("anpa-4.tst", "AP Top Entertainment News at 11:23 p.m. EST", 10, 0),
        ("ap_anpa-1.tst", "Deng has 30 points, short-handed Heat beat Hawks 115-111", 18, 0),
        ("ap_anpa-2.tst", nil, 65, 6),
        ("ap_anpa-3.tst", "$210 lobster is found dead", 1, 0),
        ("ap_anpa-4.tst", "AP Exclusive: China lawyer's family says US helped them flee", 24, 0),
        ("ap_anpa-5.tst", nil, 1, 0),
        ("ap_anpa-6.tst", nil, 58, 2),
        ("ap_anpa-7.tst", "10 Things to Know for Today", 21, 0),
    ]

    static var folder: URL? { Fixtures.shared?.appendingPathComponent("corpus/superdesk/anpa1312") }

    @Test func everyCorpusFileIsInTheTable() throws {
        let folder = try #require(Self.folder)
        let names = Fixtures.files(in: folder, extensions: ["tst"]).map(\.lastPathComponent)
        #expect(Set(names) == Set(Self.expected.map(\.file)))
    }

    @Test(arguments: expected.map(\.file))
    func theFileReadsAsItsReaderFindsIt(_ file: String) throws {
        let expected = try #require(Self.expected.first { $0.file == file })
        let url = try #require(Self.folder).appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        #expect(ANPAImporter().detect(InputSample(bytes: data)) == 0.98)
        let article = try #require(try readANPA(Array(data), path: url.path).articles.first)
        #expect(article.headline == expected.headline)
        #expect(article.body.filter { if case .paragraph = $0 { true } else { false } }.count == expected.paragraphs)
        #expect(article.body.filter { if case .table = $0 { true } else { false } }.count == expected.tables)
        #expect(article.versionCreated != nil && article.slugline?.hasPrefix(file == "anpa-4.tst" ? "AP-" : "BC-") == true)
        // No control character and no header code is left in any text.
        let json = String(decoding: try JSONEncoder().encode(article), as: UTF8.self)
        #expect(json.range(of: #"\\u00[01][0-9a-fA-F]"#, options: .regularExpression) == nil)
        #expect(!json.contains("*9006") && article.headline?.hasPrefix("BC-") != true)
        // AP's bylines: a person with a title line, or "The Associated Press".
        for byline in article.bylines {
            #expect(byline.name == byline.name.trimmingCharacters(in: .whitespaces) && !byline.name.hasPrefix("By "))
        }
    }
}
