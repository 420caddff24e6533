import Foundation
import NewsCore

/// The conversion pipeline: detect, import, complete dates, export, write atomically.
/// The CLI parses arguments and calls this; everything it does is here.
public struct Converter: Sendable {
    public let registry: FormatRegistry

    public init(registry: FormatRegistry = BuiltinFormats.registry) {
        self.registry = registry
    }

    /// The module for an input: the one named by `requested`, else detected from the path's
    /// extension, then from the content.
    public func inputFormat(of data: Data, path: String?, requested: String?) throws(NewsConvError) -> FormatModule {
        try inputDetection(of: data, path: path, requested: requested).module
    }

    /// The module that reads the input and how it was chosen: named with `requested`
    /// (confidence 1), or detected from the extension or the content with the detector's confidence.
    public func inputDetection(of data: Data, path: String?, requested: String?) throws(NewsConvError) -> FormatRegistry.Detection {
        if let requested {
            guard let module = registry.module(named: requested) else {
                throw .usage(
                    "unknown input format '\(requested)'\(Suggestion.phrase(for: requested, among: registry.names(importing: true))); formats that can be read: \(registry.names(importing: true).joined(separator: ", "))"
                )
            }
            guard module.importer != nil else {
                throw .usage(
                    "format '\(module.name)' cannot be read; formats that can be read: \(registry.names(importing: true).joined(separator: ", "))"
                )
            }
            return FormatRegistry.Detection(module: module, confidence: 1, basis: .named)
        }
        // UTF-16 and UTF-32 inputs are looked at as the importer will read them: as UTF-8.
        let sample = InputSample(bytes: (UnicodeInput.transcoded(data.prefix(8192))?.data ?? data).prefix(8192), path: path)
        guard let detection = registry.detect(sample) else {
            let formats = registry.names(importing: true).joined(separator: ", ")
            let message =
                KnownUnsupportedFormat.name(of: sample).map {
                    "the input looks like \($0), which newsconv does not read; formats that can be read: \(formats)"
                } ?? "cannot tell the format of this input from its extension or content; name it with --from (one of: \(formats))"
            throw .conversion(
                ConversionError("input.format.unknown", message, at: SourceLocation(path: path ?? "<stdin>", line: 1, column: 1)))
        }
        return detection
    }

    /// The module to write: the one named by `requested`, else the one whose extension the
    /// output path has, else the registry's default output (newsconv JSON for the built-in one).
    public func outputFormat(requested: String?, outputPath: String?) throws(NewsConvError) -> FormatModule {
        let writable = registry.names(importing: false).joined(separator: ", ")
        if let requested {
            guard let module = registry.module(named: requested) else {
                let suggestion = Suggestion.phrase(for: requested, among: registry.names(importing: false))
                throw .usage("unknown output format '\(requested)'\(suggestion); formats that can be written: \(writable)")
            }
            guard module.exporter != nil else {
                throw .usage("format '\(module.name)' cannot be written yet; formats that can be written: \(writable)")
            }
            return module
        }
        // As pandoc does: the output file's extension names the format; one that names none is
        // an error, never a silent default (newsconv JSON in `story.html`).
        if let outputPath, !Self.isDirectory(outputPath), let ext = InputSample(bytes: Data(), path: outputPath).fileExtension {
            guard let module = registry.modules.first(where: { $0.exporter != nil && $0.fileExtensions.contains(ext) }) else {
                throw .usage(
                    "cannot tell the output format from the extension '.\(ext)' of \(outputPath); name it with --to (one of: \(writable))")
            }
            return module
        }
        guard let fallback = registry.defaultOutput else {
            throw .usage("name the output format with --to (one of: \(writable))")
        }
        return fallback
    }

