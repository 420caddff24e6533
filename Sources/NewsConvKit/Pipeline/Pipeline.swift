import Foundation
import NewsCore

/// The one conversion that `convert`, `batch`, `stream` and `serve` all run: documents in,
/// named outputs and diagnostics out. Each document is detected, imported (its partial dates
/// completed), filtered, exported and checked under `--strict` here and nowhere else; the
/// commands differ only in where the documents come from and where the outputs go.
///
/// A pipeline is made once per run (the settings checked then, so that a bad format name is a
/// usage error before anything is read) and is then used from any number of threads.
public struct Pipeline: Sendable {
    public let converter: Converter
    public let settings: ConversionSettings
    /// The format written.
    public let target: FormatModule
    /// The extension prefixes the exporter reads, when it alone sees the articles: the kept
    /// values under other prefixes are never made (nil: all are made).
    private let keptPrefixes: [String]?
    /// The options importers and exporters get.
    public let options: ConversionOptions
    /// `-M`: metadata set where articles lack it.
    let metadata: ArticleMetadata

    /// Checks the settings: the formats exist and can be read or written, every format option is
    /// declared by some module, the date context is a date. `outputPath` names the output format
    /// by its extension when `settings.to` does not. When `recordsNotes` is false nobody reads
    /// notes (a batch without a report), so importers and exporters need not make them.
    public init(
        _ settings: ConversionSettings, converter: Converter = Converter(), outputPath: String? = nil, recordsNotes: Bool = true
    ) throws(NewsConvError) {
        self.converter = converter
        self.settings = settings
        target = try converter.outputFormat(requested: settings.to, outputPath: outputPath)
        if let from = settings.from { _ = try converter.inputFormat(of: Data(), path: nil, requested: from) }
        try converter.checkFormatOptions(settings.formatOptions)
        metadata = try ArticleMetadata(settings.metadata)
        // A filter that is not there is one usage error, not one failure per document.
        let chain = FilterChain(settings.filters)
        for program in settings.filters where chain.executable(program) == nil {
            throw .usage("the filter '\(program)' is not an executable file (nor on PATH)")
        }
        // When the exporter is all that sees the articles (no filter, no report), the kept
        // elements it does not read are never made: importers hand them over unmade and the
        // pipeline makes those under the prefixes the exporter reads (making every one costs a
        // G2 -> NITF batch a quarter more CPU time; BatchG2ToNITF).
        keptPrefixes = !recordsNotes && settings.filters.isEmpty ? target.readsExtensions : nil
        var options = ConversionOptions(
            now: settings.now, formatOptions: settings.formatOptions, reportsNotes: recordsNotes,
            defersKeptElements: keptPrefixes != nil, limits: settings.limits)
        if let text = settings.dateContext {
            guard let date = NewsDate(iso8601: text), date.hasFullDate else {
                throw .usage("--date-context expects a date as YYYY-MM-DD, got '\(text)'")
            }
            options.dateContext = date
        }
        self.options = options
    }

    /// Converts one document.
    public func convert(_ document: SourceDocument) -> PipelineResult { convert([document]) }

    /// Converts documents into one set of outputs: all their articles in one output when the
    /// target holds several articles (or there is only one), else one output per article (see
    /// ``outputNames(for:articles:)``). When any document fails, none is written.
    public func convert(_ documents: [SourceDocument]) -> PipelineResult {
        var result = PipelineResult()
        var imported: [(document: SourceDocument, articles: [Article])] = []
        for document in documents {
            if let articles = read(document, into: &result.diagnostics) {
                imported.append((document, articles))
            } else {
                result.failed = true
            }
        }
        guard !result.failed else { return result }

        if !settings.filters.isEmpty {
            let chain = FilterChain(settings.filters, limits: settings.limits)
            for index in imported.indices {
                do {
                    let filtered = try chain.apply(
                        imported[index].articles, target: target.name, path: imported[index].document.path ?? "<stdin>")
                    imported[index].articles = filtered.articles
                    result.diagnostics += filtered.diagnostics
                } catch {
                    result.diagnostics += error.earlier + [error.diagnostic]
                    result.failed = true
                    return result
                }
            }
        }

        // Each output with the path of the document its articles came from, when one: an
        // exporter's diagnostic about an article that carries no source location of its own (one
        // read from newsconv JSON) names that file, not standard input.
        var planned: [(name: String, articles: [Article], path: String?)] = []
        let total = imported.reduce(0) { $0 + $1.articles.count }
        if target.holdsManyArticles || total <= 1 {
            let name = Self.outputNames(for: imported.first?.document.name ?? "stdin", articles: 1, target: target)[0]
            planned = [(name, imported.flatMap(\.articles), imported.count == 1 ? imported[0].document.path : nil)]
        } else {
            for (document, articles) in imported {
                planned += zip(Self.outputNames(for: document.name, articles: articles.count, target: target), articles.map { [$0] })
                    .map { ($0, $1, document.path) }
            }
        }
        for (name, articles, path) in planned {
            do {
                let exported = try converter.export(articles, format: target, options: options, path: path)
                result.diagnostics += exported.diagnostics
                result.outputs.append(.init(name: name, data: exported.data))
            } catch {
                result.diagnostics += error.earlier + [error.diagnostic]
                result.failed = true
            }
        }
        if !settings.ignore.isEmpty {
            result.diagnostics.removeAll { $0.severity < .error && settings.ignores($0.code) }
        }
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        if !result.failed, settings.strict, !warnings.isEmpty {
            result.diagnostics.append(
                .error(
                    "output.strict",
                    "nothing was written: under --strict these warnings fail the conversion: \(Self.tally(warnings)) (--ignore CODE accepts one)",
                    at: SourceLocation(path: documents.first?.path ?? "<stdin>", line: 1, column: 1)))
            result.failed = true
        }
        if result.failed { result.outputs = [] }
        return result
    }

