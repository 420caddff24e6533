import Foundation

/// One document handed to the ``Pipeline``: its bytes, where diagnostics say it is, and the name
/// its outputs are named after.
public struct SourceDocument: Sendable {
    public var data: Data
    /// The path diagnostics name (a file, `archive.zip:dir/item.xml`); nil is standard input.
    public var path: String?
    /// The name outputs take, with the target's extension instead of this one's: a file name
    /// (`story.txt`), or a path relative to an output folder (`2026/12/story.xml`).
    public var name: String

    public init(data: Data, path: String?, name: String? = nil) {
        self.data = data
        self.path = path
        self.name = name ?? path.map { ($0 as NSString).lastPathComponent } ?? "stdin"
    }
}
