import Foundation
import NewsCore
import TestSupport
import Testing

@testable import WireText

func importWire(_ text: String, path: String? = "t.txt") throws -> (Article, [Diagnostic]) {
    try importWire(Data(text.utf8), path: path)
}

func importWire(_ data: Data, path: String? = "t.txt") throws -> (Article, [Diagnostic]) {
    let result = try WireTextImporter().read(ImportInput(data: data, path: path), options: ConversionOptions())
    #expect(result.articles.count == 1)
    return (result.articles[0], result.diagnostics)
}

func paragraphs(_ article: Article) -> [String] {
    article.body.map(\.plainText)
}

@Suite struct WireTextImporterTests {
    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func referenceDispatch() throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let url = shared.appendingPathComponent("corpus/seed/efe-islamabad-dec15.txt")
        let (article, diagnostics) = try importWire(try Data(contentsOf: url), path: url.path)
        #expect(diagnostics.filter { $0.severity >= .warning }.isEmpty)
        let dateline = try #require(article.dateline)
        #expect(dateline.place == "Islamabad")
        #expect(dateline.date?.month == 12 && dateline.date?.day == 15 && dateline.date?.year == nil)
        #expect(dateline.source == "EFE")
        #expect(dateline.text == "Islamabad, Dec 15 (EFE).-")
        let body = paragraphs(article)
        #expect(body.count == 15)
        #expect(body.first?.hasPrefix("Pakistan Army Chief General Asim Munir") == true)
        #expect(body.last?.hasSuffix("according to experts.") == true)
        #expect(!body.joined().contains("aa-ssk"))
        #expect(article.signOff == "EFE")
        #expect(article.trailers == ["aa-ssk"])
        #expect(article.origin?.encoding == "utf-8")
    }

    @Test func oneParagraphPerLineWhenThereAreNoBlankLines() throws {
        let (article, _) = try importWire("Lima, Mar 4 (EFE).- First.\nSecond paragraph.\nThird one. EFE\njrv-mcs\n")
        #expect(paragraphs(article) == ["First.", "Second paragraph.", "Third one."])
        #expect(article.signOff == "EFE")
        #expect(article.trailers == ["jrv-mcs"])
    }

    @Test func hardWrappedBlocksAreJoined() throws {
        let text =
            "Berlin (dpa) - Berlin will bis zum Jahresende zwölf neue\nFahrradstraßen einrichten. Das kündigte die\nVerwaltung an.\n\nZweiter Absatz mit\nzwei Zeilen.\n"
        let (article, _) = try importWire(text)
        #expect(
            paragraphs(article) == [
                "Berlin will bis zum Jahresende zwölf neue Fahrradstraßen einrichten. Das kündigte die Verwaltung an.",
                "Zweiter Absatz mit zwei Zeilen.",
            ])
    }

    @Test func indentedParagraphsWithoutBlankLines() throws {
        let text =
            "   Berlin (dpa) - Negotiations between German conservatives headed by\nChancellor Merkel could fail, a member\nwarned.\n   The SPD plans to seek approval for any\ncoalition deal from its members.\n"
        let (article, _) = try importWire(text)
        #expect(paragraphs(article).count == 2)
        #expect(paragraphs(article)[1].hasPrefix("The SPD plans"))
    }

    @Test func headlineWithVersionMarkerBylineAndTitle() throws {
        let text =
            "UPDATE 2-ANALYSIS-Markets slide\nBy JANE DOE, Reuters\n\nLONDON, Dec 15 (Reuters) - Shares fell.\n\n(Reporting by Jane Doe; Editing by Tom Brown)\n"
        let (article, _) = try importWire(text)
        #expect(article.headline == "Markets slide")
        #expect(article.takeKey == "UPDATE 2")
        #expect(article.genres.map(\.literal) == ["ANALYSIS"])
        #expect(article.bylines == [Byline(name: "JANE DOE", affiliation: "Reuters")])
        #expect(article.trailers == ["(Reporting by Jane Doe; Editing by Tom Brown)"])
        #expect(paragraphs(article) == ["Shares fell."])
    }

    @Test func apBylineWithAgencyLineAndSeveralNames() throws {
        let text =
            "Bakers turn bread into flour\nBy MARIA LOPEZ and DAVID KIM\nAssociated Press Writers\n\nBUENOS AIRES, Argentina (AP) _ Every evening.\n\nAna Ruiz in Cordoba contributed to this report.\n"
        let (article, _) = try importWire(text)
        #expect(article.bylines.map(\.name) == ["MARIA LOPEZ", "DAVID KIM"])
        #expect(article.bylines.allSatisfy { $0.title == "Associated Press Writers" })
        #expect(article.trailers == ["Ana Ruiz in Cordoba contributed to this report."])
        #expect(article.dateline?.region == "Argentina")
    }

    @Test func endMarkersAndDeskLines() throws {
        let (article, _) = try importWire("BEIJING, Jan. 8 (Xinhua) -- Trains ran.\n\nMore trains.\n\nEnditem\n")
        #expect(article.trailers == ["Enditem"])
        let (german, _) = try importWire("Berlin (dpa) - Text hier.\n\ndpa kre/su yysw a3 lön mda\n")
        #expect(german.trailers == ["dpa kre/su yysw a3 lön mda"])
        let (afp, _) = try importWire("Paris (AFP) - Texte.\n\nbur-jm/rl\n")
        #expect(afp.trailers == ["bur-jm/rl"])
    }

    @Test func aSignOffWordOnlyWhenItEndsASentence() throws {
        let (article, _) = try importWire("Madrid, 3 mar (EFE).- El texto habla de la EFE\n")
        #expect(article.signOff == nil)
        #expect(paragraphs(article) == ["El texto habla de la EFE"])
    }

    @Test func noDatelineIsAWarningWithAPosition() throws {
        let (article, diagnostics) = try importWire("A notice to readers\n\nThe office is closed on Monday.\n\nWe apologise.\n")
        #expect(article.headline == "A notice to readers")
        #expect(article.dateline == nil)
        let warning = try #require(diagnostics.first { $0.code == "wire.dateline.unrecognised" })
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 3)
        #expect(paragraphs(article) == ["The office is closed on Monday.", "We apologise."])
    }

    @Test func crlfAndLatin1() throws {
        let bytes: [UInt8] = [
            0x50, 0x61, 0x72, 0x69, 0x73, 0x20, 0x28, 0x41, 0x46, 0x50, 0x29, 0x20, 0x2D, 0x20, 0x44, 0xE9, 0x63, 0x6C, 0x61, 0x72, 0xE9,
            0x2E, 0x0D, 0x0A, 0x0D, 0x0A, 0x46, 0x69, 0x6E, 0x2E, 0x0D, 0x0A,
        ]
        let (article, diagnostics) = try importWire(Data(bytes))
        #expect(paragraphs(article) == ["Déclaré.", "Fin."])
        #expect(article.origin?.encoding == "windows-1252")
        let warning = try #require(diagnostics.first { $0.code == "wire.encoding.fallback" })
        #expect(warning.location.line == 1 && warning.location.column == 16)
    }

    @Test func byteOrderMarkIsRemoved() throws {
        let (article, _) = try importWire(Data([0xEF, 0xBB, 0xBF] + Array("Paris (AFP) - Texte.\n".utf8)))
        #expect(article.dateline?.place == "Paris")
        #expect(article.origin?.encoding == "utf-8-bom")
    }

    @Test func emptyInputIsAnError() {
        for text in ["", "  \n\r\n\t"] {
            #expect {
                try importWire(text)
            } throws: { error in
                (error as? ConversionError)?.diagnostic.code == "wire.input.empty"
            }
        }
    }

    @Test func binaryInputIsAnErrorWithItsPosition() throws {
        var bytes = Array("line one\nab".utf8)
        bytes += [0x00, 0xFF, 0x10]
        do {
            _ = try importWire(Data(bytes))
            Issue.record("binary input was accepted")
        } catch let error as ConversionError {
            #expect(error.diagnostic.code == "wire.input.binary")
            #expect(error.diagnostic.location.line == 2 && error.diagnostic.location.column == 3)
            #expect(error.diagnostic.location.path == "t.txt")
        }
    }

    @Test func iptc7901Envelope() throws {
        let text =
            "\u{01}abc0012 2 pl 160  xyz 0012\r\n\r\nVerkehr/Schiene/\r\n\u{02}REFILE\r\nLok testet Wasserstoff =\r\n\r\n   Hamburg (dpa) - Die Lok\r\nfährt.\r\n\r\ndpa ab cd\r\n\u{03}121530 Mar 24\r\n\u{7F}\u{04}"
        let (article, _) = try importWire(text)
        #expect(article.headline == "Lok testet Wasserstoff")
        #expect(article.takeKey == "REFILE")
        #expect(article.slugline == "Verkehr/Schiene")
        #expect(article.keywords == ["Verkehr", "Schiene"])
        #expect(article.priority == 2)
        #expect(article.extensions["iptc7901:dateTimeGroup"] == .string("121530 Mar 24"))
        #expect(article.extensions["iptc7901:header"] == .string("abc0012 2 pl 160  xyz 0012"))
        #expect(paragraphs(article) == ["Die Lok fährt."])
        #expect(article.trailers == ["dpa ab cd"])
    }

    @Test func headingsAndListsInWireText() throws {
        let text = "Berlin (dpa) - Text.\n\n# Notizblock\n\n- Erster Punkt, der\n  weitergeht\n- Zweiter Punkt\n"
        let (article, _) = try importWire(text)
        #expect(article.body.count == 3)
        #expect(article.body[1] == .heading(level: 1, content: [.text("Notizblock")]))
        #expect(
            article.body[2]
                == .list(
                    ordered: false, items: [[.paragraph([.text("Erster Punkt, der weitergeht")])], [.paragraph([.text("Zweiter Punkt")])]]))
    }

    @Test func detection() {
        let importer = WireTextImporter()
        #expect(importer.detect(InputSample(bytes: Data("Islamabad, Dec 15 (EFE).- Text".utf8))) >= 0.8)
        #expect(importer.detect(InputSample(bytes: Data("\u{01}abc 1 x 2\n\u{02}H =".utf8))) >= 0.9)
        #expect(importer.detect(InputSample(bytes: Data("<?xml version=\"1.0\"?><a/>".utf8))) == 0)
        #expect(importer.detect(InputSample(bytes: Data("{\"a\": 1}".utf8))) == 0)
        #expect(importer.detect(InputSample(bytes: Data([0x00, 0x01]))) == 0)
    }
}

