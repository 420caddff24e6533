import Foundation

/// What an exporter returns: the bytes and the diagnostics (a lossy mapping is a warning).
public struct ExportResult: Sendable {
    public var data: Data
    public var diagnostics: [Diagnostic]

    public init(data: Data, diagnostics: [Diagnostic] = []) {
        self.data = data
        self.diagnostics = diagnostics
    }
}

/// Writes articles in one format.
public protocol ArticleExporter: Sendable {
    /// Writes the articles as one document. A format that holds one article per document is
    /// only called with one article (``FormatModule/holdsManyArticles`` is false).
    func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult
}
