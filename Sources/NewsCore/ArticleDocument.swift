import Foundation

/// newsconv JSON, the IR's own document: `{"newsconv": "MAJOR.MINOR", "articles": [...]}`, written
/// and read here so that everything that speaks it (the `json` format, filters, external format
/// plugins) shares one envelope and one version check without importing a format module.
public struct ArticleDocument: Codable, Sendable {
    /// The version of the IR JSON this build writes and reads: bumped in the minor for added
    /// fields, in the major for incompatible changes.
    public enum Version {
        public static let major = 1
        public static let minor = 0
        public static var string: String { "\(major).\(minor)" }
    }

    public var newsconv: String
    public var articles: [Article]

    public init(articles: [Article]) {
        newsconv = Version.string
        self.articles = articles
    }

    /// The articles as newsconv JSON: pretty-printed, keys in the IR's order, ending in a newline.
    public static func write(_ articles: [Article]) throws -> Data {
        var encoder = OrderedJSONEncoder()
        encoder.initialCapacity = 32768
        var data = try encoder.encode(ArticleDocument(articles: articles))
        data.append(0x0A)
        return data
    }

    /// Reads newsconv JSON. An unknown major version is rejected, naming both versions; a newer
    /// minor version is read with a warning, since fields this build does not know are dropped.
    public static func read(_ data: Data, path: String?) throws -> ImportResult {
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw ConversionError(
                "json.input.empty",
                "the input is empty; expected a JSON object {\"newsconv\": \"\(Version.string)\", \"articles\": [...]}",
                at: SourceLocation(path: path, line: 1, column: 1))
        }
        // One parse when all is well; when decoding fails, the version is checked first, so that a
        // document from an incompatible version gets that message rather than one about some field.
        let document: ArticleDocument
        do {
            document = try JSONDecoder().decode(ArticleDocument.self, from: data)
        } catch {
            struct Header: Decodable { var newsconv: String? }
            if let header = try? JSONDecoder().decode(Header.self, from: data) {
                _ = try checkVersion(header.newsconv, data: data, path: path)
            }
            throw JSONErrorLocator.conversionError(error, data: data, path: path)
        }
        let diagnostics = try checkVersion(document.newsconv, data: data, path: path)
        return ImportResult(articles: document.articles, diagnostics: diagnostics)
    }

    /// Throws for a missing, malformed or other-major version; a newer minor version is a warning.
    private static func checkVersion(_ version: String?, data: Data, path: String?) throws -> [Diagnostic] {
        guard let version else {
            throw ConversionError(
                "json.version.missing",
                "the top-level object has no \"newsconv\" version; expected {\"newsconv\": \"\(Version.string)\", \"articles\": [...]}",
                at: SourceLocation(path: path, line: 1, column: 1))
        }
        let parts = version.split(separator: ".").map { Int($0) }
        guard parts.count == 2, let major = parts[0], let minor = parts[1] else {
            throw ConversionError(
                "json.version.invalid", "\"newsconv\": \"\(version)\" is not a MAJOR.MINOR version",
                at: JSONErrorLocator.location(ofKey: "newsconv", in: data, path: path))
        }
        guard major == Version.major else {
            throw ConversionError(
                "json.version.unsupported",
                "this document is newsconv JSON \(version), but this newsconv reads version \(Version.major).x (it writes \(Version.string))",
                at: JSONErrorLocator.location(ofKey: "newsconv", in: data, path: path))
        }
        if minor > Version.minor {
            return [
                .warning(
                    "json.version.newer",
                    "this document is newsconv JSON \(version), newer than \(Version.string); fields this version does not know are dropped",
                    at: JSONErrorLocator.location(ofKey: "newsconv", in: data, path: path))
            ]
        }
        return []
    }
}