    /// Imports one document with a known format and completes its partial dates.
    public func importDocument(_ data: Data, path: String?, format: FormatModule, options: ConversionOptions) throws(ConversionError)
        -> ImportResult
    {
        guard let importer = format.importer else {
            throw ConversionError(
                "input.format.cannot-read", "format '\(format.name)' cannot be read", at: SourceLocation(path: path, line: 1, column: 1))
        }
        // An input in UTF-16 or UTF-32 is read as UTF-8 (see UnicodeInput); a note says so, and
        // the articles' origin keeps the encoding it was in.
        let unicode = UnicodeInput.transcoded(data)
        var result: ImportResult
        do {
            result = try importer.read(ImportInput(data: unicode?.data ?? data, path: path), options: options)
        } catch let error as ConversionError {
            throw error.inFile(path ?? "<stdin>")
        } catch {
            throw ConversionError(
                "\(format.name).import.failed", "\(error)", at: SourceLocation(path: path ?? "<stdin>", line: 1, column: 1))
        }
        for index in result.articles.indices { DateCompletion.complete(&result.articles[index], context: options.dateContext) }
        if let unicode {
            for index in result.articles.indices { result.articles[index].origin?.encoding = unicode.encoding }
            if options.reportsNotes {
                result.diagnostics.insert(
                    .note(
                        "input.encoding.unicode", "the input is \(unicode.encoding.uppercased()); read as Unicode text",
                        at: SourceLocation(path: path, line: 1, column: 1)), at: 0)
            }
        }
        let file = path ?? "<stdin>"
        for index in result.diagnostics.indices where result.diagnostics[index].location.path == nil {
            result.diagnostics[index] = result.diagnostics[index].inFile(file)
        }
        return result
    }

    /// Exports articles with a module's exporter. A diagnostic without a file names the article's
    /// source, else `path` (the document the articles were read from, when they carry no origin
    /// of their own, as those read from newsconv JSON), else standard input.
    public func export(
        _ articles: [Article], format: FormatModule, options: ConversionOptions, path: String? = nil
    ) throws(ConversionError) -> ExportResult {
        guard let exporter = format.exporter else {
            throw ConversionError("output.format.cannot-write", "format '\(format.name)' cannot be written")
        }
        do {
            let result = try exporter.write(articles, options: options)
            let source = (articles.count == 1 ? articles[0].origin?.path : nil) ?? path
            return ExportResult(data: result.data, diagnostics: result.diagnostics.map { $0.inFile(source ?? "<stdin>") })
        } catch let error as ConversionError {
            throw error.inFile(articles.first?.origin?.path ?? path ?? "<stdin>")
        } catch {
            throw ConversionError("\(format.name).export.failed", "\(error)")
        }
    }

