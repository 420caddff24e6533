import Foundation
import NewsCore
import NewsMLG2
import TestSupport
import Testing

/// The NewsML-G2 importer's diagnostics, each pinned to the place it names by a marker.
@Suite struct G2DiagnosticTests {
    @Test func anElementG2DoesNotHaveIsWarnedAtItsLine() throws {
        let source = MarkedSource(
            """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1" standard="NewsML-G2" standardversion="2.35">
            <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta>
            <contentMeta>
            <headline>H</headline>
            1️⃣<wibble/>
            </contentMeta>
            </newsItem>

            """)
        let result = try NewsMLG2Importer().read(ImportInput(data: source.data, path: "g.xml"), options: ConversionOptions())
        expectDiagnostics(
            result.diagnostics, [ExpectedDiagnostic("1️⃣", "newsml-g2.import.unknown-element", .warning)], in: source, path: "g.xml")
    }
}
