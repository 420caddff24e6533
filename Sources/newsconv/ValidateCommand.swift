import ArgumentParser
import Foundation
import NewsConvKit
import NewsCore

/// `newsconv validate`: checks documents against their format's official schema.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check documents against their format's official schema (IPTC's XSD or JSON Schema).",
        discussion: """
            The schemas are read from the folder given by --schemas or NEWSCONV_SCHEMAS (IPTC's \
            standards, laid out as newsml-g2/2.35/..., nitf/3.6/...). Valid files are listed on \
            standard output; schema errors go to standard error as 'path:line:column: error: message [code]'.
            Exit codes: 0 all valid, 1 some file invalid, 2 usage error.
            """
    )

    @Argument(help: "Files to check ('-' for standard input).", completion: .file())
    var files: [String] = []

    @Option(
        name: [.customShort("f"), .long], help: ArgumentHelp("The files' format (default: detected).", valueName: "format"),
        completion: .list(BuiltinFormats.registry.modules.filter { $0.validator != nil }.map(\.name)))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The folder of the official schemas (default: $NEWSCONV_SCHEMAS).", valueName: "folder"))
    var schemas: String?

    func run() throws {
        let request = ValidationRequest(
            files: files, from: from, schemas: schemas ?? ProcessInfo.processInfo.environment["NEWSCONV_SCHEMAS"])
        let outcome: ValidationOutcome
        do {
            outcome = try CommandSupport.converter(naming: [from]).validate(request, readStandardInput: StandardStreams.readInput)
        } catch {
            StandardStreams.error(error.description)
            throw ExitCode(error.exitCode)
        }
        for (path, schema) in outcome.valid { StandardStreams.output(Data("\(path): valid (\(schema))\n".utf8)) }
        for diagnostic in outcome.diagnostics { StandardStreams.error(TerminalStyle.line(diagnostic)) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
