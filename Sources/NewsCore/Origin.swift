import Foundation

/// Where an article came from: the source format and file, the detected text encoding,
/// and where in the file the article starts.
public struct Origin: Sendable, Hashable, Codable {
    /// The name of the format it was imported from (`wire`, `newsml-g2`).
    public var format: String
    /// The path of the source file, as given (nil for standard input).
    public var path: String?
    /// The text encoding that was detected or declared (`utf-8`, `windows-1252`).
    public var encoding: String?
    /// Where the article starts in the source (line and column), when the format knows.
    public var line: Int?
    public var column: Int?

    /// Where the article starts, for diagnostics about it (an exporter's: in a newsMessage of
    /// many items, each item's own line).
    public var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }

    public init(format: String, path: String? = nil, encoding: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.format = format
        self.path = path
        self.encoding = encoding
        self.line = line
        self.column = column
    }
}
