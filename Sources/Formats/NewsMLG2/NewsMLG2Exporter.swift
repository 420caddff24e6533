import Foundation
import NewsCore
import NewsXML

/// Writes NewsML-G2 2.35: one article as a `newsItem` (a composite as a `packageItem`), several
/// as a `newsMessage`. Text bodies are inline NITF 3.6. What G2 cannot hold is a warning.
public struct NewsMLG2Exporter: ArticleExporter {
    public init() {}

    public func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        var w = XMLWriter()
        var diagnostics: [Diagnostic] = []
        w.declaration()
        if articles.count == 1 {
            var item = G2ItemWriter(options: options, location: articles[0].origin?.location ?? SourceLocation())
            item.write(articles[0], to: &w, declareNamespace: true)
            diagnostics += item.diagnostics
        } else {
            w.start("newsMessage", [("xmlns", G2Vocabulary.namespace)])
            w.start("header")
            w.element("sent", text: NewsDate(options.now ?? Date()).iso8601)
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
        if w.replacedCharacters > 0 {
            diagnostics.append(.warning("newsml-g2.export.invalid-characters", "\(w.replacedCharacters) characters that XML 1.0 forbids were replaced by U+FFFD"))
        }
        return ExportResult(data: w.data, diagnostics: diagnostics)
    }
}
