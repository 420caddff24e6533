import ArgumentParser
import Foundation
import NewsConvKit
import NewsCore

/// The options every converting command takes alike (`convert`, `batch`): the formats, the date
/// context, strictness, format options and filters; what a command adds is where its inputs come
/// from and its outputs go.
struct ConversionArguments: ParsableArguments {
    @Option(
        name: [.customShort("f"), .long],
        help: ArgumentHelp("Input format (default: detected per input; see 'newsconv formats').", valueName: "format"),
        completion: .list(BuiltinFormats.registry.names(importing: true)))
    var from: String?

    @Option(
        name: [.customShort("t"), .long], help: ArgumentHelp("Output format (see 'newsconv formats').", valueName: "format"),
        completion: .list(BuiltinFormats.registry.names(importing: false)))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("A date that completes partial dates such as a dateline's 'Dec 15'.", valueName: "yyyy-mm-dd"))
    var dateContext: String?

    @Flag(name: .long, help: "Treat warnings as errors: a document that warns is not written, and the exit code says so.")
    var strict = false

    @Option(
        name: .long,
        help: ArgumentHelp("A format's own option, e.g. ninjs.profile=2 (repeatable; see 'newsconv formats').", valueName: "key=value"))
    var option: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Pass each document's articles as newsconv JSON through <program>, given the target format's name (repeatable, in order).",
            valueName: "program"))
    var filter: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Drop the notes and warnings with this code, or a dotted prefix of it such as nitf.export (repeatable; never errors).",
            valueName: "code"))
    var ignore: [String] = []

    @Flag(name: .long, help: "Use the built-in formats only, never an external format plugin.")
    var noPlugins = false

    @Option(
        name: [.customShort("M"), .customLong("metadata")],
        help: ArgumentHelp(
            "Set article metadata the input lacks: language=en, provider=EFE, urgency=3 (repeatable).", valueName: "key=value"))
    var metadata: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Set a limit on what an input may hold: nesting-depth=64, archive-entry-bytes=16M (repeatable; see docs/cli.md).",
            valueName: "name=value"))
    var limit: [String] = []

    @Option(
        name: [.customShort("d"), .long],
        help: ArgumentHelp("Read the usual options from a YAML file (docs/cli.md); the command line wins.", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var defaults: String?

    /// The defaults file's options, or none.
    private func loadedDefaults() throws -> ConversionDefaults {
        guard let defaults else { return ConversionDefaults() }
        do {
            return try ConversionDefaults.load(defaults)
        } catch {
            guard case .usage(let message) = error else { throw ExitCode(error.exitCode) }
            throw ValidationError(message)
        }
    }

    /// The built-in formats, and the plugins when a format is named, or one of `paths` has an
    /// extension, that no built-in has.
    func converter(paths: [String?] = []) throws -> Converter {
        let defaults = try loadedDefaults()
        return CommandSupport.converter(
            naming: [from ?? defaults.from, to ?? defaults.to], paths: paths, noPlugins: noPlugins || defaults.noPlugins == true)
    }

    /// The settings these arguments make; "now" is `SOURCE_DATE_EPOCH` when it is set.
    func settings() throws -> ConversionSettings {
        let defaults = try loadedDefaults()
        return ConversionSettings(
            from: from ?? defaults.from, to: to ?? defaults.to, dateContext: dateContext ?? defaults.dateContext,
            strict: strict || defaults.strict == true, now: ConversionSettings.sourceDateEpoch(),
            formatOptions: defaults.options.merging(try CommandSupport.formatOptions(option)) { $1 },
            filters: defaults.filters + filter, ignore: defaults.ignore + ignore,
            metadata: defaults.metadata.merging(try CommandSupport.keyValues(metadata, option: "-M", example: "language=en")) { $1 },
            limits: try limits())
    }

    /// The import limits, the defaults with each `--limit NAME=VALUE` applied.
    private func limits() throws -> ImportLimits {
        var limits = ImportLimits.standard
        for argument in limit {
            let (set, problem) = limits.setting(argument)
            guard let set else { throw ValidationError(problem ?? "bad --limit '\(argument)'") }
            limits = set
        }
        return limits
    }
}
