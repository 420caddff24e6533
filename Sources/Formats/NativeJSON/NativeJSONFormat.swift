import Foundation
import NewsCore

extension FormatModule {
    /// newsconv's own lossless, versioned JSON: `{"newsconv": "1.0", "articles": [...]}`.
    public static let nativeJSON = FormatModule(
        name: "json",
        title: "newsconv IR JSON (lossless, versioned)",
        fileExtensions: ["json"],
        mediaTypes: ["application/vnd.newsconv+json"],
        importer: NativeJSONImporter(),
        exporter: NativeJSONExporter(),
        holdsManyArticles: true
    )
}

/// The version of the IR JSON this build writes and reads (``NewsCore/ArticleDocument/Version``).
public typealias NativeJSONVersion = ArticleDocument.Version
