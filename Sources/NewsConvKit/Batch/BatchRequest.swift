import Foundation

/// What `newsconv batch` is asked to do. See `docs/batch.md`.
public struct BatchRequest: Sendable {
    /// Folders, `.zip`, `.tar`, `.tar.gz`/`.tgz` archives, single files, or `-` for a list of paths on standard input.
    public var sources: [String]
    /// The output format.
    public var to: String
    /// A folder (created if needed) or a `.zip` file.
    public var output: String
    /// The input format; detected per file when nil.
    public var from: String?
    /// Parallel conversions (at least 1).
    public var jobs: Int
    /// Where the JSON Lines report goes.
    public var report: String?
    /// Leave inputs whose output exists alone (to resume an interrupted batch).
    public var skipExisting: Bool
    /// Replace outputs that exist.
    public var overwrite: Bool
    /// Warnings fail a file.
    public var strict: Bool
    public var dateContext: String?
    public var formatOptions: [String: String]
    /// "Now" for generated timestamps (`SOURCE_DATE_EPOCH`).
    public var now: Date?
    /// Filter programs, applied in order between import and export.
    public var filters: [String]
    /// Which files of the sources to convert (`--include`, `--exclude`); all by default.
    public var selection: BatchSelection

    public init(
        sources: [String], to: String, output: String, from: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        report: String? = nil, skipExisting: Bool = false, overwrite: Bool = false, strict: Bool = false, dateContext: String? = nil,
        formatOptions: [String: String] = [:], now: Date? = nil, filters: [String] = [], selection: BatchSelection = BatchSelection()
    ) {
        self.sources = sources
        self.to = to
        self.output = output
        self.from = from
        self.jobs = max(1, jobs)
        self.report = report
        self.skipExisting = skipExisting
        self.overwrite = overwrite
        self.strict = strict
        self.dateContext = dateContext
        self.formatOptions = formatOptions
        self.now = now
        self.filters = filters
        self.selection = selection
    }
}

extension BatchRequest {
    /// What every way of converting is asked alike.
    public var settings: ConversionSettings {
        ConversionSettings(
            from: from, to: to, dateContext: dateContext, strict: strict, now: now, formatOptions: formatOptions, filters: filters)
    }
}
