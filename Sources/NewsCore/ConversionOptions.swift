import Foundation

/// Options that apply to every conversion.
///
/// Options that belong to one format (a ninjs profile, a NITF version) are typed and owned by
/// that format module; they arrive here as `formatOptions` strings (`ninjs.profile=2`) and the
/// module parses them into its own type.
public struct ConversionOptions: Sendable, Hashable {
    /// A date that completes partial dates (a dateline's `Dec 15` has no year).
    public var dateContext: NewsDate?
    /// The time to use for "now" (e.g. a generated `versionCreated`); nil means the clock.
    /// The CLI sets it from `SOURCE_DATE_EPOCH` for reproducible output.
    public var now: Date?
    /// Options for one format, by `format.option` key.
    public var formatOptions: [String: String]
    /// Whether the caller records notes (the diagnostics that say what was kept or read in a
    /// particular way). When it does not (a batch without a report), importers and exporters
    /// leave them out: making them costs time and nobody reads them. Warnings and errors are
    /// always made.
    public var reportsNotes: Bool
    /// Whether the caller makes the kept extension values itself: an importer then hands them
    /// over unmade in ``ImportResult``'s deferred values (serializing an unmapped XML element
    /// costs more than reading it, and a NITF output never reads a G2 element). The importer
    /// keeps the same things either way; only who makes them, and when, differs.
    public var defersKeptElements: Bool
    /// What a document may hold before it is refused (nesting, namespaces, front matter).
    public var limits: ImportLimits

    public init(
        dateContext: NewsDate? = nil, now: Date? = nil, formatOptions: [String: String] = [:], reportsNotes: Bool = true,
        defersKeptElements: Bool = false, limits: ImportLimits = .standard
    ) {
        self.limits = limits
        self.dateContext = dateContext
        self.now = now
        self.formatOptions = formatOptions
        self.reportsNotes = reportsNotes
        self.defersKeptElements = defersKeptElements
    }
}
