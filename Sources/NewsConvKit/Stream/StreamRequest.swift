import Foundation
import NewsCore

/// What `newsconv stream` is asked to do: the settings every way of converting shares, how many
/// records to convert at once, and how large a record may be. See `docs/scale.md`.
public struct StreamRequest: Sendable {
    /// The formats, date context, strictness, "now", format options and filters.
    public var settings: ConversionSettings
    /// Records converted at once (at least 1); answers keep the input's order whatever it is.
    public var jobs: Int
    /// The longest input line read, in bytes; a longer one is answered `failed` and skipped
    /// without being held in memory. The default takes a 256 MiB document in base64.
    public var maximumRecordBytes: Int

    public static let defaultMaximumRecordBytes = ImportLimits.standard.archiveEntryBytes / 3 * 4 + 64 * 1024

    public init(settings: ConversionSettings, jobs: Int = 1, maximumRecordBytes: Int = Self.defaultMaximumRecordBytes) {
        self.settings = settings
        self.jobs = max(1, jobs)
        self.maximumRecordBytes = max(1, maximumRecordBytes)
    }
}
