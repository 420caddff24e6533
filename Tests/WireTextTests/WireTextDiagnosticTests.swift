import Foundation
import NewsCore
import TestSupport
import Testing
import WireText

/// The wire importer's diagnostics, each pinned to the place it names by a marker.
@Suite struct WireTextDiagnosticTests {
    static func read(_ source: MarkedSource) throws -> ImportResult {
        try WireTextImporter().read(ImportInput(data: source.data, path: "d.txt"), options: ConversionOptions())
    }

    @Test func aParagraphWithoutADatelineIsWarnedAtItsStart() throws {
        let source = MarkedSource("Headline here\n\n1️⃣no dateline at all here.\nBody two.\n")
        expectDiagnostics(
            try Self.read(source).diagnostics, [ExpectedDiagnostic("1️⃣", "wire.dateline.unrecognised", .warning)], in: source,
            path: "d.txt")
    }

    @Test func aWellFormedDispatchHasNoWarning() throws {
        let source = MarkedSource("Headline here\n\nIslamabad, Dec 15 (EFE).- Body one.\nBody two. EFE\naa-ssk\n")
        expectDiagnostics(try Self.read(source).diagnostics, [], in: source, path: "d.txt")
    }
}
