import Foundation
import NITF
import NewsCore
import TestSupport
import Testing

/// The NITF importer's diagnostics, each pinned to the place it names by a marker.
@Suite struct NITFDiagnosticTests {
    @Test func markupWithoutAnIREquivalentIsWarnedAtItsLine() throws {
        let source = MarkedSource(
            "<nitf>\n<head><title>T</title></head>\n<body><body.content>\n<p>x</p>\n1️⃣<blink>y</blink>\n</body.content></body>\n</nitf>\n")
        let result = try NITFImporter().read(ImportInput(data: source.data, path: "n.xml"), options: ConversionOptions())
        expectDiagnostics(
            result.diagnostics, [ExpectedDiagnostic("1️⃣", "nitf.import.unmapped-element", .warning)], in: source, path: "n.xml")
    }

    @Test func aMismatchedTagIsAnErrorWhereTheParserStops() throws {
        let source = MarkedSource(
            "<nitf>\n<head>\n<title>T</title>\n</head>\n<body>\n<body.content>\n<p>x\n</body.content>1️⃣\n</body>\n</nitf>\n")
        let error = try #require(throws: ConversionError.self) {
            try NITFImporter().read(ImportInput(data: source.data, path: "n.xml"), options: ConversionOptions())
        }
        #expect(error.diagnostic.code == "xml.parse.76" && error.diagnostic.severity == .error)
        #expect(error.diagnostic.location == source.location("1️⃣", path: "n.xml"))
    }
}
