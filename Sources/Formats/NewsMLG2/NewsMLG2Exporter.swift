import Foundation
import NewsCore
import NewsXML

/// Writes NewsML-G2 2.35: one article as a `newsItem` (a composite as a `packageItem`), several
/// as a `newsMessage`. Text bodies are inline NITF 3.6. What G2 cannot hold is a warning.
public struct NewsMLG2Exporter: ArticleExporter {
    /// G2 2.35, NITF 3.6 and ODRL 2.2 together, so that inline NITF is checked too: what
    /// `validate` reads from the standards folder, and what outputs holding kept XML are held to
    /// (built in).
    static let schema = "newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd"

    public init() {}

    public func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        // Elements kept whole from an invalid source are checked against the schema; the
        // document is written again without those it refuses.
        RawXMLSchemaCheck.write(
            schema: Self.schema, schemaName: "NewsML-G2 2.35", codePrefix: "newsml-g2.export",
            at: articles.first?.origin?.location ?? SourceLocation()
        ) { refused in
            write(articles, options: options, refused: refused)
        }
    }

    private func write(_ articles: [Article], options: ConversionOptions, refused: Set<String>) -> (
        writer: XMLWriter, diagnostics: [Diagnostic]
    ) {
        var w = XMLWriter()
        w.refusedFragments = refused
        var diagnostics: [Diagnostic] = []
        w.declaration()
        if articles.count == 1 {
            var item = G2ItemWriter(options: options, location: articles[0].origin?.location ?? SourceLocation())
            item.write(articles[0], to: &w, declareNamespace: true)
            diagnostics += item.diagnostics
            if let priority = articles[0].priority {
                diagnostics.append(
                    .warning(
                        "newsml-g2.export.dropped-priority",
                        "a newsItem has no priority (a newsMessage header has); the priority \(priority) is dropped",
                        at: articles[0].origin?.location ?? SourceLocation()))
            }
        } else {
            w.start("newsMessage", [("xmlns", G2Vocabulary.namespace)])
            w.start("header")
            w.element("sent", text: NewsDate(options.now ?? Date()).iso8601)
            // The header's one priority: the articles' (read from a newsMessage header, it is the same for all).
            let priorities = Set(articles.compactMap(\.priority))
            if priorities.count == 1, let priority = priorities.first, (1...9).contains(priority) {
                w.element("priority", text: String(priority))
            } else if !priorities.isEmpty {
                diagnostics.append(
                    .warning(
                        "newsml-g2.export.dropped-priority",
                        "the articles' priorities (\(priorities.sorted().map(String.init).joined(separator: ", "))) differ or lie outside 1-9, and a newsMessage header holds one; dropped"
                    ))
            }
            w.end()
            w.start("itemSet")
            for article in articles {
                var item = G2ItemWriter(options: options, location: article.origin?.location ?? SourceLocation())
                item.write(article, to: &w, declareNamespace: false)
                diagnostics += item.diagnostics
            }
            w.end()
            w.end()
        }
        w.finish()
        // Extensions kept from other formats (a wire dispatch's 7901 header, NITF's `nitf:`) have
        // no NewsML-G2 place: said, as NITF's exporter says it.
        if options.reportsNotes {
            let foreign = Set(
                articles.flatMap { article in
                    // Plain facts are written as extension properties.
                    article.extensions.values.filter { key, value in
                        guard !key.hasPrefix("g2:") else { return false }
                        if Extensions.isPlainFact(key, value) { return false }
                        return true
                    }
                    .map { String($0.key.prefix { $0 != ":" }) + ":" }
                }
            ).sorted()
            if !foreign.isEmpty {
                diagnostics.append(
                    .note(
                        "newsml-g2.export.foreign-extensions",
                        "extensions kept from other formats (\(foreign.joined(separator: ", "))) are not written to NewsML-G2",
                        at: articles.first?.origin?.location ?? SourceLocation()))
            }
        }
        if w.replacedCharacters > 0 {
            diagnostics.append(
                .warning(
                    "newsml-g2.export.invalid-characters", "\(w.replacedCharacters) characters that XML 1.0 forbids were replaced by U+FFFD"
                ))
        }
        return (w, diagnostics)
    }
}
