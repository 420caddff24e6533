import Foundation

/// One format: its names, file extensions and media types, and its importer and/or exporter.
///
/// Each format module exposes one such value; NewsConvKit lists them, and that list is the only
/// source of truth for lookup, `newsconv formats`, detection and help text.
public struct FormatModule: Sendable {
    /// The canonical name (`wire`, `newsml-g2`).
    public var name: String
    /// Other names the CLI accepts (`text`, `txt`).
    public var aliases: [String]
    /// A one-line human title.
    public var title: String
    /// File extensions without the dot, lowercase; the first is used for output files.
    public var fileExtensions: [String]
    /// MIME types.
    public var mediaTypes: [String]
    /// The importer, if the format can be read.
    public var importer: (any ArticleImporter)?
    /// The exporter, if the format can be written.
    public var exporter: (any ArticleExporter)?
    /// Checks documents against the format's official schema, if the format has one.
    public var validator: (any DocumentValidator)?
    /// Whether one output document can hold several articles (false: one file per article).
    public var holdsManyArticles: Bool
    /// The format's own options (`--format-option`-style keys), for help text.
    public var options: [Option]
    /// True for a format that lives outside the package (an external plugin).
    public var isExternal: Bool
    /// The prefixes of the extension keys the exporter reads (`["nitf:"]`); nil when it may read
    /// any (newsconv JSON writes them all). Plain facts (``Extensions/isTextKey(_:)``) of any
    /// prefix may be read besides: they are never deferred. A test checks every declaration
    /// against its exporter.
    public var readsExtensions: [String]?

    /// A format-specific option, documented for `newsconv formats`.
    public struct Option: Sendable, Hashable, Codable {
        public var key: String
        public var help: String
        /// The values it takes, the default first, when they are a closed set (`3`, `2`, `1` for
        /// ninjs's profile); empty for a free value. The golden tests cover each of them.
        public var values: [String]

        public init(key: String, help: String, values: [String] = []) {
            self.key = key
            self.help = help
            self.values = values
        }
    }

    public init(
        name: String, aliases: [String] = [], title: String, fileExtensions: [String], mediaTypes: [String] = [],
        importer: (any ArticleImporter)? = nil, exporter: (any ArticleExporter)? = nil, holdsManyArticles: Bool,
        validator: (any DocumentValidator)? = nil, options: [Option] = [], isExternal: Bool = false, readsExtensions: [String]? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.title = title
        self.fileExtensions = fileExtensions
        self.mediaTypes = mediaTypes
        self.importer = importer
        self.exporter = exporter
        self.holdsManyArticles = holdsManyArticles
        self.validator = validator
        self.options = options
        self.isExternal = isExternal
        self.readsExtensions = readsExtensions
    }

    /// The extension for output files.
    public var outputExtension: String { fileExtensions.first ?? name }

    /// True when `name` is this module's name or one of its aliases (case-insensitive).
    public func answers(to name: String) -> Bool {
        let lowered = name.lowercased()
        return self.name == lowered || aliases.contains(lowered)
    }
}
