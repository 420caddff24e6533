import Foundation
import NewsCore

/// Lists the regular files below a folder with `opendir`/`readdir`, depth first, skipping hidden
/// entries and excluded folders and files. Foundation's enumerator looks up each file's owner and group
/// (reading /etc/passwd and /etc/group per file), which costs more than converting it.
enum DirectoryWalker {
    /// A folder's identity, to know a folder met again through a symbolic link.
    private struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// A file found: its path and its path relative to the root, as text, and its path's bytes
    /// when some name on it is not UTF-8 (then the text shows that name read as Windows-1252).
    struct File {
        var path: String
        var relative: String
        var rawPath: [UInt8]?
    }

    /// Calls `body` with each file, until it returns false. Returns false when stopped. Symbolic
    /// links are followed, and each folder is walked once: a link back to a folder being walked
    /// (a loop) and links that fan out to one folder again and again (2^n paths to one file) give
    /// its files once, under the first path met. Names that are not UTF-8 (an old archive's
    /// Latin-1 names) are opened by their bytes.
    @discardableResult
    static func walk(_ root: String, excluding excluded: Set<String>, _ body: (File) throws -> Bool) throws -> Bool {
        var visited: Set<Identity> = []
        return try walk(Folder(path: root, raw: nil), excluding: excluded, relative: "", visited: &visited, body)
    }

    /// A folder's path as text, and as bytes when it is not UTF-8.
    private struct Folder {
        var path: String
        var raw: [UInt8]?

        /// The bytes to hand to the system: a NUL-terminated C string.
        func withSystemPath<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
            guard let raw else { return path.withCString(body) }
            return (raw + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
        }

        func child(_ name: String, bytes: [UInt8], utf8: Bool) -> Folder {
            let path = self.path + "/" + name
            guard raw != nil || !utf8 else { return Folder(path: path, raw: nil) }
            return Folder(path: path, raw: (raw ?? Array(self.path.utf8)) + [UInt8(ascii: "/")] + bytes)
        }
    }

    private static func walk(
        _ root: Folder, excluding excluded: Set<String>, relative: String, visited: inout Set<Identity>, _ body: (File) throws -> Bool
    ) throws -> Bool {
        var own = stat()
        if root.withSystemPath({ stat($0, &own) }) == 0 {
            guard visited.insert(Identity(device: UInt64(own.st_dev), inode: UInt64(own.st_ino))).inserted else { return true }
        }
        guard let directory = root.withSystemPath({ opendir($0) }) else {
            throw BatchError.source(root.path, "cannot be listed (\(String(cString: strerror(errno))))")
        }
        var entries: [(name: String, bytes: [UInt8], utf8: Bool, isDirectory: Bool)] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes.first == UInt8(ascii: ".") { continue }
            let decoded = String(validating: bytes, as: UTF8.self)
            let name = decoded ?? TextDecoding.windows1252(bytes)
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                // Follow symbolic links as the file they point to.
                var info = stat()
                guard root.child(name, bytes: bytes, utf8: decoded != nil).withSystemPath({ stat($0, &info) }) == 0 else { continue }
                type =
                    (info.st_mode & S_IFMT) == S_IFDIR
                    ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_UNKNOWN)
                if type == UInt8(DT_DIR), visited.contains(Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))) { continue }
            }
            if type == UInt8(DT_DIR) || type == UInt8(DT_REG) { entries.append((name, bytes, decoded != nil, type == UInt8(DT_DIR))) }
        }
        closedir(directory)
        // Sorted, so that a batch lists its inputs in the same order every time.
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            let folder = root.child(entry.name, bytes: entry.bytes, utf8: entry.utf8)
            let relativePath = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if excluded.contains(folder.path) { continue }
            if entry.isDirectory {
                guard try walk(folder, excluding: excluded, relative: relativePath, visited: &visited, body) else { return false }
            } else {
                guard try body(File(path: folder.path, relative: relativePath, rawPath: folder.raw)) else { return false }
            }
        }
        return true
    }
}
