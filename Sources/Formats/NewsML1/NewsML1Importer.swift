import Foundation
import NewsCore
import NewsXML

/// Reads NewsML 1.2 (and the 1.0 and 1.1 documents it is compatible with): each `NewsItem` of
/// a `NewsML` document is one article. See `docs/formats/newsml1.md` for the mapping.
public struct NewsML1Importer: ArticleImporter {
    public init() {}

    /// The root `NewsML` is NewsML 1.x's alone (NewsML-G2's roots are `newsItem`, `newsMessage`
    /// and the other items, in lower camel case).
    public func detect(_ sample: InputSample) -> Double {
        guard XMLRootName.of(sample.bytes) == "NewsML" else { return 0 }
        return sample.contains("<NewsItem") ? 0.95 : 0.8
    }

    public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        let path = input.path
        // The DOCTYPE NewsML 1.x documents carry is read, never loaded (newsconv's safe options).
        let document = try XMLDocument.parse(input.data, path: path, limits: options.limits)
        guard let root = document.root else {
            throw ConversionError(
                "newsml1.input.empty", "the document has no root element", at: SourceLocation(path: path, line: 1, column: 1))
        }
        let location = SourceLocation(path: path, line: root.line, column: 1)
        guard root.isNamed("NewsML"), root.namespaceURI == nil else {
            throw ConversionError(
                "newsml1.root.unexpected", "the root element is <\(root.name)>; expected <NewsML> (NewsML 1.x, no namespace)", at: location)
        }
        var diagnostics = document.warnings
        if let version = root.attribute("Version"), !["1.0", "1.1", "1.2"].contains(version) {
            diagnostics.append(
                .warning("newsml1.import.unknown-version", "<NewsML Version=\"\(version)\">: read as NewsML 1.2", at: location))
        }
        let items = root.all("NewsItem")
        guard !items.isEmpty else {
            throw ConversionError(
                "newsml1.item.missing", "<NewsML> holds no <NewsItem> (NewsML requires at least one); expected NewsEnvelope then NewsItem+",
                at: location)
        }
        let envelope = root.first("NewsEnvelope")
        var articles: [Article] = []
        for item in items {
            var reader = NewsML1ItemReader(path: path, envelope: envelope)
            articles.append(try reader.read(item))
            diagnostics += reader.diagnostics
        }
        return ImportResult(articles: articles, diagnostics: diagnostics)
    }
}
