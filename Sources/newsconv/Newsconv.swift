import ArgumentParser
import Foundation
import NewsConvKit

/// The `newsconv` command: converts news articles between the formats agencies and newsrooms exchange.
@main
struct Newsconv: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsconv",
        // The formats from the registry: a new format module is named here without an edit.
        abstract: "Convert news articles between \(BuiltinFormats.modules.map(\.name).joined(separator: ", ")).",
        discussion: "Run 'newsconv formats' for the formats this build knows.",
        version: BuildInfo.versionText,
        subcommands: [
            ConvertCommand.self, BatchCommand.self, StreamCommand.self, ServeForwarding.self, FormatsCommand.self, ValidateCommand.self,
        ]
    )

    /// Parses the arguments and runs the subcommand with the exit codes of the CLI contract:
    /// 0 success, 1 a document failed, 2 a usage error, 3 some inputs of a batch failed.
    static func main() {
        // `newsconv help nosuch` is a usage error, as a misspelled subcommand is.
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The server is its own executable (ServeForwarding); its help is its own too.
        if arguments.first == "serve" { Foundation.exit(ServeForwarding.exec(Array(arguments.dropFirst()))) }
        if arguments.count == 2, arguments == ["help", "serve"] { Foundation.exit(ServeForwarding.exec(["--help"])) }
        if arguments.first == "help", let name = arguments.dropFirst().first,
            !configuration.subcommands.contains(where: { $0.configuration.commandName == name })
        {
            StandardStreams.error("newsconv: no subcommand '\(name)'; see 'newsconv --help'")
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            StandardStreams.error(fullMessage(for: error) + "\nUsage: see 'newsconv --help'.")
            Foundation.exit(2)
        }
    }
}
