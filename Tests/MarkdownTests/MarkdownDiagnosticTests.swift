import Foundation
import Markdown
import NewsCore
import TestSupport
import Testing

/// The Markdown importer's diagnostics, each pinned to the place it names by a marker.
@Suite struct MarkdownDiagnosticTests {
    @Test func frontMatterProblemsAreWarnedWhereTheyAre() throws {
        let source = MarkedSource("---\ntitle: T\n1️⃣headlne: x\nembargo: 2️⃣2024-13-45\n---\n\nBody.\n")
        let result = try MarkdownImporter().read(ImportInput(data: source.data, path: "m.md"), options: ConversionOptions())
        expectDiagnostics(
            result.diagnostics,
            [
                ExpectedDiagnostic("1️⃣", "markdown.front-matter.unknown-key", .warning),
                ExpectedDiagnostic("2️⃣", "markdown.front-matter.invalid-date", .warning),
            ], in: source, path: "m.md")
    }
}
