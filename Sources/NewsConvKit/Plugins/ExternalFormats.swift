import Foundation
import NewsCore

/// Finds external format plugins: executables named `newsconv-format-NAME` in the folders of
/// `NEWSCONV_PLUGIN_PATH` (colon-separated), then of `PATH`; the first of a name wins. A plugin
/// named like a built-in format (or alias) is ignored with a warning: built-ins cannot be
/// shadowed by accident.
public enum ExternalFormats {
    static let prefix = "newsconv-format-"

    /// The modules of the plugins found, and what went wrong on the way (as warnings).
    public static func discover(
        environment: [String: String] = ProcessInfo.processInfo.environment, builtins: FormatRegistry = BuiltinFormats.registry
    ) -> (modules: [FormatModule], diagnostics: [Diagnostic]) {
        let folders =
            (environment["NEWSCONV_PLUGIN_PATH"] ?? "").split(separator: ":").map(String.init)
            + (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        var seen: Set<String> = []
        var modules: [FormatModule] = []
        var diagnostics: [Diagnostic] = []
        for folder in folders where !folder.isEmpty {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for file in names.sorted() where file.hasPrefix(prefix) && file.count > prefix.count {
                let name = String(file.dropFirst(prefix.count)).lowercased()
                let path = (folder as NSString).appendingPathComponent(file)
                guard FileManager.default.isExecutableFile(atPath: path), !seen.contains(name) else { continue }
                seen.insert(name)
                let location = SourceLocation(path: path)
                if builtins.module(named: name) != nil {
                    diagnostics.append(
                        .warning(
                            "plugin.shadowing",
                            "\(path) is named like the built-in format '\(name)' and is ignored (built-in formats cannot be replaced)",
                            at: location))
                    continue
                }
                let plugin = ExternalFormat(name: name, executable: URL(fileURLWithPath: path))
                do {
                    // Every command asks every plugin: a slow or flooding describe is cut short.
                    let output = try PluginProcess.run(
                        plugin.executable, ["describe"], input: Data(),
                        timeout: PluginProcess.timeout(default: 2, environment: environment),
                        outputLimit: ImportLimits.standard.pluginDescriptionBytes,
                        messageLimit: ImportLimits.standard.pluginDescriptionBytes)
                    let description = try JSONDecoder().decode(ExternalFormat.Description.self, from: output.stdout)
                    guard description.name.lowercased() == name else {
                        diagnostics.append(
                            .warning(
                                "plugin.describe.name", "\(path) describes itself as '\(description.name)', not '\(name)'; ignored",
                                at: location))
                        continue
                    }
                    modules.append(plugin.module(description))
                } catch let failure as PluginProcess.Failure {
                    diagnostics.append(
                        PluginProcess.error(failure, program: plugin.program, code: plugin.code, doing: "describe", path: path).diagnostic
                            .withSeverity(.warning))
                } catch {
                    diagnostics.append(
                        .warning(
                            "\(plugin.code).invalid-description",
                            "\(plugin.program) describe did not print a JSON description {\"name\", \"title\", \"import\", \"export\", \"extensions\", \"mediaTypes\"}: \(error)",
                            at: location))
                }
            }
        }
        return (modules, diagnostics)
    }
}

extension BuiltinFormats {
    /// The built-in modules and the external plugins found, and the warnings of the search.
    public static func registryWithPlugins(environment: [String: String] = ProcessInfo.processInfo.environment) -> (
        registry: FormatRegistry, diagnostics: [Diagnostic]
    ) {
        let external = ExternalFormats.discover(environment: environment)
        return (FormatRegistry(modules + external.modules, defaultOutput: defaultOutput), external.diagnostics)
    }
}

extension Diagnostic {
    func withSeverity(_ severity: Severity) -> Diagnostic {
        var copy = self
        copy.severity = severity
        return copy
    }
}
