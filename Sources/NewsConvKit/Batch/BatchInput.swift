import Foundation

/// One file of a batch: where it is, the path its outputs mirror, and its bytes (read by a
/// worker for a file on disk; read while listing for an archive entry, which only the listing
/// thread may read).
struct BatchInput: Sendable {
    /// The path in the report and diagnostics: a file's path, or `archive.zip:dir/item.xml`.
    var displayPath: String
    /// The path relative to the output root, without `..` or a leading `/`.
    var relativePath: String
    var fileURL: URL?
    var data: Data?

    func load() throws -> Data {
        if let data { return data }
        guard let fileURL, let contents = FileIO.read(fileURL.path) else {
            throw BatchError.source(displayPath, "cannot be read")
        }
        return contents
    }

    /// A path safe to mirror under the output root: no empty, `.` or `..` parts (a hostile archive
    /// cannot write outside it).
    static func safeRelativePath(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { !$0.isEmpty && $0 != "." && $0 != ".." }
        return parts.isEmpty ? "input" : parts.joined(separator: "/")
    }
}