    /// Runs `newsconv convert`: the files named (or standard input) through one ``Pipeline``,
    /// into one output file, a folder of them, or standard output. Usage problems throw;
    /// conversion problems are diagnostics in the outcome.
    public func convert(_ request: ConvertRequest, readStandardInput: () -> Data) throws(NewsConvError) -> ConvertOutcome {
        let pipeline = try Pipeline(request.settings, converter: self, outputPath: request.output)
        var outcome = ConvertOutcome()
        if let warning = extensionMismatch(target: pipeline.target, outputPath: request.output) { outcome.diagnostics.append(warning) }
        let inputs = request.inputs.isEmpty ? ["-"] : request.inputs
        if inputs.filter({ $0 == "-" }).count > 1 { throw .usage("standard input (-) can be read only once") }
        for input in inputs where input != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw .usage("no such file: \(input)")
            }
            guard !isDirectory.boolValue else {
                throw .usage("\(input) is a directory; convert reads files (use 'newsconv batch' for folders)")
            }
        }
        var documents: [SourceDocument] = []
        for input in inputs {
            if input == "-" {
                documents.append(SourceDocument(data: readStandardInput(), path: nil))
            } else {
                guard let contents = FileManager.default.contents(atPath: input) else { throw .usage("cannot read \(input)") }
                documents.append(SourceDocument(data: contents, path: input))
            }
        }

        let result = pipeline.convert(documents)
        outcome.diagnostics += result.diagnostics
        if result.failed {
            outcome.exitCode = 1
            return outcome
        }
        // Where each output goes: the file -o names, a file in the folder it names, or standard output.
        var plan: [(destination: String?, data: Data)] = []
        if let output = request.output, Self.isDirectory(output) {
            plan = result.outputs.map { ((output as NSString).appendingPathComponent($0.name), $0.data) }
        } else if result.outputs.count > 1 {
            // A folder only where -o says so (a trailing `/`, or an existing folder): `-o msg.nitf`
            // is a file, and one file cannot hold several NITF articles.
            throw .usage(
                "format '\(pipeline.target.name)' holds one article per document, and the input has \(result.outputs.count); name a folder with -o DIR/ to get one file per article"
            )
        } else {
            plan = result.outputs.map { (request.output, $0.data) }
        }
        // Two inputs with one stem (a/x.txt, b/x.txt) would write the same file: one would be lost.
        var planned = Set<String>()
        for destination in plan.compactMap(\.destination) where !planned.insert(destination).inserted {
            throw .usage(
                "two inputs would both be written to \(destination) (their names differ only in folder or extension); convert them separately, or use 'newsconv batch', which mirrors folders"
            )
        }
        // Inputs are never replaced, whatever -o says (a file converted to the format it is in).
        for destination in plan.compactMap(\.destination) {
            if let input = inputs.first(where: { $0 != "-" && FileIO.sameFile($0, destination) }) {
                throw .usage("the output \(destination) is the input \(input); newsconv never replaces its inputs (name another output)")
            }
        }
        // --no-clobber: nothing is written when any output exists.
        if request.noClobber, let existing = plan.compactMap(\.destination).first(where: { FileManager.default.fileExists(atPath: $0) }) {
            outcome.diagnostics.append(
                .error(
                    "output.exists", "the output \(existing) exists; nothing was written (--no-clobber leaves outputs that exist alone)",
                    at: SourceLocation(path: existing, line: 1, column: 1)))
            outcome.exitCode = 1
            return outcome
        }
        for (destination, data) in plan {
            if let destination {
                do {
                    try OutputFile.write(data, to: destination)
                    outcome.writtenFiles.append(destination)
                } catch {
                    outcome.diagnostics.append(
                        .error(
                            "output.write.failed", "cannot write the output: \(error.localizedDescription)",
                            at: SourceLocation(path: destination, line: 1, column: 1)))
                    outcome.exitCode = 1
                    return outcome
                }
            } else {
                outcome.standardOutput = (outcome.standardOutput ?? Data()) + data
            }
        }
        return outcome
    }

    /// A warning when `-o` has the extension of another format than the one written (`-t nitf -o
    /// story.json`): the file would be mistaken for that format.
    func extensionMismatch(target: FormatModule, outputPath: String?) -> Diagnostic? {
        guard let outputPath, !Self.isDirectory(outputPath), let ext = InputSample(bytes: Data(), path: outputPath).fileExtension,
            !target.fileExtensions.contains(ext),
            let other = registry.modules.first(where: { $0.name != target.name && $0.fileExtensions.contains(ext) })
        else { return nil }
        return .warning(
            "output.extension.mismatch", "the output \(outputPath) has the extension of \(other.name), but \(target.name) is written there",
            at: SourceLocation(path: outputPath, line: 1, column: 1))
    }

    /// Every `format.option` key must be an option some module declares.
    public func checkFormatOptions(_ options: [String: String]) throws(NewsConvError) {
        for key in options.keys.sorted() {
            let known = registry.modules.flatMap(\.options).map(\.key)
            guard known.contains(key) else {
                throw .usage(
                    "unknown format option '\(key)'\(Suggestion.phrase(for: key, among: known)); options: \(known.isEmpty ? "none" : known.joined(separator: ", ")) (see 'newsconv formats')"
                )
            }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }
}
