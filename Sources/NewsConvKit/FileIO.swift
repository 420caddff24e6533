import Foundation
import Synchronization

/// Whole-file reads and atomic writes with plain POSIX calls: Foundation's adds an fsync, extended
/// attribute look-ups and several stats per file, which dominate a batch of small files.
enum FileIO {
    /// The bytes of a file, or nil when it cannot be read.
    static func read(_ path: String) -> Data? {
        path.withCString { read(systemPath: $0) }
    }

    /// The bytes of a file named by the bytes of its path (a name that is not UTF-8).
    static func read(bytes path: [UInt8]) -> Data? {
        (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { read(systemPath: $0.baseAddress!) } }
    }

    private static func read(systemPath path: UnsafePointer<CChar>) -> Data? {
        // Not blocking: a FIFO named as an input (in a batch's `-` list) would wait for a writer
        // for ever; it is refused below as not a regular file. A regular file ignores the flag.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
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

    /// How a file written without replacing is put in place, fastest first; each falls back to
    /// the next where the system does not allow it.
    enum Way {
        /// An unnamed file (`O_TMPFILE`) linked by its descriptor (`AT_EMPTY_PATH`).
        case linkDescriptor
        /// An unnamed file linked through its `/proc/self/fd` name.
        case linkProcPath
        /// A hidden temporary file, hard-linked under the name, then removed.
        case temporaryName
    }

    /// Where a whole-batch output (a zip, a report) is built before it is renamed over `url`:
    /// `.NAME.newsconv-PID-RANDOM.tmp` beside it. The PID lets a later batch remove what a killed
    /// one left (``removeStaleTemporaries(beside:)``).
    static func temporary(beside url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).newsconv-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
    }

    /// Removes the temporaries beside `url` whose batch is no longer running (one killed with
    /// SIGKILL, which no handler sees); a running batch's are left alone.
    static func removeStaleTemporaries(beside url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).newsconv-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }

    /// True when both paths name one existing file (through links, or two spellings of a path).
    static func sameFile(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// The target exists and was not to be replaced: nothing was written.
    struct Exists: Error {
        let path: String
    }

    /// Writes a file atomically, so that no reader ever sees part of it. The folder must exist.
    /// With `replace` false an existing file is never touched and ``Exists`` is thrown; the
    /// check and the write are one step (a link, which fails on an existing name), so no other
    /// writer can slip in between. Throws with the system's reason otherwise.
    /// `way` picks the first way tried (tests use it to reach the fallbacks).
    static func writeAtomically(_ data: Data, to path: String, replace: Bool = true, way: Way = .linkDescriptor) throws {
        try writeAtomically(data, in: AT_FDCWD, at: path, replace: replace, way: way) { path }
    }

    /// ``writeAtomically(_:to:replace:way:)`` for a path relative to an open folder: a batch writes
    /// each output by its path below the output folder, so the system walks only that part of it.
    /// `displayPath` names the file in errors.
    static func writeAtomically(
        _ data: Data, in directory: Int32, at path: String, replace: Bool = true, way: Way = .linkDescriptor, displayPath: () -> String
    ) throws {
        let slash = path.lastUTF8Index(of: UInt8(ascii: "/"))
        let folder = slash.map { String(path[...$0]) } ?? ""
        #if os(Linux)
            // An unnamed file in the folder, linked under its name once written: one change to the
            // folder instead of two (creating a temporary name, renaming it), and nothing left
            // behind if the process dies. File systems without O_TMPFILE take the portable way.
            if !replace, way != .temporaryName {
                let unnamed = openat(
                    directory, folder.isEmpty ? "." : folder, O_WRONLY | O_CLOEXEC | Int32(0o20000000) | O_DIRECTORY, 0o644)
                if unnamed >= 0 {
                    defer { close(unnamed) }
                    guard write(all: data, to: unnamed) else { throw failure(displayPath) }
                    // Linking the descriptor itself needs CAP_DAC_READ_SEARCH (or a recent kernel)
                    // and saves the kernel a walk through /proc; without it the call says ENOENT
                    // (the folder exists: the file was just made in it), and /proc is used from then on.
                    if way == .linkDescriptor, emptyPathLinks.load(ordering: .relaxed) {
                        let atEmptyPath: Int32 = 0x1000  // AT_EMPTY_PATH, which Glibc does not export to Swift
                        if linkat(unnamed, "", directory, path, atEmptyPath) == 0 { return }
                        if errno == EEXIST { throw Exists(path: displayPath()) }
                        if errno != ENOENT && errno != EPERM { throw failure(displayPath) }
                        emptyPathLinks.store(false, ordering: .relaxed)
                    }
                    if linkat(AT_FDCWD, "/proc/self/fd/\(unnamed)", directory, path, AT_SYMLINK_FOLLOW) == 0 { return }
                    if errno == EEXIST { throw Exists(path: displayPath()) }
                    if errno != ENOENT && errno != EPERM && errno != EXDEV { throw failure(displayPath) }
                    // No /proc: the portable way below.
                }
            }
        #endif
        // The temporary name is the target's, hidden, with this process's id and a counter: made
        // by string operations (URL's would stat the path) and without a random-number call.
        let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
        var temporary: String
        var descriptor: Int32
        repeat {
            let number = temporaryCounter.add(1, ordering: .relaxed).newValue
            temporary = "\(folder).\(name).newsconv-\(getpid())-\(number).tmp"
            descriptor = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        } while descriptor < 0 && errno == EEXIST
        guard descriptor >= 0 else { throw failure(displayPath) }
        let written = write(all: data, to: descriptor)
        let closed = close(descriptor) == 0
        guard written, closed else {
            let error = failure(displayPath)
            unlinkat(directory, temporary, 0)
            throw error
        }
        if replace {
            guard renameat(directory, temporary, directory, path) == 0 else {
                let error = failure(displayPath)
                unlinkat(directory, temporary, 0)
                throw error
            }
        } else {
            // A hard link fails when the name exists: the no-replace check and the write in one.
            defer { unlinkat(directory, temporary, 0) }
            guard linkat(directory, temporary, directory, path, 0) == 0 else {
                if errno == EEXIST { throw Exists(path: displayPath()) }
                throw failure(displayPath)
            }
        }
    }

    private static func write(all data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                offset += count
            }
            return true
        }
    }

    private static let temporaryCounter = Atomic<UInt64>(0)
    private static let emptyPathLinks = Atomic<Bool>(true)

    /// A write that failed, with the system's reason.
    struct Failure: LocalizedError, CustomStringConvertible {
        let path: String
        /// The `errno` value.
        let code: Int32
        var errorDescription: String? { String(cString: strerror(code)) }
        var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }

    /// The failure of the call just made, `errno` read before the path is built (making the
    /// path allocates, which must not get between the call and its error number).
    private static func failure(_ path: () -> String) -> Failure {
        let code = errno
        return Failure(path: path(), code: code)
    }
}
