import Foundation

/// A batch output folder mirroring the inputs' relative paths; each file is written atomically
/// (see ``FileIO/writeAtomically(_:to:replace:way:)``), so an interrupted batch leaves no
/// half-written file.
final class DirectoryOutput: BatchOutput, @unchecked Sendable {
    let root: URL
    private let rootPath: String
    /// The folder, open: outputs are written by their path below it, so the system walks only
    /// that part for each file (AT_FDCWD when it cannot be opened: full paths then).
    private let rootDescriptor: Int32

    init(root: URL) throws {
        self.root = root
        rootPath = root.path
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw BatchError.output(root.path, "cannot be created (\(error.localizedDescription))")
        }
        let descriptor = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        rootDescriptor = descriptor >= 0 ? descriptor : AT_FDCWD
    }

    deinit { if rootDescriptor != AT_FDCWD { close(rootDescriptor) } }

    var excludedFromSources: [URL] { [root] }

    func exists(_ relativePath: String) -> Bool {
        access(rootPath + "/" + relativePath, F_OK) == 0
    }

    func isFile(_ relativePath: String, theFileAt path: String) -> Bool {
        FileIO.sameFile(rootPath + "/" + relativePath, path)
    }

    /// Writes into the folder the relative path names; a missing folder is created on the first
    /// write that needs it (the write says so), so that no check or lock is needed per file.
    func write(_ data: Data, to relativePath: String, replace: Bool) throws {
        let relative = rootDescriptor == AT_FDCWD ? rootPath + "/" + relativePath : relativePath
        let display = { [rootPath] in rootPath + "/" + relativePath }
        do {
            try FileIO.writeAtomically(data, in: rootDescriptor, at: relative, replace: replace, displayPath: display)
        } catch let failure as FileIO.Failure where failure.code == ENOENT {
            let path = display()
            let folder = path.lastUTF8Index(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? "."
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileIO.writeAtomically(data, in: rootDescriptor, at: relative, replace: replace, displayPath: display)
        }
    }

    func remove(_ relativePath: String) {
        let relative = rootDescriptor == AT_FDCWD ? rootPath + "/" + relativePath : relativePath
        _ = unlinkat(rootDescriptor, relative, 0)
    }

    func finish() throws {}
    func abandon() {}
}
