import Foundation

/// Lists the regular files below a folder with `opendir`/`readdir`, depth first, skipping hidden
/// entries and excluded folders. Foundation's enumerator looks up each file's owner and group
/// (reading /etc/passwd and /etc/group per file), which costs more than converting it.
enum DirectoryWalker {
    /// Calls `body` with each file's path and its path relative to `root`, until it returns false.
    /// Returns false when stopped.
    @discardableResult
    static func walk(_ root: String, excluding excluded: Set<String>, relative: String = "", _ body: (String, String) throws -> Bool) throws -> Bool {
        guard let directory = opendir(root) else { throw BatchError.source(root, "cannot be listed (\(String(cString: strerror(errno))))") }
        var entries: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(cString: raw.bindMemory(to: CChar.self).baseAddress!) }
            if name.hasPrefix(".") { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                // Follow symbolic links as the file they point to.
                var info = stat()
                guard stat(root + "/" + name, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_UNKNOWN)
            }
            if type == UInt8(DT_DIR) { entries.append((name, true)) } else if type == UInt8(DT_REG) { entries.append((name, false)) }
        }
        closedir(directory)
        // Sorted, so that a batch lists its inputs in the same order every time.
        for (name, isDirectory) in entries.sorted(by: { $0.name < $1.name }) {
            let path = root + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if isDirectory {
                if excluded.contains(path) { continue }
                guard try walk(path, excluding: excluded, relative: relativePath, body) else { return false }
            } else {
                guard try body(path, relativePath) else { return false }
            }
        }
        return true
    }
}
