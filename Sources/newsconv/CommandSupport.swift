import ArgumentParser
import Foundation
import NewsConvKit
import NewsCore

/// What the subcommands share: printing diagnostics, the JSON Lines log, reproducible time.
enum CommandSupport {
    /// Ctrl-C or SIGTERM while a filter or plugin runs (each in a process group of its own, which
    /// the terminal's signal does not reach): they are stopped, then the command exits with
    /// 128 + the signal, as if it had none of its own. Outputs are written atomically, so none is
    /// left half-written.
    static func stopProgramsOnInterrupt() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FilterChain.stopRunningPrograms()
                exit(128 + number)
            }
            source.resume()
            interruptSources.append(source)
        }
    }

    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var interruptSources: [any DispatchSourceSignal] = []

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
        try keyValues(arguments, option: "--option", example: "ninjs.profile=2")
    }

    /// `KEY=VALUE` arguments of `option` as a dictionary; a malformed one is a usage error.
    static func keyValues(_ arguments: [String], option: String, example: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for argument in arguments {
            guard let (key, value) = ConversionSettings.keyValue(argument) else {
                throw ValidationError("\(option) expects KEY=VALUE (e.g. \(example)), got '\(argument)'")
            }
            values[key] = value
        }
        return values
    }

    /// The built-in formats, and the external plugins (NEWSCONV_PLUGIN_PATH, PATH) when they may
    /// be wanted: when a format is named, or a file has an extension, that no built-in format has
    /// (asking every plugin to `describe` itself costs each run a process per plugin), or always
    /// (`formats`); never with `--no-plugins`. What went wrong finding plugins is printed as warnings.
    static func converter(naming names: [String?] = [], paths: [String?] = [], always: Bool = false, noPlugins: Bool = false)
        -> Converter
    {
        let builtins = BuiltinFormats.registry
        let unknownName = names.contains { $0.map { builtins.module(named: $0) == nil } ?? false }
        let unknownExtension = paths.contains { path in
            guard let path, let ext = InputSample(bytes: Data(), path: path).fileExtension else { return false }
            return !builtins.modules.contains { $0.fileExtensions.contains(ext) }
        }
        let wanted = always || unknownName || unknownExtension
        guard wanted, !noPlugins else { return Converter() }
        let (registry, diagnostics) = BuiltinFormats.registryWithPlugins()
        for diagnostic in diagnostics { StandardStreams.error(TerminalStyle.line(diagnostic)) }
        return Converter(registry: registry)
    }
}
