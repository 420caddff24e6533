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
    /// Why the zip being built cannot be trusted (an entry that could not be added, as on a full
    /// disk, may leave it corrupt): it is then never renamed over the target.
    private var damage: String?
    private let lock = NSLock()

    init(url: URL, keepExisting: Bool) throws {
        self.url = url
        temporary = FileIO.temporary(beside: url)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileIO.removeStaleTemporaries(beside: url)
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
            damage = damage ?? "\(relativePath) could not be added (\(error))"
            throw BatchError.output("\(url.path):\(relativePath)", "cannot be added (\(error))")
        }
    }

    func remove(_ relativePath: String) {
        lock.lock()
        defer { lock.unlock() }
        guard names.contains(relativePath), let archive, let entry = archive[relativePath] else { return }
        do {
            try archive.remove(entry)
            names.remove(relativePath)
        } catch {
            damage = "an entry could not be removed (\(error))"
        }
    }

    func finish() throws {
        lock.lock()
        defer { lock.unlock() }
        archive = nil
        // Renamed over the target only when whole: every entry added, the zip readable with all
        // of them, its bytes on the disk. Otherwise the existing zip is kept as it was.
        let problem = damage ?? Self.problem(with: temporary, holding: names.count)
        if let problem {
            try? FileManager.default.removeItem(at: temporary)
            throw BatchError.output(url.path, "is not written, \(problem); \(exists ? "the existing zip is kept" : "nothing was written")")
        }
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw BatchError.output(url.path, "cannot be written (\(String(cString: strerror(errno))))")
        }
    }

    private var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// What is wrong with the finished temporary zip, if anything: not readable as a zip, not
    /// holding the entries added, or not on the disk (fsync failed, as when it is full).
    private static func problem(with zip: URL, holding count: Int) -> String? {
        let descriptor = open(zip.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "the zip being built cannot be opened (\(String(cString: strerror(errno))))" }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { return "the zip being built cannot be saved (\(String(cString: strerror(errno))))" }
        guard let archive = try? Archive(url: zip, accessMode: .read) else { return "the zip being built is not readable as a zip" }
        let entries = archive.reduce(0) { count, _ in count + 1 }
        return entries == count ? nil : "the zip being built holds \(entries) of its \(count) entries"
    }

    func abandon() {
        lock.lock()
        archive = nil
        lock.unlock()
        try? FileManager.default.removeItem(at: temporary)
    }
}
