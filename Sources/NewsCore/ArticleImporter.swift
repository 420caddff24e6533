import ByteLevel
import Foundation

/// The start of an input, for content detection.
public struct InputSample: Sendable {
    /// The first bytes of the input (up to 8 KiB).
    public var bytes: Data
    /// The file's path, if it has one.
    public var path: String?

    public init(bytes: Data, path: String? = nil) {
        self.bytes = bytes
        self.path = path
    }

    /// The lowercased file extension (`txt`, `xml`), if any.
    public var fileExtension: String? {
        guard let path, let dot = path.lastUTF8Index(of: UInt8(ascii: ".")) else { return nil }
        // A dot in a folder's name is no extension (`v1.2/story`).
        if let slash = path.lastUTF8Index(of: UInt8(ascii: "/")), slash > dot { return nil }
        let ext = path[path.index(after: dot)...]
        guard !ext.isEmpty else { return nil }
        // An ASCII extension, nearly every one, is lowercased byte by byte in one pass.
        return UTF8Concatenation.mappedASCII(ext) { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } ?? ext.lowercased()
    }

    /// The sample decoded as UTF-8, with invalid bytes replaced, for text sniffing.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the sample's bytes hold `needle`'s UTF-8 bytes: the cheap test for markers such
    /// as `<newsItem` or a namespace URI (Foundation's `contains` on ``text`` compares Unicode
    /// text, and costs dozens of times more, once per input of a batch).
    public func contains(_ needle: String) -> Bool { ByteSearch.contains(needle, in: bytes) }
}

/// A whole input to import.
public struct ImportInput: Sendable {
    /// The input's bytes.
    public var data: Data
    /// The path to name in diagnostics (nil for standard input).
    public var path: String?

    public init(data: Data, path: String? = nil) {
        self.data = data
        self.path = path
    }
}

/// What an importer returns: the articles and the diagnostics (warnings, notes).
public struct ImportResult: Sendable {
    public var articles: [Article]
    public var diagnostics: [Diagnostic]
    /// Kept extension values not made yet, when the caller asked to make them itself
    /// (``ConversionOptions/defersKeptElements``): ``resolveKept(keeping:)`` makes them.
    package var deferred = DeferredExtensions()

    public init(articles: [Article], diagnostics: [Diagnostic] = []) {
        self.articles = articles
        self.diagnostics = diagnostics
    }

    /// An importer's kept values: handed over unmade when `deferring`, else made now.
    package mutating func keep(_ kept: DeferredExtensions, deferring: Bool) {
        if deferring { deferred = kept } else { kept.resolve(into: &articles) }
    }

    /// Makes the deferred values under `prefixes` (all when nil) into the articles' extensions
    /// and drops the rest: the articles are then whole for an exporter that reads those prefixes.
    package mutating func resolveKept(keeping prefixes: [String]? = nil) {
        deferred.resolve(into: &articles, keeping: prefixes)
        deferred = DeferredExtensions()
    }
}

/// Reads one format into articles.
public protocol ArticleImporter: Sendable {
    /// How sure this importer is that `sample` is its format (0 = no, 1 = certain).
    func detect(_ sample: InputSample) -> Double

    /// Reads the input. Throws a ``ConversionError`` with a location when it cannot.
    func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult
}
