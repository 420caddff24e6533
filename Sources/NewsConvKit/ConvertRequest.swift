import Foundation
import NewsCore

/// What `newsconv convert` was asked to do.
public struct ConvertRequest: Sendable {
    /// Input paths; `-` (or none) is standard input.
    public var inputs: [String]
    /// The input format's name; nil detects it per input.
    public var from: String?
    /// The output format's name; nil takes it from the output file's extension, else `json`.
    public var to: String?
    /// The output path (a file, or a directory for one file per article); nil is standard output.
    public var output: String?
    /// `YYYY-MM-DD`, completing partial dates.
    public var dateContext: String?
    /// Warnings fail the conversion and nothing is written.
    public var strict: Bool
    /// "Now" for generated timestamps; nil is the clock.
    public var now: Date?
    /// Format-specific options (`format.key` to value).
    public var formatOptions: [String: String]
    /// Filter programs, applied in order between import and export.
    public var filters: [String]

    public init(
        inputs: [String], from: String? = nil, to: String? = nil, output: String? = nil, dateContext: String? = nil,
        strict: Bool = false, now: Date? = nil, formatOptions: [String: String] = [:], filters: [String] = []
    ) {
        self.inputs = inputs
        self.from = from
        self.to = to
        self.output = output
        self.dateContext = dateContext
        self.strict = strict
        self.now = now
        self.formatOptions = formatOptions
        self.filters = filters
    }
}

extension ConvertRequest {
    /// A request for `inputs` with the settings every way of converting shares.
    public init(inputs: [String], output: String?, settings: ConversionSettings) {
        self.init(
            inputs: inputs, from: settings.from, to: settings.to, output: output, dateContext: settings.dateContext,
            strict: settings.strict, now: settings.now, formatOptions: settings.formatOptions, filters: settings.filters)
    }

    /// What every way of converting is asked alike.
    public var settings: ConversionSettings {
        ConversionSettings(
            from: from, to: to, dateContext: dateContext, strict: strict, now: now, formatOptions: formatOptions, filters: filters)
    }
}

/// What a conversion did: its diagnostics, the files it wrote, what goes to standard output,
/// and the exit code of the CLI contract (0 success, 1 a document failed or warned under `--strict`).
public struct ConvertOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var writtenFiles: [String] = []
    public var standardOutput: Data?
    public var exitCode: Int32 = 0

    public init(diagnostics: [Diagnostic] = []) { self.diagnostics = diagnostics }
}
