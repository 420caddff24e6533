import Foundation
import NewsCore

/// Writes one article as agency wire text, plain or framed as IPTC 7901 (`wire.framing`),
/// wrapped at `wire.width`, with `wire.line-ends` and in `wire.encoding`. See `docs/formats/wire.md`.
public struct WireTextExporter: ArticleExporter {
    public init() {}

    /// The format options' keys.
    public enum Option {
        public static let framing = "wire.framing"
        public static let width = "wire.width"
        public static let lineEnds = "wire.line-ends"
        public static let encoding = "wire.encoding"
    }

    public func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        guard articles.count == 1, let article = articles.first else {
            throw ConversionError(
                "wire.export.one-article", "wire text holds one article, and \(articles.count) were given; write them one per file")
        }
        let settings = options.formatOptions
        let framing = try Self.value(settings[Option.framing], Option.framing, default: WireFraming.plain, WireFraming.init(rawValue:))
        let is7901 = framing == .iptc7901
        let width = try Self.value(settings[Option.width], Option.width, default: is7901 ? 69 : 0) {
            Int($0).flatMap { $0 >= 0 ? $0 : nil }
        }
        let crlf = try Self.value(settings[Option.lineEnds], Option.lineEnds, default: is7901) { ["crlf": true, "lf": false][$0] }
        // UTF-8 by default, which loses nothing; Latin-1 (what 7901 lines carried) on request.
        let latin1 = try Self.value(settings[Option.encoding], Option.encoding, default: false) {
            ["latin1": true, "iso-8859-1": true, "utf-8": false, "utf8": false][$0.lowercased()]
        }
        var writer = WireTextWriter(framing: framing, width: width, location: article.origin?.location ?? SourceLocation())
        let lines = writer.lines(for: article)
        // A dispatch of nothing would not read back as one: an article without a word wire text
        // can hold (a picture's metadata alone) is refused.
        guard lines.contains(where: { $0.contains(where: { !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x20 } ?? true }) }) else {
            throw ConversionError(
                "wire.export.empty", "the article has no headline, text or other words wire text can hold; nothing to write",
                at: article.origin?.location ?? SourceLocation())
        }
        let text = lines.joined(separator: crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n")
        var diagnostics = writer.diagnostics
        let foreign = Set(
            article.extensions.values.keys.filter { !$0.hasPrefix(IPTC7901Envelope.Key.prefix) }.map { String($0.prefix { $0 != ":" }) })
        if options.reportsNotes, !foreign.isEmpty {
            diagnostics.append(
                .note(
                    "wire.export.foreign-extensions",
                    "extensions kept from other formats (\(foreign.sorted().joined(separator: ", "))) are not written: wire text has no place for them",
                    at: article.origin?.location ?? SourceLocation()))
        }
        guard latin1 else { return ExportResult(data: Data(text.utf8), diagnostics: diagnostics) }
        let (bytes, replaced) = WireTransliteration.latin1(text)
        if !replaced.isEmpty {
            let listed = replaced.sorted { $0.value < $1.value }.map {
                "'\($0)' (U+\(String($0.value, radix: 16, uppercase: true))) as '\(WireTransliteration.table[$0] ?? "?")'"
            }
            .joined(separator: ", ")
            diagnostics.append(
                .warning(
                    "wire.export.transliterated",
                    "ISO-8859-1 has no \(replaced.count > 1 ? "characters" : "character") for \(listed); written so",
                    at: article.origin?.location ?? SourceLocation()))
        }
        return ExportResult(data: Data(bytes), diagnostics: diagnostics)
    }

    private static func value<T>(_ text: String?, _ key: String, default fallback: T, _ parse: (String) -> T?) throws -> T {
        guard let text else { return fallback }
        guard let value = parse(text) else {
            throw ConversionError("wire.option.invalid", "\(key)=\(text) is not a value newsconv knows for \(key); see 'newsconv formats'")
        }
        return value
    }
}
