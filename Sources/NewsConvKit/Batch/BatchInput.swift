import Foundation

/// One file of a batch: where it is, the path its outputs mirror, and its bytes (read by a
/// worker for a file on disk; read while listing for an archive entry, which only the listing
/// thread may read).
struct BatchInput: Sendable {
    /// The path in the report and diagnostics: a file's path, or `archive.zip:dir/item.xml`.
    var displayPath: String
    /// The path relative to the output root, without `..` or a leading `/`.
    var relativePath: String
    /// The file to read, for an input on disk (a plain path: URL's would cost a stat per file).
    var filePath: String?
    /// The file's path bytes, when a name on it is not UTF-8 (`filePath` then shows it decoded).
    var rawFilePath: [UInt8]?
    var data: Data?
    /// Why the input could not be read from its archive: it fails with this reason when loaded.
    var failure: String?

    init(displayPath: String, relativePath: String, filePath: String? = nil, rawFilePath: [UInt8]? = nil, data: Data? = nil) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.filePath = filePath
        self.rawFilePath = rawFilePath
        self.data = data
    }

    func load() throws -> Data {
        if let failure { throw BatchError.source(displayPath, failure) }
        if let data { return data }
        let contents = rawFilePath.map(FileIO.read(bytes:)) ?? filePath.flatMap(FileIO.read)
        guard let contents else {
            var info = stat()
            if let filePath, rawFilePath == nil, stat(filePath, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
                throw BatchError.source(displayPath, "is not a regular file (a folder, FIFO, device or socket); a batch reads files")
            }
            throw BatchError.source(displayPath, "cannot be read")
        }
        return contents
    }

    /// True for an archive entry a folder walk would skip: one inside a hidden folder or hidden
    /// itself (`.DS_Store`, `dir/.name`), or under `__MACOSX/` (the resource forks macOS adds to
    /// the zips it makes). `.` and `..` parts (`./a.xml`) are not hidden.
    static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { part in
            part == "__MACOSX" || (part.hasPrefix(".") && part != "." && part != "..")
        }
    }

    /// A path safe to mirror under the output root: no empty, `.` or `..` parts (a hostile archive
    /// cannot write outside it).
    static func safeRelativePath(_ path: String) -> String {
        // Parts are found on the UTF-8 bytes (`/` and `.` are ASCII); a path with nothing to
        // remove, nearly every one, is returned as it is after one pass over its storage.
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        // An absolute path (a list's) loses its leading slashes the same quick way.
        let clean = path.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var leading = 0
            while leading < bytes.count, bytes[leading] == slash { leading += 1 }
            var start = leading
            for end in leading...bytes.count where end == bytes.count || bytes[end] == slash {
                let length = end - start
                if length == 0 || (length <= 2 && bytes[start] == dot && bytes[end - 1] == dot) { return nil }
                start = end + 1
            }
            return leading
        }
        if let leading = clean ?? nil {
            return leading == 0 ? path : String(path[path.utf8.index(path.startIndex, offsetBy: leading)...])
        }
        var parts: [Substring.UTF8View] = []
        var changed = false
        for part in path.utf8.split(separator: slash, omittingEmptySubsequences: false) {
            if part.isEmpty || (part.count == 1 && part.first == dot) || (part.count == 2 && part.first == dot && part.last == dot) {
                changed = true
            } else {
                parts.append(Substring(part).utf8)
            }
        }
        if parts.isEmpty { return "input" }
        if !changed { return path }
        return parts.map { String(Substring($0)) }.joined(separator: "/")
    }
}
