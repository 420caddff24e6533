import Foundation
import NewsCore

/// Writes articles as newsconv IR JSON, pretty-printed, keys in the IR's declaration order, ending in a newline.
public struct NativeJSONExporter: ArticleExporter {
    public init() {}

    public func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        var encoder = OrderedJSONEncoder()
        encoder.initialCapacity = 32768
        var data = try encoder.encode(NativeJSONDocument(newsconv: NativeJSONVersion.string, articles: articles))
        data.append(0x0A)
        return ExportResult(data: data)
    }
}
