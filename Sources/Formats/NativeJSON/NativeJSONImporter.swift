import Foundation
import NewsCore

/// Reads newsconv IR JSON. An unknown major version is rejected, naming both versions; a newer
/// minor version is read with a warning, since fields this build does not know are dropped.
public struct NativeJSONImporter: ArticleImporter {
    public init() {}

    public func detect(_ sample: InputSample) -> Double {
        let text = sample.text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        guard text.first == "{" else { return 0 }
        return sample.contains("\"newsconv\"") ? 0.95 : 0.1
    }

    public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        let path = input.path
        guard !input.data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw ConversionError(
                "json.input.empty",
                "the input is empty; expected a JSON object {\"newsconv\": \"\(NativeJSONVersion.string)\", \"articles\": [...]}",
                at: SourceLocation(path: path, line: 1, column: 1))
        }
        // One parse when all is well; when decoding fails, the version is checked first, so that a
        // document from an incompatible version gets that message rather than one about some field.
        let document: NativeJSONDocument
        do {
            document = try JSONDecoder().decode(NativeJSONDocument.self, from: input.data)
        } catch {
            struct Header: Decodable { var newsconv: String? }
            if let header = try? JSONDecoder().decode(Header.self, from: input.data) {
                _ = try Self.checkVersion(header.newsconv, data: input.data, path: path)
            }
            throw JSONErrorLocator.conversionError(error, data: input.data, path: path)
        }
        let diagnostics = try Self.checkVersion(document.newsconv, data: input.data, path: path)
        return ImportResult(articles: document.articles, diagnostics: diagnostics)
    }

    /// Throws for a missing, malformed or other-major version; a newer minor version is a warning.
    private static func checkVersion(_ version: String?, data: Data, path: String?) throws -> [Diagnostic] {
        guard let version else {
            throw ConversionError(
                "json.version.missing",
                "the top-level object has no \"newsconv\" version; expected {\"newsconv\": \"\(NativeJSONVersion.string)\", \"articles\": [...]}",
                at: SourceLocation(path: path, line: 1, column: 1))
        }
        let parts = version.split(separator: ".").map { Int($0) }
        guard parts.count == 2, let major = parts[0], let minor = parts[1] else {
            throw ConversionError(
                "json.version.invalid", "\"newsconv\": \"\(version)\" is not a MAJOR.MINOR version",
                at: JSONErrorLocator.location(ofKey: "newsconv", in: data, path: path))
        }
        guard major == NativeJSONVersion.major else {
            throw ConversionError(
                "json.version.unsupported",
                "this document is newsconv JSON \(version), but this newsconv reads version \(NativeJSONVersion.major).x (it writes \(NativeJSONVersion.string))",
                at: JSONErrorLocator.location(ofKey: "newsconv", in: data, path: path))
        }
        if minor > NativeJSONVersion.minor {
            return [
                .warning(
                    "json.version.newer",
                    "this document is newsconv JSON \(version), newer than \(NativeJSONVersion.string); fields this version does not know are dropped",
                    at: JSONErrorLocator.location(ofKey: "newsconv", in: data, path: path))
            ]
        }
        return []
    }
}
