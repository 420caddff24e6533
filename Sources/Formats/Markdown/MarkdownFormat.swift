import Foundation
import NewsCore

extension FormatModule {
    /// Markdown: CommonMark with YAML front matter, both ways; one article per file.
    public static let markdown = FormatModule(
        name: "markdown",
        aliases: ["md"],
        title: "Markdown: CommonMark with YAML front matter (pipe tables); one article per file",
        fileExtensions: ["md", "markdown"],
        mediaTypes: ["text/markdown"],
        importer: MarkdownImporter(),
        exporter: MarkdownExporter(),
        holdsManyArticles: false
    )
}