    /// `code (N), code (N)` in the order codes first appear.
    private static func tally(_ diagnostics: [Diagnostic]) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics {
            if counts[diagnostic.code] == nil { order.append(diagnostic.code) }
            counts[diagnostic.code, default: 0] += 1
        }
        return order.map { "\($0) (\(counts[$0]!))" }.joined(separator: ", ")
    }

    /// Detects, imports and completes one document; nil when it fails (the diagnostics say why).
    private func read(_ document: SourceDocument, into diagnostics: inout [Diagnostic]) -> [Article]? {
        let at = SourceLocation(path: document.path ?? "<stdin>", line: 1, column: 1)
        // Nothing to tell a format from: say so, rather than that the format is unknown. A format
        // named, or known by the extension, says what an empty input is to it.
        if document.data.isEmpty, settings.from == nil,
            (try? converter.inputFormat(of: document.data, path: document.path, requested: nil)) == nil
        {
            diagnostics.append(.error("input.empty", "the input is empty", at: at))
            return nil
        }
        do {
            let detection = try converter.inputDetection(of: document.data, path: document.path, requested: settings.from)
            let format = detection.module
            if settings.from == nil, options.reportsNotes {
                let basis = detection.basis == .content ? "its content" : "its extension"
                diagnostics.append(
                    .note(
                        "input.format.detected",
                        "read as \(format.name), detected from \(basis) (confidence \(Int((detection.confidence * 100).rounded()))%)",
                        at: at))
            }
            var imported = try converter.importDocument(document.data, path: document.path, format: format, options: options)
            imported.resolveKept(keeping: keptPrefixes)
            diagnostics += imported.diagnostics
            if imported.articles.isEmpty {
                diagnostics.append(.error("input.no-article", "the document holds no article", at: at))
                return nil
            }
            guard !settings.metadata.isEmpty else { return imported.articles }
            return imported.articles.map { article in
                let (completed, notes) = metadata.applied(to: article, at: at)
                diagnostics += notes
                return completed
            }
        } catch let error as NewsConvError {
            switch error {
            case .conversion(let conversion): diagnostics += conversion.earlier + [conversion.diagnostic]
            case .usage(let message): diagnostics.append(.error("input.format.unknown", message, at: at))
            }
        } catch let error as ConversionError {
            diagnostics += error.earlier + [error.diagnostic]
        } catch {
            diagnostics.append(.error("input.failed", "\(error)", at: at))
        }
        return nil
    }

    /// The names of a document's outputs: `name` with the target's extension instead of its own
    /// (`dir/story.xml` gives `dir/story.nitf`), or `dir/story-N.nitf` (N from 1) for each
    /// article of several going into a format that holds one.
    public static func outputNames(for name: String, articles: Int, target: FormatModule) -> [String] {
        // The last part's extension (after its last `.`, unless the part begins with it), on
        // the UTF-8 bytes: NSString's path operations cost more than a conversion's writing
        // (BatchG2ToNITF).
        let utf8 = name.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: "."))
        let base = dot.flatMap { $0 == nameStart ? nil : String(name[..<$0]) } ?? name
        let ext = target.outputExtension
        if target.holdsManyArticles || articles <= 1 { return ["\(base).\(ext)"] }
        return (1...articles).map { "\(base)-\($0).\(ext)" }
    }
}
