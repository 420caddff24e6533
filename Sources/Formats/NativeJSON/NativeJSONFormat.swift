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

/// The version of the IR JSON this build writes and reads.
public enum NativeJSONVersion {
    /// Bumped in the minor for added fields, in the major for incompatible changes.
    public static let major = 1
    public static let minor = 0
    public static var string: String { "\(major).\(minor)" }
}

/// The top-level object of the `json` format.
struct NativeJSONDocument: Codable {
    var newsconv: String
    var articles: [Article]
}
