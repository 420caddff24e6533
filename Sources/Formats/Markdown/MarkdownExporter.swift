import Foundation
import NewsCore
import NewsYAML

/// Writes one article as Markdown: YAML front matter with the metadata, then the CommonMark body
/// (see ``MarkdownWriter``). A Markdown file holds one article.
public struct MarkdownExporter: ArticleExporter {
    public init() {}

    public func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        guard articles.count == 1 else {
            throw ConversionError(
                "markdown.export.one-article",
                "a Markdown document holds one article, and \(articles.count) were given; write them one per file")
        }
        let article = articles[0]
        var writer = MarkdownWriter(location: article.origin?.location ?? SourceLocation())
        let summaryText = writer.blocks(article.abstract).trimmingTrailingNewlines
        let summary = summaryText.isEmpty ? nil : summaryText
        let body = writer.body(article)
        var frontMatter = FrontMatterWriter(sink: YAMLEmitter(), article: article)
        frontMatter.write(article, summary: summary)
        let yaml: String
        do {
            yaml = try frontMatter.sink.finish()
        } catch {
            throw ConversionError(
                "markdown.export.front-matter", "the front matter cannot be written as YAML: \(error.problem)", at: writer.location)
        }
        var text = "---\n" + yaml + "---\n"
        if !body.isEmpty { text += "\n" + body }
        var diagnostics = writer.diagnostics
        let dropped = article.fieldsWithRolesAndLanguages() + (article.useKeys.isEmpty ? [] : ["useKeys"])
        if !dropped.isEmpty {
            diagnostics.append(
                .warning(
                    "markdown.export.dropped-fields",
                    "the front matter has no key for the article's \(dropped.joined(separator: ", ")); dropped", at: writer.location))
        }
        return ExportResult(data: Data(text.utf8), diagnostics: diagnostics)
    }
}
