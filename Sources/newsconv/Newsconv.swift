import ArgumentParser
import CommandLineContract
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
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The server is its own executable (ServeForwarding); its help is its own too.
        if arguments.first == "serve" { Foundation.exit(ServeForwarding.exec(Array(arguments.dropFirst()))) }
        if arguments == ["help", "serve"] { Foundation.exit(ServeForwarding.exec(["--help"])) }
        // A misspelled subcommand, and `newsconv help nosuch`, are usage errors that say what was meant.
        // (A key path over the subcommands' metatypes crashes Swift 6.3.1's SILGen: a loop.)
        var names: [String] = []
        for subcommand in configuration.subcommands {
            if let name = subcommand.configuration.commandName { names.append(name) }
        }
        let named = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
        if let named, !named.hasPrefix("-"), !names.contains(named), named != "help" {
            StandardStreams.error(
                "newsconv: no subcommand '\(named)'\(Suggestion.phrase(for: named, among: names))\nSee 'newsconv --help'.")
            Foundation.exit(2)
        }
        runWithContract()
    }
}
