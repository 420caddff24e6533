import Foundation
import NewsCore
import Synchronization

/// The engine behind `newsconv batch`: lists the inputs of every source on one thread, converts
/// them on `jobs` worker threads through a bounded queue (so memory stays flat however many files
/// there are; one job lists and converts on one thread), writes every output atomically, and
/// records each input in the report. One bad file never stops the batch. See `docs/batch.md`.
public final class BatchRunner: @unchecked Sendable {
    public let request: BatchRequest
    let converter: Converter
    /// Called after each input (from worker threads); a display throttles it. Set it before
    /// ``run(readStandardInput:)``: the total number of inputs is counted only for it.
    public var onProgress: (@Sendable (BatchProgress) -> Void)?
    /// Called for each input that fails, with the error that says why, and for a failure of the
    /// batch itself (a source that cannot be read, the output or the report that cannot be
    /// written), located at that path without a line.
    public var onFailure: (@Sendable (Diagnostic) -> Void)?

    private let lock = NSLock()
    /// Read by the lister and the workers for every input: an atomic, not the lock they would
    /// otherwise contend for.
    private let cancelled = Atomic<Bool>(false)
    private var outcome = BatchOutcome()
    private var claimed: Set<String> = []
    private var total: Int?
    private var started = Date()

    public init(request: BatchRequest, converter: Converter = Converter()) {
        self.request = request
        self.converter = converter
    }

