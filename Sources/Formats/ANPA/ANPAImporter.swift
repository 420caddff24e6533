import Foundation
import NewsCore

/// Reads one ANPA 1312 message (AP's wire) into an article. See `docs/formats/anpa.md`.
///
/// After STX, lines that begin with `^` are header lines, ended by `<` (flush left: the
/// keyword line, headline, summary, photo and editor's notes) or `=` (centred: the byline and
/// its title, a table's headings); lines that begin with TAB are paragraphs; lines that begin
/// with BS are rows of an agate table (cells split by `;`, or by US and RS fill).
public struct ANPAImporter: ArticleImporter {
    public init() {}

    /// The framing is ANPA's alone: no other format begins with SYN SYN SOH.
    public func detect(_ sample: InputSample) -> Double {
        ANPAMessage.isFramed(sample.bytes) ? 0.98 : 0
    }

    public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        let message = try ANPAMessage(Array(input.data), path: input.path)
        var reader = ANPATextReader(message: message, path: input.path)
        let article = reader.read()
        return ImportResult(articles: [article], diagnostics: reader.diagnostics)
    }
}
