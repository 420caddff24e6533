import Foundation
import NewsCore

/// Reads newsconv JSON (``NewsCore/ArticleDocument``, which checks the version).
public struct NativeJSONImporter: ArticleImporter {
    public init() {}

    public func detect(_ sample: InputSample) -> Double {
        let text = sample.text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        guard text.first == "{" else { return 0 }
        return sample.contains("\"newsconv\"") ? 0.95 : 0.1
    }

    public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        try ArticleDocument.read(input.data, path: input.path)
    }
}
