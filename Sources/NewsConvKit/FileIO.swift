import Foundation
import Synchronization

/// Whole-file reads and atomic writes with plain POSIX calls: Foundation's adds an fsync, extended
/// attribute look-ups and several stats per file, which dominate a batch of small files.
enum FileIO {
    /// The bytes of a file, or nil when it cannot be read.
    static func read(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                let count = Foundation.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                if count == 0 { break }
                total += count
            }
            return true
        }
        guard ok else { return nil }
        if total < data.count { data.removeSubrange(total...) }
        // A file that says it is empty (as some virtual files do) is read to its end. Otherwise
        // the size fstat gave is what is read, as Foundation does: no extra call per file.
        if info.st_size == 0 {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = Foundation.read(descriptor, &chunk, chunk.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                data.append(contentsOf: chunk[0..<count])
            }
        }
        return data
    }

    /// Writes a file atomically: to a temporary file in the same folder (which must exist), then
    /// a rename over the target. Throws with the system's reason.
    static func writeAtomically(_ data: Data, to path: String) throws {
        // The temporary name is the target's, hidden, with this process's id and a counter: made
        // by string operations (URL's would stat the path) and without a random-number call.
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var temporary: String
        var descriptor: Int32
        repeat {
            let number = temporaryCounter.add(1, ordering: .relaxed).newValue
            temporary = "\(folder).\(name).newsconv-\(getpid())-\(number).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        } while descriptor < 0 && errno == EEXIST
        guard descriptor >= 0 else { throw failure(path) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                offset += count
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard written, closed, rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    private static let temporaryCounter = Atomic<UInt64>(0)

    private static func failure(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
}