@Suite struct WireCorpusTests {
    /// Every IPTC 7901 file of the corpus imports without error, with a body (ANPA 1312 files
    /// are the `anpa` module's: `ANPATests`).
    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func corpusWireFilesImport() throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let directories = ["corpus/iptc/iptc7901", "corpus/superdesk/iptc7901"]
        var count = 0
        for directory in directories {
            for url in Fixtures.files(in: shared.appendingPathComponent(directory), extensions: ["iptc", "txt", "tst"]) {
                let (article, _) = try importWire(try Data(contentsOf: url), path: url.path)
                #expect(!article.body.isEmpty, "\(url.lastPathComponent) has no body")
                count += 1
            }
        }
        #expect(count >= 10)
    }

    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func dpaEnglish7901() throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let url = shared.appendingPathComponent("corpus/superdesk/iptc7901/IPTC7901.txt")
        let (article, _) = try importWire(try Data(contentsOf: url), path: url.path)
        #expect(article.headline == "Germany Social Democrats: Coalition talks with Merkel could fail")
        #expect(article.slugline == "Germany-politics")
        #expect(article.dateline?.place == "Berlin" && article.dateline?.source == "dpa")
        #expect(article.priority == 4)
        #expect(paragraphs(article).first?.hasPrefix("Negotiations between German conservatives") == true)
    }

    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func dpaTakeKeysAndBylines() throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let url = shared.appendingPathComponent("corpus/superdesk/iptc7901/dpa_four_line.txt")
        let (article, _) = try importWire(try Data(contentsOf: url), path: url.path)
        #expect(article.takeKey == "REFILE 1ST LEAD")
        #expect(article.headline == "Switzerland joins list of countries resisting UN migration pact")
        #expect(article.bylines.map(\.name) == ["dpa correspondents"])
        #expect(article.dateline?.place == "Geneva")
    }
}

