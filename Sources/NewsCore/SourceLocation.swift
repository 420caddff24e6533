import Foundation

/// A place in a source file: path, line and column (both 1-based).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path as the user gave it; `<stdin>` for standard input.
    public var path: String?
    public var line: Int?
    public var column: Int?

    public init(path: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`; a missing line or column is written as 1 (the start of the file),
    /// so that every diagnostic line has the same shape.
    public var description: String {
        "\(path ?? "<stdin>"):\(line ?? 1):\(column ?? 1)"
    }
}
