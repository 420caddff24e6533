import Foundation
import NewsCore
import Ninjs
import TestSupport
import Testing

/// The ninjs importer's diagnostics, each pinned to the place it names by a marker.
@Suite struct NinjsDiagnosticTests {
    @Test func anUrgencyOutOfRangeIsWarnedAtItsValue() throws {
        let source = MarkedSource(
            "{\n  \"uri\": \"u1\",\n  \"headline\": \"H\",\n  \"urgency\": 1️⃣\"high\",\n  \"pubstatus\": \"usable\"\n}\n")
        let result = try NinjsImporter().read(ImportInput(data: source.data, path: "j.json"), options: ConversionOptions())
        expectDiagnostics(
            result.diagnostics, [ExpectedDiagnostic("1️⃣", "ninjs.import.invalid-urgency", .warning)], in: source, path: "j.json")
    }
}