/// dpa hard-wraps its 7901 text at about 70 characters: a wrapped line that ends with a quote
/// closing mid-sentence (`tonight,"`, `"not ready"`) does not end the paragraph.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct WireHardWrapTests {
    @Test(arguments: [
        ("dpa_two_by_line.txt", "\"I feel like I may need a couple of beverages to relax tonight,\" McVay said."),
        (
            "dpa_four_line.txt",
            "Maria Fernanda Espinosa, the head of the United Nation's 193-member General Assembly, said she understands some countries are \"not ready\" to commit to the compact but hopes they will change their minds."
        ),
        (
            "dpa_four_line.txt",
            "\"Every day we have proof that we need a shared framework on migration because we see issues emerging every day on migration and unusual migration flows around the world,\" Espinosa told reporters in New York."
        ),
    ])
    func aWrappedParagraphIsOneParagraph(_ file: String, _ paragraph: String) throws {
        let url = try #require(Fixtures.shared).appendingPathComponent("corpus/superdesk/iptc7901/\(file)")
        let (article, _) = try importWire(try Data(contentsOf: url), path: url.path)
        #expect(paragraphs(article).contains(paragraph))
    }

    @Test func aLineThatEndsASentenceBeforeItsQuoteEndsIt() {
        #expect(WireLayout.endsSentence(SourceLine(text: "he said.\"", number: 1)))
        #expect(WireLayout.endsSentence(SourceLine(text: "Really?”)", number: 1)))
        #expect(!WireLayout.endsSentence(SourceLine(text: "tonight,\"", number: 1)))
        #expect(!WireLayout.endsSentence(SourceLine(text: "are \"not ready\"", number: 1)))
    }
}

