import Foundation
import NewsCore
import NewsMLG2
import NewsXML
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

    /// A leap second (`13:15:60Z`, which the fuzzer put into an item) is no XML Schema dateTime:
    /// dropped with a warning at its element, and the item written from it stays valid.
    @Test func aLeapSecondIsNotADate() throws {
        let source = MarkedSource(
            """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1" standard="NewsML-G2" standardversion="2.35">
            <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2024-01-01T00:00:00Z</versionCreated>
            1️⃣<firstCreated>2016-10-19T13:15:60Z</firstCreated></itemMeta>
            <contentMeta><headline>H</headline></contentMeta>
            </newsItem>

            """)
        let result = try NewsMLG2Importer().read(ImportInput(data: source.data, path: "g.xml"), options: ConversionOptions())
        expectDiagnostics(
            result.diagnostics, [ExpectedDiagnostic("1️⃣", "newsml-g2.import.invalid-date", .warning)], in: source, path: "g.xml")
        #expect(result.articles[0].firstCreated == nil)
        let output = try NewsMLG2Exporter().write(result.articles, options: ConversionOptions()).data
        #expect(try BuiltInSchemas.validator("newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd").validate(output, path: "out.xml").isEmpty)
    }
}
