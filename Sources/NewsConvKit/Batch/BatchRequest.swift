import Foundation

/// What `newsconv batch` is asked to do: the sources, the output, how to run, and the settings
/// every way of converting shares. See `docs/batch.md`.
public struct BatchRequest: Sendable {
    /// Folders, `.zip`, `.tar`, `.tar.gz`/`.tgz` archives, single files, or `-` for a list of paths on standard input.
    public var sources: [String]
    /// A folder (created if needed) or a `.zip` file.
    public var output: String
    /// The formats, date context, strictness, "now", format options and filters.
    public var settings: ConversionSettings
    /// Parallel conversions (at least 1).
    public var jobs: Int
    /// Where the JSON Lines report goes.
    public var report: String?
    /// Leave inputs whose output exists alone (to resume an interrupted batch).
    public var skipExisting: Bool
    /// Replace outputs that exist.
    public var overwrite: Bool
    /// Which files of the sources to convert (`--include`, `--exclude`); all by default.
    public var selection: BatchSelection

    public init(
        sources: [String], output: String, settings: ConversionSettings, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        report: String? = nil, skipExisting: Bool = false, overwrite: Bool = false, selection: BatchSelection = BatchSelection()
    ) {
        self.sources = sources
        self.output = output
        self.settings = settings
        self.jobs = max(1, jobs)
        self.report = report
        self.skipExisting = skipExisting
        self.overwrite = overwrite
        self.selection = selection
    }

    /// A request with each setting named.
    public init(
        sources: [String], to: String, output: String, from: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        report: String? = nil, skipExisting: Bool = false, overwrite: Bool = false, strict: Bool = false, dateContext: String? = nil,
        formatOptions: [String: String] = [:], now: Date? = nil, filters: [String] = [], selection: BatchSelection = BatchSelection()
    ) {
        self.init(
            sources: sources, output: output,
            settings: ConversionSettings(
                from: from, to: to, dateContext: dateContext, strict: strict, now: now, formatOptions: formatOptions, filters: filters),
            jobs: jobs, report: report, skipExisting: skipExisting, overwrite: overwrite, selection: selection)
    }
}
