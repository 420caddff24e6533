import Foundation

/// A batch output folder mirroring the inputs' relative paths; each file is written atomically
/// (see ``FileIO/writeAtomically(_:to:replace:way:)``), so an interrupted batch leaves no
/// half-written file.
final class DirectoryOutput: BatchOutput, @unchecked Sendable {
    let root: URL
    private let rootPath: String

    init(root: URL) throws {
        self.root = root
        rootPath = root.path
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw BatchError.output(root.path, "cannot be created (\(error.localizedDescription))")
        }
    }

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
        let path = rootPath + "/" + relativePath
        do {
            try FileIO.writeAtomically(data, to: path, replace: replace)
        } catch let failure as FileIO.Failure where failure.code == ENOENT {
            let folder = path.lastUTF8Index(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? "."
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileIO.writeAtomically(data, to: path, replace: replace)
        }
    }

    func finish() throws {}
    func abandon() {}
}
