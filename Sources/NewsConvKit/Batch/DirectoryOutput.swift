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
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path)
    }

    func write(_ data: Data, to relativePath: String) throws {
        try OutputFile.write(data, to: root.appendingPathComponent(relativePath).path)
    }

    func finish() throws {}
    func abandon() {}
}
