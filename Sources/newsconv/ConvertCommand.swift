import ArgumentParser
import Foundation
import NewsConvKit
import NewsCore

/// `newsconv convert`: one or more documents to one output format.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert documents from one format to another.",
        discussion: """
            With no <inputs>, or '-', reads standard input. Without --from, the format is detected from \
            the file extension, then from the content. Without --to, the format is taken from the \
            output file's extension, else \(BuiltinFormats.defaultOutput.name). Diagnostics go to standard error as \
            'path:line:column: severity: message [code]'.
            Exit codes: 0 success, 1 a document failed (or warned, with --strict), 2 usage error.
            """
    )

    @Argument(help: "Input files ('-' for standard input).", completion: .file())
    var inputs: [String] = []

    @OptionGroup var conversion: ConversionArguments

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Output file, or directory for one file per article (default, or '-': standard output).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Write all diagnostics to <file> as JSON Lines ('-': standard error).", valueName: "file"))
    var log: String?

    @Flag(name: .long, help: "Fail, writing nothing, when an output file exists (by default it is replaced, as pandoc does).")
    var noClobber = false

    @Flag(name: .long, help: "Also print notes, not only warnings and errors.")
    var verbose = false

    func run() throws {
        CommandSupport.stopProgramsOnInterrupt()
        // Reading a terminal looks like a hang: say what is awaited.
        if inputs.isEmpty || inputs == ["-"], isatty(STDIN_FILENO) != 0 {
            StandardStreams.error("newsconv: reading the document from standard input (end it with Ctrl-D; or name a file)")
        }
        // `-o -` is standard output, as in pandoc and jq (not a file named `-`).
        let request = ConvertRequest(
            inputs: inputs, output: output == "-" ? nil : output, settings: try conversion.settings(), noClobber: noClobber)
        let converter = try conversion.converter(paths: inputs + [output])
        let outcome: ConvertOutcome
        do {
            outcome = try converter.convert(request, readStandardInput: StandardStreams.readInput)
        } catch {
            StandardStreams.error(error.description)
            throw ExitCode(error.exitCode)
        }
        CommandSupport.report(outcome.diagnostics, verbose: verbose, log: log)
        if let data = outcome.standardOutput { StandardStreams.output(data) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
