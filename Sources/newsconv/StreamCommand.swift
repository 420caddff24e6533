import ArgumentParser
import Foundation
import NewsConvKit
import NewsCore

/// `newsconv stream`: JSON Lines of documents in, JSON Lines of answers out, for `RDD.pipe`,
/// Hadoop Streaming and any pipe.
struct StreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Convert a stream of JSON Lines records, one document a line (for Spark's RDD.pipe and any pipe).",
        discussion: """
            Each input line is {"id": ..., "name": "dir/story.xml", "data": "<text>"} (or "data_base64" for \
            bytes); each output line answers one input line, in the same order: {"id": ..., "status": \
            "converted|failed|skipped", "outputs": [{"name": ..., "data": ...}], "diagnostics": [...]}. \
            A bad record is answered "failed" and the stream goes on; a blank line is "skipped". Each \
            answer is written as soon as it is ready. Exit codes: 0 every record answered (whatever its \
            status), 1 the input could not be read or the output not written, 2 usage error. See docs/scale.md.
            """
    )

    @OptionGroup var conversion: ConversionArguments

    @Option(name: .long, help: ArgumentHelp("Records converted at once; answers keep the input's order.", valueName: "n"))
    var jobs: Int = 1

    @Option(
        name: .long, help: ArgumentHelp("The longest record line read, in bytes; a longer one is answered 'failed'.", valueName: "bytes"))
    var maxRecordBytes: Int = StreamRequest.defaultMaximumRecordBytes

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxRecordBytes >= 1 else { throw ValidationError("--max-record-bytes must be at least 1") }
    }

    func run() throws {
        CommandSupport.stopProgramsOnInterrupt()
        // A reader that goes away is seen as a failed write (EPIPE), not a signal that kills.
        signal(SIGPIPE, SIG_IGN)
        let request = StreamRequest(settings: try conversion.settings(), jobs: jobs, maximumRecordBytes: maxRecordBytes)
        let runner = StreamRunner(request: request, converter: try conversion.converter())
        let outcome: StreamOutcome
        do {
            outcome = try runner.run(input: StreamRunner.standardInput) { try FileHandle.standardOutput.write(contentsOf: $0) }
        } catch {
            StandardStreams.error(error.description)
            throw ExitCode(error.exitCode)
        }
        if let failure = outcome.outputFailure {
            // As Unix tools do when their reader went away: quietly, with SIGPIPE's status.
            if outcome.outputClosed { Foundation.exit(128 + SIGPIPE) }
            StandardStreams.error("newsconv stream: cannot write standard output: \(failure)")
            throw ExitCode(1)
        }
    }
}
