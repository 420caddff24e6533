import ArgumentParser
import Foundation
import NewsConvKit
import NewsCore

/// `newsconv batch`: folders and archives of documents, converted in parallel into a folder or a zip.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert whole folders, zip and tar archives in parallel.",
        discussion: """
            Each of <sources> is a folder (read recursively), a .zip, .tar, .tar.gz or .tgz archive, a file, or '-' \
            for a list of paths on standard input. Outputs mirror the inputs' relative paths with the \
            target format's extension, in a folder or a .zip. One bad file never stops the batch. \
            Exit codes: 0 all converted, 1 none converted, 2 usage error, 3 some inputs failed, \
            130 interrupted (resume with --skip-existing). See docs/batch.md.
            """
    )

    @Argument(help: "Folders, archives, files, or '-' for a list of paths on standard input.", completion: .file())
    var sources: [String] = []

    @OptionGroup var conversion: ConversionArguments

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Output folder, or a .zip file.", valueName: "folder-or-zip"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Parallel conversions (default: one per core).", valueName: "n"))
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("Write a JSON Lines report: one record per input, then a summary ('-' for standard output).", valueName: "file"))
    var report: String?

    @Flag(name: .long, help: "Leave inputs whose output exists alone (resume an interrupted batch).")
    var skipExisting = false

    @Flag(name: .long, help: "Replace outputs that exist.")
    var overwrite = false

    @Flag(name: .long, help: "Print nothing but usage errors.")
    var quiet = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Convert only files that match <pattern> ('*.xml'; with a '/', the path in the source) (repeatable).", valueName: "pattern"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave out files that match <pattern>, as for --include (repeatable).", valueName: "pattern"))
    var exclude: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Convert only shard K of N (K from 0), by a stable hash of each input's path in its source; 'env:NAME/N' reads K from NAME.",
            valueName: "k/n"))
    var shard: String?

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard !sources.isEmpty else { throw ValidationError("name at least one source: a folder, an archive, a file, or '-'") }
        guard conversion.to != nil else { throw ValidationError("name the output format with --to (see 'newsconv formats')") }
    }

    private func batchShard() throws -> BatchShard? {
        guard let shard else { return nil }
        do {
            return try BatchShard.parse(shard)
        } catch {
            guard case .usage(let message) = error else { throw ExitCode(error.exitCode) }
            throw ValidationError(message)
        }
    }

    func run() throws {
        let request = BatchRequest(
            sources: sources, output: output, settings: try conversion.settings(),
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, report: report,
            skipExisting: skipExisting, overwrite: overwrite,
            selection: BatchSelection(include: include, exclude: exclude, shard: try batchShard()))
        let runner = BatchRunner(request: request, converter: try conversion.converter())
        let display = BatchDisplay(quiet: quiet)
        if !quiet { runner.onProgress = { display.progress($0) } }
        runner.onFailure = { display.failure($0) }

        // Ctrl-C: finish the files being converted, complete the outputs and the report, stop.
        // While the list of inputs (`-`) is still being read, nothing has begun: it exits at once.
        let listing = ListingFlag()
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler {
            if listing.isSet {
                display.notice("newsconv batch: interrupted while reading the list of inputs; nothing was converted")
                Foundation.exit(130)
            }
            display.notice("newsconv batch: interrupted; finishing the files in progress (resume with --skip-existing)")
            runner.cancel()
        }
        interrupt.resume()

        let outcome: BatchOutcome
        do {
            outcome = try runner.run(readStandardInput: {
                listing.isSet = true
                defer { listing.isSet = false }
                return StandardStreams.readInput()
            })
        } catch {
            StandardStreams.error(error.description)
            throw ExitCode(error.exitCode)
        }
        interrupt.cancel()
        display.finish(outcome)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}

/// Whether the batch is reading its list of inputs from standard input (set and read on
/// different threads).
private final class ListingFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
