import Foundation
import ZIPFoundation

/// A batch output zip. It is built as a temporary file beside the target and renamed over it
/// only by ``finish()``; with `--skip-existing` the entries of an existing zip are carried over,
/// so an interrupted batch can be resumed.
final class ZipOutput: BatchOutput, @unchecked Sendable {
    let url: URL
    private let temporary: URL
    private var archive: Archive?
    private var names: Set<String> = []
    private let lock = NSLock()

    init(url: URL, keepExisting: Bool) throws {
        self.url = url
        temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).newsconv-\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            archive = try Archive(url: temporary, accessMode: .create, pathEncoding: nil)
        } catch {
            throw BatchError.output(url.path, "cannot be created (\(error))")
        }
        guard keepExisting, FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            let existing = try Archive(url: url, accessMode: .read)
            for entry in existing where entry.type == .file {
                var data = Data()
                _ = try existing.extract(entry) { data.append($0) }
                try add(data, entry.path)
            }
        } catch {
            abandon()
            throw BatchError.output(url.path, "exists but cannot be read to resume (\(error))")
        }
    }

    /// The zip itself: when it lies inside a source folder, a resumed batch must not read it.
    var excludedFromSources: [URL] { [url] }

    /// A zip's entries are never files of the file system.
    func isFile(_ relativePath: String, theFileAt path: String) -> Bool { false }

    func exists(_ relativePath: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return names.contains(relativePath)
    }

    private func add(_ data: Data, _ path: String) throws {
        guard let archive else { throw BatchError.output(url.path, "is closed") }
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        names.insert(path)
    }

    func write(_ data: Data, to relativePath: String, replace: Bool) throws {
        lock.lock()
        defer { lock.unlock() }
        if !replace, names.contains(relativePath) { throw FileIO.Exists(path: relativePath) }
        do {
            try add(data, relativePath)
        } catch {
            throw BatchError.output("\(url.path):\(relativePath)", "cannot be added (\(error))")
        }
    }

    func finish() throws {
        lock.lock()
        defer { lock.unlock() }
        archive = nil
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw BatchError.output(url.path, "cannot be written (\(String(cString: strerror(errno))))")
        }
    }

    func abandon() {
        lock.lock()
        archive = nil
        lock.unlock()
        try? FileManager.default.removeItem(at: temporary)
    }
}
