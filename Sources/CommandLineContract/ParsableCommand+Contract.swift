import ArgumentParser
import Foundation

extension ParsableCommand {
    /// Parses the arguments and runs the command with the exit codes of newsconv's CLI contract
    /// (`docs/cli.md`): what the command throws as `ExitCode`, and 2 for a usage error. Every
    /// usage error begins with `newsconv:` (as newsconv's own messages do, not the parser's
    /// `Error:`) and carries one pointer to the help, the parser's own.
    public static func runWithContract() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message = "newsconv: " + message.dropFirst("Error: ".count) }
            try? FileHandle.standardError.write(contentsOf: Data((message + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
