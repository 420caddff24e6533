import Foundation
import NewsCore

/// Writes articles as newsconv JSON (``NewsCore/ArticleDocument``): pretty-printed, keys in the
/// IR's declaration order, ending in a newline.
public struct NativeJSONExporter: ArticleExporter {
    public init() {}

    public func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        ExportResult(data: try ArticleDocument.write(articles))
    }
}
