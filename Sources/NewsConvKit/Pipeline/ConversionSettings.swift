import Foundation
import NewsCore

/// What every way of converting (`convert`, `batch`, `stream`, `serve`) is asked the same way:
/// the formats, the date context, strictness, "now", format options and filters. Each command
/// adds only where its inputs come from and where its outputs go.
public struct ConversionSettings: Sendable, Hashable, Codable {
    /// The input format's name; nil detects it per document.
    public var from: String?
    /// The output format's name; nil takes it from the output file's extension, else newsconv JSON.
    public var to: String?
    /// `YYYY-MM-DD`, completing partial dates.
    public var dateContext: String?
    /// Warnings fail a document, and nothing of it is written.
    public var strict: Bool
    /// "Now" for generated timestamps; nil is the clock.
    public var now: Date?
    /// Format-specific options (`format.key` to value).
    public var formatOptions: [String: String]
    /// Filter programs, applied in order between import and export.
    public var filters: [String]
    /// Diagnostic codes, or their dotted prefixes (`nitf.export`), whose notes and warnings are
    /// dropped: not reported, not failing `--strict`. Errors are never ignored.
    public var ignore: [String]
    /// `-M KEY=VALUE`: metadata set on each article that lacks it, before the filters.
    public var metadata: [String: String]
    /// `--limit NAME=VALUE`: what an input may hold before it is refused.
    public var limits: ImportLimits

    public init(
        from: String? = nil, to: String? = nil, dateContext: String? = nil, strict: Bool = false, now: Date? = nil,
        formatOptions: [String: String] = [:], filters: [String] = [], ignore: [String] = [], metadata: [String: String] = [:],
        limits: ImportLimits = .standard
    ) {
        self.limits = limits
        self.from = from
        self.to = to
        self.dateContext = dateContext
        self.strict = strict
        self.now = now
        self.formatOptions = formatOptions
        self.filters = filters
        self.ignore = ignore
        self.metadata = metadata
    }

    /// "Now" from `SOURCE_DATE_EPOCH` (reproducible outputs), when it is set to a number of seconds.
    public static func sourceDateEpoch(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date? {
        environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
    }

    /// A `KEY=VALUE` argument (`--option`, `-M`, serve's `option=`) split at its first `=`; nil
    /// when it has no `=` or no key.
    public static func keyValue(_ argument: some StringProtocol) -> (key: String, value: String)? {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// Whether `--ignore` drops a diagnostic with this code: the code itself, or a prefix of it
    /// that ends where one of its dotted parts does.
    public func ignores(_ code: String) -> Bool {
        ignore.contains { code == $0 || (code.hasPrefix($0) && code.dropFirst($0.count).first == ".") }
    }
}
