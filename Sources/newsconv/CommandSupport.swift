import ArgumentParser
import Foundation
import NewsConvKit
import NewsCore

/// What the subcommands share: printing diagnostics, the JSON Lines log, reproducible time.
enum CommandSupport {
    /// Prints warnings and errors (and notes when verbose) to standard error, and writes the log.
    static func report(_ diagnostics: [Diagnostic], verbose: Bool, log: String?) {
        for diagnostic in diagnostics where verbose || diagnostic.severity >= .warning {
            StandardStreams.error(TerminalStyle.line(diagnostic))
        }
        // `--log -` is standard error, as `-o -` is standard output (not a file named `-`).
        if log == "-" {
            let lines = DiagnosticLog.jsonLines(diagnostics)
            if !lines.isEmpty { try? FileHandle.standardError.write(contentsOf: lines) }
        } else if let log {
            do {
                try OutputFile.write(DiagnosticLog.jsonLines(diagnostics), to: log)
            } catch {
                StandardStreams.error("newsconv: cannot write the log \(log): \(error.localizedDescription)")
            }
        }
    }

    /// `--option KEY=VALUE` arguments as a dictionary; a malformed one is a usage error.
    static func formatOptions(_ arguments: [String]) throws -> [String: String] {
        var options: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ValidationError("--option expects KEY=VALUE (e.g. ninjs.profile=2), got '\(argument)'")
            }
            options[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        return options
    }

    /// The built-in formats and the external plugins found (NEWSCONV_PLUGIN_PATH, PATH); what
    /// went wrong finding plugins is printed as warnings.
    static func converter() -> Converter {
        let (registry, diagnostics) = BuiltinFormats.registryWithPlugins()
        for diagnostic in diagnostics { StandardStreams.error(diagnostic.description) }
        return Converter(registry: registry)
    }

    /// `SOURCE_DATE_EPOCH`, when set, is "now" for generated timestamps (reproducible builds).
    static func sourceDateEpoch() -> Date? {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(text) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}
