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
        guard var path else { return nil }
        // On the path's bytes: the extension is found and an ASCII one (nearly every one)
        // lowercased in one pass, without a copy of the path.
        let ascii: String?? = path.withUTF8 { bytes in
            var dot = bytes.count
            while dot > 0 {
                dot -= 1
                if bytes[dot] == UInt8(ascii: "/") { return .some(nil) }
                if bytes[dot] == UInt8(ascii: ".") { break }
            }
            guard dot < bytes.count, bytes[dot] == UInt8(ascii: "."), dot + 1 < bytes.count else { return .some(nil) }
            let ext = UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])
            guard !ext.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: ext.count) { out in
                for (i, byte) in ext.enumerated() { out[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                return ext.count
            }
        }
        if let ascii { return ascii }
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[path.index(after: dot)...]).lowercased()
    }

    /// The sample decoded as UTF-8, with invalid bytes replaced, for text sniffing.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the sample's bytes hold `needle`'s UTF-8 bytes: the cheap test for markers such
    /// as `<newsItem` or a namespace URI (Foundation's `contains` on ``text`` compares Unicode
    /// text, and costs dozens of times more, once per input of a batch).
    public func contains(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { wanted in
            guard let first = wanted.first else { return true }
            return bytes.withUnsafeBytes { raw in
                let haystack = raw.bindMemory(to: UInt8.self)
                guard haystack.count >= wanted.count else { return false }
                // Candidates by memchr on the first byte, then compared in full.
                var start = 0
                let last = haystack.count - wanted.count
                while start <= last, let base = haystack.baseAddress,
                    let hit = memchr(base + start, Int32(first), last - start + 1)
                {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, wanted.baseAddress!, wanted.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }
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

    public init(articles: [Article], diagnostics: [Diagnostic] = []) {
        self.articles = articles
        self.diagnostics = diagnostics
    }
}

/// Reads one format into articles.
public protocol ArticleImporter: Sendable {
    /// How sure this importer is that `sample` is its format (0 = no, 1 = certain).
    func detect(_ sample: InputSample) -> Double

    /// Reads the input. Throws a ``ConversionError`` with a location when it cannot.
    func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult
}
