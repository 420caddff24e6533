import Foundation

/// Lists the regular files below a folder with `opendir`/`readdir`, depth first, skipping hidden
/// entries and excluded folders and files. Foundation's enumerator looks up each file's owner and group
/// (reading /etc/passwd and /etc/group per file), which costs more than converting it.
enum DirectoryWalker {
    /// A folder's identity, to know a folder met again through a symbolic link.
    private struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// Calls `body` with each file's path and its path relative to `root`, until it returns false.
    /// Returns false when stopped. Symbolic links are followed, except one that leads back to a
    /// folder being walked (a loop), which is skipped.
    @discardableResult
    static func walk(_ root: String, excluding excluded: Set<String>, _ body: (String, String) throws -> Bool) throws -> Bool {
        try walk(root, excluding: excluded, relative: "", ancestors: [], body)
    }

    private static func walk(
        _ root: String, excluding excluded: Set<String>, relative: String, ancestors: Set<Identity>, _ body: (String, String) throws -> Bool
    ) throws -> Bool {
        var ancestors = ancestors
        var own = stat()
        if stat(root, &own) == 0 { ancestors.insert(Identity(device: UInt64(own.st_dev), inode: UInt64(own.st_ino))) }
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
                if type == UInt8(DT_DIR), ancestors.contains(Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))) { continue }
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
                guard try walk(path, excluding: excluded, relative: relativePath, ancestors: ancestors, body) else { return false }
            } else {
                if excluded.contains(path) { continue }
                guard try body(path, relativePath) else { return false }
            }
        }
        return true
    }
}
