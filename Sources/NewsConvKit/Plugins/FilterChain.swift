import Foundation
import NewsCore

/// `--filter PROGRAM`, the pandoc model: each program gets the articles as newsconv JSON on
/// standard input and the target format's name as its first argument, and prints newsconv JSON;
/// filters run in the order given, between import and export.
public struct FilterChain: Sendable {
    public let programs: [String]
    let environment: [String: String]
    /// What a filter may write (``ImportLimits/pluginOutputBytes``, ``ImportLimits/pluginMessageBytes``).
    let limits: ImportLimits

    public init(
        _ programs: [String], environment: [String: String] = ProcessInfo.processInfo.environment, limits: ImportLimits = .standard
    ) {
        self.programs = programs
        self.environment = environment
        self.limits = limits
    }

    /// Stops every filter and external plugin this process is running (their process groups
    /// are killed): what an interrupted command does before it exits.
    public static func stopRunningPrograms() { PluginProcess.stopAll() }

    /// The executable a program names: a path when it has a `/`, else the first match on `PATH`.
    func executable(_ program: String) -> URL? {
        if program.contains("/") {
            return FileManager.default.isExecutableFile(atPath: program) ? URL(fileURLWithPath: program) : nil
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let path = (String(folder) as NSString).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
        return nil
    }

    /// Passes the articles through every filter. Origins are kept (a filter need not carry them).
    public func apply(_ articles: [Article], target: String, path: String?) throws(ConversionError) -> ImportResult {
        var current = articles
        var diagnostics: [Diagnostic] = []
        for program in programs {
            let location = SourceLocation(path: path, line: 1, column: 1)
            guard let url = executable(program) else {
                throw ConversionError("filter.not-found", "the filter '\(program)' is not an executable file (nor on PATH)", at: location)
            }
            let input: Data
            do {
                input = try ArticleDocument.write(current)
            } catch {
                throw ConversionError(
                    "filter.encode", "the articles could not be written as newsconv JSON for \(program): \(error)", at: location)
            }
            let output: PluginProcess.Output
            do {
                output = try PluginProcess.run(
                    url, [target], input: input, timeout: PluginProcess.timeout(default: 60, environment: environment),
                    outputLimit: limits.pluginOutputBytes, messageLimit: limits.pluginMessageBytes)
            } catch {
                throw PluginProcess.error(error, program: "the filter \(program)", code: "filter", doing: "filter", path: path)
            }
            diagnostics += PluginProcess.diagnostics(output.stderrLines, program: "filter \(program)", code: "filter", path: path)
            do {
                let filtered = try ArticleDocument.read(output.stdout, path: path)
                diagnostics += filtered.diagnostics.filter { $0.severity >= .warning }
                let origins = current.map(\.origin)
                current = filtered.articles.enumerated().map { index, article in
                    var article = article
                    if article.origin == nil, index < origins.count { article.origin = origins[index] }
                    return article
                }
            } catch let error as ConversionError {
                throw ConversionError(
                    "filter.invalid-output", "the filter \(program) did not print newsconv JSON: \(error.diagnostic.message)", at: location)
            } catch {
                throw ConversionError("filter.invalid-output", "the filter \(program) did not print newsconv JSON: \(error)", at: location)
            }
        }
        return ImportResult(articles: current, diagnostics: diagnostics)
    }
}
