import Foundation
import NewsCore

/// Writes ninjs in the profile named by the `ninjs.profile` option (3 by default): one article
/// as one ninjs object. The schema's top level is one object, so several articles are one file
/// each (the CLI writes them into a directory).
public struct NinjsExporter: ArticleExporter {
    public init() {}

    /// The profile the options name.
    public static func profile(_ options: ConversionOptions) throws -> NinjsProfile {
        guard let value = options.formatOptions[NinjsFormatOptions.profile] else { return .v3 }
        guard let profile = NinjsProfile(option: value) else {
            throw ConversionError(
                "ninjs.option.invalid", "\(NinjsFormatOptions.profile)=\(value) is not a ninjs profile; use 3 (3.1), 2 (2.2) or 1 (1.6)")
        }
        return profile
    }

    public func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        let profile = try Self.profile(options)
        guard articles.count == 1 else {
            throw ConversionError(
                "ninjs.export.one-article", "a ninjs document holds one article, and \(articles.count) were given; write them one per file")
        }
        var diagnostics: [Diagnostic] = []
        var objects: [OrderedJSON] = []
        for article in articles {
            var writer = NinjsWriter(
                profile: profile, location: article.origin?.location ?? SourceLocation(), reportsNotes: options.reportsNotes)
            objects.append(writer.object(for: article))
            diagnostics += writer.diagnostics
        }
        var encoder = OrderedJSONEncoder()
        encoder.initialCapacity = 32768
        return ExportResult(data: try encoder.encode(objects[0]), diagnostics: diagnostics)
    }
}

/// The option keys of the ninjs format.
public enum NinjsFormatOptions {
    public static let profile = "ninjs.profile"
}