/// Wire text made to hurt (issue 21): read in time linear in its size.
@Suite struct HostileWireTests {
    /// A dateline line, then 50,000 desk-initial lines: each taken off the end in place (a copy
    /// per line made this quadratic: 200,000 lines took more than a minute).
    @Test func manyTrailerLinesAreEndMatter() throws {
        let text = "Lima, Dec 4 (EFE).- Text of the story here.\n" + String(repeating: "EFE aa-ssk\n", count: 50_000)
        let (article, _) = try importWire(text)
        #expect(article.trailers.count == 50_000 && article.trailers.allSatisfy { $0 == "EFE aa-ssk" })
        #expect(paragraphs(article) == ["Text of the story here."])
    }

    /// Millions of blank lines were an entry each (21 MB took 2 GB): a run of them is one
    /// separator, and the lines after keep their numbers in the file.
    @Test func aRunOfBlankLinesIsOneSeparator() throws {
        let text = "Lima, Dec 4 (EFE).- First.\n" + String(repeating: "\n", count: 200_000) + "Second.\n"
        let lines = WireLayout.lines(of: text)
        #expect(lines.count == 4)
        #expect(lines.map(\.number) == [1, 2, 200_002, 200_003])
        let (article, _) = try importWire(text)
        #expect(paragraphs(article) == ["First.", "Second."])
        // The same lines as splitting at every line end gives, without the repeated blanks.
        let sample = "a\n\n \n\nb\n"
        #expect(WireLayout.lines(of: sample).map(\.text) == ["a", "", "b", ""])
        #expect(WireLayout.lines(of: "").map(\.text) == [""])
    }
}
