import Foundation
import NewsCore

/// A format that lives outside the package as an executable `newsconv-format-NAME` (see
/// architecture section 6 and docs/writing-a-format.md): `describe` prints what it is, `import`
/// turns input bytes into newsconv JSON, `export` turns newsconv JSON into output bytes.
struct ExternalFormat: Sendable {
    let name: String
    let executable: URL
    var program: String { "newsconv-format-\(name)" }

    /// The plugin's `describe` answer.
    struct Description: Decodable {
        var name: String
        var title: String?
        var `import`: Bool?
        var export: Bool?
        var extensions: [String]?
        var mediaTypes: [String]?
        /// True when a document of the format holds one article (as NITF and ninjs do): several
        /// articles are then written one file each, as for the built-in formats of one article.
        var oneArticlePerDocument: Bool?
    }

    /// The format module a plugin's description declares.
    func module(_ description: Description) -> FormatModule {
        FormatModule(
            name: name, title: description.title ?? name,
            fileExtensions: (description.extensions ?? []).map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) },
            mediaTypes: description.mediaTypes ?? [],
            importer: description.import == true ? ExternalImporter(plugin: self) : nil,
            exporter: description.export == true ? ExternalExporter(plugin: self) : nil,
            holdsManyArticles: description.oneArticlePerDocument != true, isExternal: true)
    }

    var code: String { "plugin.\(name)" }
}

/// Runs a plugin's `import`: the input's bytes in, newsconv JSON out.
struct ExternalImporter: ArticleImporter {
    let plugin: ExternalFormat

    /// External formats are recognised by their file extensions only.
    func detect(_ sample: InputSample) -> Double { 0 }

    func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        let output: PluginProcess.Output
        do {
            output = try PluginProcess.run(
                plugin.executable, ["import"], input: input.data, timeout: PluginProcess.timeout(default: 60),
                outputLimit: options.limits.pluginOutputBytes, messageLimit: options.limits.pluginMessageBytes)
        } catch {
            throw PluginProcess.error(error, program: plugin.program, code: plugin.code, doing: "import", path: input.path)
        }
        var result: ImportResult
        do {
            result = try ArticleDocument.read(output.stdout, path: input.path)
        } catch let error as ConversionError {
            throw ConversionError(
                "\(plugin.code).invalid-output", "\(plugin.program) import did not print newsconv JSON: \(error.diagnostic.message)",
                at: SourceLocation(path: input.path, line: 1, column: 1))
        }
        result.diagnostics =
            PluginProcess.diagnostics(output.stderrLines, program: plugin.program, code: plugin.code, path: input.path) + result.diagnostics
        for index in result.articles.indices {
            result.articles[index].origin = Origin(format: plugin.name, path: input.path)
        }
        return result
    }
}

/// Runs a plugin's `export`: newsconv JSON in, the output's bytes out.
struct ExternalExporter: ArticleExporter {
    let plugin: ExternalFormat

    func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        let json = try ArticleDocument.write(articles)
        let path = articles.count == 1 ? articles[0].origin?.path : nil
        let output: PluginProcess.Output
        do {
            output = try PluginProcess.run(
                plugin.executable, ["export"], input: json, timeout: PluginProcess.timeout(default: 60),
                outputLimit: options.limits.pluginOutputBytes, messageLimit: options.limits.pluginMessageBytes)
        } catch {
            throw PluginProcess.error(error, program: plugin.program, code: plugin.code, doing: "export", path: path)
        }
        return ExportResult(
            data: output.stdout,
            diagnostics: PluginProcess.diagnostics(output.stderrLines, program: plugin.program, code: plugin.code, path: path))
    }
}
