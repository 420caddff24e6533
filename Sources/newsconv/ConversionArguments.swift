import ArgumentParser
import Foundation
import NewsConvKit

/// The options every converting command takes alike (`convert`, `batch`): the formats, the date
/// context, strictness, format options and filters; what a command adds is where its inputs come
/// from and its outputs go.
struct ConversionArguments: ParsableArguments {
    @Option(
        name: [.customShort("f"), .long], help: "Input format (default: detected per input; see 'newsconv formats').",
        completion: .list(BuiltinFormats.registry.names(importing: true)))
    var from: String?

    @Option(
        name: [.customShort("t"), .long], help: "Output format (see 'newsconv formats').",
        completion: .list(BuiltinFormats.registry.names(importing: false)))
    var to: String?

    @Option(name: .long, help: "A date (YYYY-MM-DD) that completes partial dates such as a dateline's 'Dec 15'.")
    var dateContext: String?

    @Flag(name: .long, help: "Treat warnings as errors: a document that warns is not written, and the exit code says so.")
    var strict = false

    @Option(name: .long, help: "A format's own option as KEY=VALUE, e.g. ninjs.profile=2 (repeatable; see 'newsconv formats').")
    var option: [String] = []

    @Option(
        name: .long,
        help: "Pass each document's articles as newsconv JSON through PROGRAM, given the target format's name (repeatable, in order).")
    var filter: [String] = []

    @Option(
        name: .long,
        help: "Drop the notes and warnings with this code, or a dotted prefix of it such as nitf.export (repeatable; never errors).")
    var ignore: [String] = []

    @Flag(name: .long, help: "Use the built-in formats only, never an external format plugin.")
    var noPlugins = false

    /// The built-in formats, and the plugins when a format is named, or one of `paths` has an
    /// extension, that no built-in has.
    func converter(paths: [String?] = []) -> Converter {
        CommandSupport.converter(naming: [from, to], paths: paths, noPlugins: noPlugins)
    }

    /// The settings these arguments make; "now" is `SOURCE_DATE_EPOCH` when it is set.
    func settings() throws -> ConversionSettings {
        ConversionSettings(
            from: from, to: to, dateContext: dateContext, strict: strict, now: CommandSupport.sourceDateEpoch(),
            formatOptions: try CommandSupport.formatOptions(option), filters: filter, ignore: ignore)
    }
}
