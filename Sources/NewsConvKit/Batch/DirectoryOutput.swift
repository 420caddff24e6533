import Foundation

/// A batch output folder mirroring the inputs' relative paths; each file is written atomically
/// (a temporary file, then a rename), so an interrupted batch leaves no half-written file.
final class DirectoryOutput: BatchOutput, @unchecked Sendable {
    let root: URL

    init(root: URL) throws {
        self.root = root
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw BatchError.output(root.path, "cannot be created (\(error.localizedDescription))")
        }
    }

    var excludedFromSources: [URL] { [root] }

    func exists(_ relativePath: String) -> Bool {
        access(root.path + "/" + relativePath, F_OK) == 0
    }

    /// Folders known to exist, so that each is created (and checked) once.
    private var folders: Set<String> = []
    private let lock = NSLock()

    func write(_ data: Data, to relativePath: String, replace: Bool) throws {
        let path = root.path + "/" + relativePath
        let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? "."
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        if !known {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            lock.lock()
            folders.insert(folder)
            lock.unlock()
        }
        try FileIO.writeAtomically(data, to: path, replace: replace)
    }

    func finish() throws {}
    func abandon() {}
}