    /// Stops listing and converting new inputs; those being converted finish, and the outputs and report are
    /// completed, so the batch can be resumed with `--skip-existing`.
    public func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    private var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Runs the batch. Usage problems (an unknown format, a missing source, an output that exists)
    /// throw before anything is converted.
    public func run(readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) throws(NewsConvError)
        -> BatchOutcome
    {
        // Only the report records notes: without one, importers and exporters need not make them.
        let pipeline = try Pipeline(request.settings, converter: converter, recordsNotes: request.report != nil)
        guard !request.sources.isEmpty else {
            throw .usage("name at least one source: a folder, a .zip, .tar or .tar.gz, or - for a list of paths")
        }
        if request.sources.filter({ $0 == "-" }).count > 1 { throw .usage("standard input (-) can be read only once") }
        if request.skipExisting && request.overwrite { throw .usage("--skip-existing and --overwrite exclude each other") }
        var sources: [BatchSource] = []
        do {
            for argument in request.sources { sources.append(try BatchSource.named(argument, standardInput: readStandardInput)) }
        } catch {
            throw .usage("\(error)")
        }

        let output: BatchOutput
        do {
            if request.output.lowercased().hasSuffix(".zip") {
                let url = URL(fileURLWithPath: request.output)
                if FileManager.default.fileExists(atPath: url.path), !request.skipExisting, !request.overwrite {
                    throw NewsConvError.usage(
                        "\(request.output) exists; name --skip-existing to resume into it or --overwrite to replace it")
                }
                output = try ZipOutput(url: url, keepExisting: request.skipExisting)
            } else {
                output = try DirectoryOutput(root: URL(fileURLWithPath: request.output))
            }
        } catch let error as NewsConvError {
            throw error
        } catch {
            throw .usage("\(error)")
        }
        let report: BatchReport?
        do {
            report = try request.report.map { try BatchReport(path: $0) }
        } catch {
            output.abandon()
            throw .usage("\(error)")
        }

        started = Date()
        // Never read back as inputs: the output, and the report being written.
        let excluded = output.excludedFromSources + (request.report.flatMap { $0 == "-" ? nil : [URL(fileURLWithPath: $0)] } ?? [])
        // The total is for progress (done/total, ETA); counting walks a folder or a list once
        // more, so it is done only when progress is shown.
        if onProgress != nil {
            total = (try? sources.map { try $0.count(excluding: excluded, selecting: request.selection) }).flatMap { counts in
                counts.contains(nil) ? nil : counts.reduce(0) { $0 + ($1 ?? 0) }
            }
        }

        let prefixes = Self.outputFolders(for: sources.map(\.name))
        let group = DispatchGroup()
        if request.jobs == 1 {
            // One job lists and converts on one thread: no queue, and no hand-over of inputs
            // between two threads (and two cores' caches).
            group.enter()
            let thread = Thread { [self, sources] in
                list(sources, prefixes: prefixes, excluding: excluded, report: report) { input in
                    process(input, pipeline: pipeline, output: output, report: report)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
            group.wait()
        } else {
            // Paths cost next to nothing to queue, and a deep queue lets the lister, woken when it
            // has drained to half, be scheduled before the jobs run out of work (with 64 they
            // often did: two jobs slept and woke some 1,500 times a 20,000-file batch). Archive
            // entries carry their bytes: at most 64 MiB of them in all.
            let queue = WorkQueue<BatchInput>(capacity: max(512, request.jobs * 64), maximumCost: 64 << 20) { $0.data?.count ?? 0 }
            for _ in 0..<request.jobs {
                group.enter()
                let thread = Thread { [self] in
                    while let input = queue.take() {
                        // Once cancelled, what is still queued is taken and left for a resume, so
                        // that the lister, waiting on a full queue, can see the cancellation.
                        if isCancelled { continue }
                        process(input, pipeline: pipeline, output: output, report: report)
                    }
                    group.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            list(sources, prefixes: prefixes, excluding: excluded, report: report) { queue.put($0) }
            queue.close()
            group.wait()
        }

        lock.lock()
        outcome.interrupted = isCancelled
        outcome.seconds = Date().timeIntervalSince(started)
        let final = outcome
        lock.unlock()
        do {
            try output.finish()
        } catch {
            onFailure?(.error("batch.output.unwritable", "\(error)", at: SourceLocation(path: request.output)))
            output.abandon()
            // Nothing this batch converted was written (a zip is written whole or not at all).
            var failed = final
            failed.failed += failed.converted
            failed.converted = 0
            failed.outputs = 0
            return failed
        }
        let rate = final.seconds > 0 ? Double(final.inputs) / final.seconds : 0
        do {
            try report?.finish(summary: Self.summary(of: final, rate: rate, shard: request.selection.shard))
        } catch {
            // The report is part of what was asked for: a report that could not be written
            // fails the batch, with the reason.
            onFailure?(.error("batch.report.unwritable", "\(error)", at: SourceLocation(path: request.report)))
            var failed = final
            failed.failed += 1
            return failed
        }
        return final
    }

    /// The report's closing summary object.
    /// A shard's summary names it: the reports of N shards, concatenated, are the whole's report
    /// with one summary per shard.
    private static func summary(of final: BatchOutcome, rate: Double, shard: BatchShard?) -> OrderedJSON {
        var fields: [(String, OrderedJSON)] = [
            ("inputs", .number(Double(final.inputs))), ("converted", .number(Double(final.converted))),
            ("failed", .number(Double(final.failed))),
            ("skipped", .number(Double(final.skipped))), ("outputs", .number(Double(final.outputs))),
            ("seconds", .number((final.seconds * 1000).rounded() / 1000)), ("filesPerSecond", .number(rate.rounded())),
            ("interrupted", .bool(final.interrupted)), ("exitCode", .number(Double(final.exitCode))),
        ]
        if let shard { fields.append(("shard", .string(shard.description))) }
        fields.append(
            (
                "codes",
                .object(
                    final.codesByCount.map { code, tally in
                        (
                            code,
                            .object([
                                ("severity", .string(tally.severity.rawValue)), ("count", .number(Double(tally.count))),
                                ("first", .string(tally.firstPath)),
                            ])
                        )
                    })
            ))
        return .object(fields)
    }

    /// Lists every source's inputs, handing each to `handle`, until the batch is cancelled; a
    /// source that breaks part-way (a corrupt archive) is reported and the others go on.
    private func list(
        _ sources: [BatchSource], prefixes: [String], excluding excluded: [URL], report: BatchReport?, _ handle: (BatchInput) -> Void
    ) {
        for ((source, prefix), given) in zip(zip(sources, prefixes), request.sources) {
            // Paths are said as the source was given (`archive/2024/a.xml`, `feed.zip:a.xml`),
            // in the report, the diagnostics and the articles' origin, not as the walk found them.
            let listedRoot = source.listedRoot
            let givenRoot = given.count > 1 && given.hasSuffix("/") ? String(given.dropLast()) : given
            do {
                try source.forEach(excluding: excluded, selecting: request.selection, limits: request.settings.limits) { input in
                    guard !isCancelled else { return false }
                    var input = input
                    if let listedRoot, input.displayPath.hasPrefix(listedRoot) {
                        input.displayPath = givenRoot + input.displayPath.dropFirst(listedRoot.count)
                    }
                    // Several sources: each one's outputs go under its own name.
                    if sources.count > 1 { input.relativePath = prefix + "/" + input.relativePath }
                    handle(input)
                    return true
                }
            } catch {
                // At the source that broke (not the first one), by its path, not by a line of it.
                let diagnostic = Diagnostic.error("batch.source.unreadable", "\(error)", at: SourceLocation(path: given))
                onFailure?(diagnostic)
                report?.record(path: given, status: "failed", outputs: [], diagnostics: [diagnostic], milliseconds: 0)
                // The unread rest of the source is one failed input, so that the counts add up.
                lock.lock()
                outcome.inputs += 1
                outcome.failed += 1
                lock.unlock()
            }
            if isCancelled { break }
        }
    }

    // MARK: One input

    private enum Status: String { case converted, failed, skipped }

    private func process(_ input: BatchInput, pipeline: Pipeline, output: BatchOutput, report: BatchReport?) {
        let start = DispatchTime.now()
        var diagnostics: [Diagnostic] = []
        var written: [String] = []
        let status = convert(input, pipeline: pipeline, output: output, diagnostics: &diagnostics, written: &written)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        report?.record(
            path: input.displayPath, status: status.rawValue, outputs: written, diagnostics: diagnostics, milliseconds: milliseconds)
        if status == .failed, let error = diagnostics.last(where: { $0.severity == .error }) ?? diagnostics.last { onFailure?(error) }
        lock.lock()
        outcome.inputs += 1
        outcome.tally(diagnostics, path: input.displayPath)
        switch status {
        case .converted: outcome.converted += 1
        case .failed: outcome.failed += 1
        case .skipped: outcome.skipped += 1
        }
        outcome.outputs += written.count
        let progress = BatchProgress(done: outcome.inputs, total: total, failed: outcome.failed, elapsed: Date().timeIntervalSince(started))
        lock.unlock()
        onProgress?(progress)
    }

    /// The folder each source's outputs go under, when there are several: its name, made safe,
    /// and `-2`, `-3`... after a name an earlier source has (`a/in` and `b/in` give `in`, `in-2`).
    static func outputFolders(for names: [String]) -> [String] {
        var taken = Set<String>()
        return names.map { taken.insertUnique(BatchInput.safeRelativePath($0)) }
    }

    private func convert(
        _ input: BatchInput, pipeline: Pipeline, output: BatchOutput, diagnostics: inout [Diagnostic], written: inout [String]
    ) -> Status {
        let path = input.displayPath
        func fail(_ code: String, _ message: String) -> Status {
            diagnostics.append(.error(code, message, at: SourceLocation(path: path, line: 1, column: 1)))
            return .failed
        }
        if request.skipExisting {
            let single = Pipeline.outputNames(for: input.relativePath, articles: 1, target: pipeline.target)[0]
            let first = Pipeline.outputNames(for: input.relativePath, articles: 2, target: pipeline.target)[0]
            if output.exists(single) || output.exists(first) { return .skipped }
        }
        let data: Data
        do {
            data = try input.load()
        } catch {
            return fail("batch.input.unreadable", "\(error)")
        }
        let result = pipeline.convert(SourceDocument(data: data, path: path, name: input.relativePath))
        diagnostics += result.diagnostics
        if result.failed { return .failed }
        let outputs = result.outputs.map { ($0.name, $0.data) }
        // An existing output is found by the write itself (which never replaces one unless
        // asked); an input with several outputs is checked first, so that none is written when
        // one of them exists.
        func exists(_ relative: String) -> Status {
            fail("batch.output.exists", "the output \(relative) exists; name --overwrite to replace it or --skip-existing to keep it")
        }
        if !request.overwrite, outputs.count > 1, let existing = outputs.first(where: { output.exists($0.0) }) {
            return exists(existing.0)
        }
        // Inputs are never modified: an output that is the input itself (a folder converted into
        // itself, to the format it is in) is refused, even with --overwrite.
        if request.overwrite, let file = input.filePath, let same = outputs.first(where: { output.isFile($0.0, theFileAt: file) }) {
            return fail(
                "batch.output.is-input", "the output \(same.0) is this input itself; inputs are never replaced (write to another folder)")
        }
        lock.lock()
        let taken = outputs.first { claimed.contains($0.0) }
        if taken == nil { for (relative, _) in outputs { claimed.insert(relative) } }
        lock.unlock()
        if let taken {
            return fail(
                "batch.output.collision", "another input of this batch writes \(taken.0) (inputs whose names differ only in extension)")
        }
        // An input's outputs are all there or none: the first is written last, so that once it
        // exists (each file appears whole, by rename) the others do, which is what
        // `--skip-existing` checks; when one cannot be written, those written before are removed.
        for (relative, data) in outputs.reversed() {
            do {
                try output.write(data, to: relative, replace: request.overwrite)
                written.append(relative)
            } catch {
                for done in written { output.remove(done) }
                written = []
                if error is FileIO.Exists { return exists(relative) }
                return fail("batch.output.unwritable", "\(error)")
            }
        }
        written.reverse()
        return .converted
    }
}
