import Foundation
import NewsCore

/// What `newsconv convert` was asked to do: the inputs, the output, and the settings every way
/// of converting shares.
public struct ConvertRequest: Sendable {
    /// Input paths; `-` (or none) is standard input.
    public var inputs: [String]
    /// The output path (a file, or a directory for one file per article); nil is standard output.
    public var output: String?
    /// The formats, date context, strictness, "now", format options and filters.
    public var settings: ConversionSettings
    /// Leave an output file that exists alone and fail (`--no-clobber`); by default it is
    /// replaced, as pandoc and `cp` do.
    public var noClobber: Bool

    public init(inputs: [String], output: String?, settings: ConversionSettings, noClobber: Bool = false) {
        self.inputs = inputs
        self.output = output
        self.settings = settings
        self.noClobber = noClobber
    }

    /// A request with each setting named.
    public init(
        inputs: [String], from: String? = nil, to: String? = nil, output: String? = nil, dateContext: String? = nil,
        strict: Bool = false, now: Date? = nil, formatOptions: [String: String] = [:], filters: [String] = []
    ) {
        self.init(
            inputs: inputs, output: output,
            settings: ConversionSettings(
                from: from, to: to, dateContext: dateContext, strict: strict, now: now, formatOptions: formatOptions, filters: filters))
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
