import Foundation
import NewsCore

/// The `--report` file: one JSON object per input, in the order inputs finish, then a summary
/// object. It is written to a temporary file as the batch goes (memory stays flat) and renamed into
/// place at the end; `-` streams it to standard output instead (for `jq` and the like).
final class BatchReport: @unchecked Sendable {
    private let path: String
    /// The file being written, renamed to `path` at the end; nil for standard output.
    private let temporary: URL?
    private let handle: FileHandle
    private let lock = NSLock()
    /// The first write that failed (a full disk, a closed pipe): said when the batch ends.
    private var failure: String?

    init(path: String) throws {
        self.path = path
        if path == "-" {
            temporary = nil
            handle = FileHandle.standardOutput
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = FileIO.temporary(beside: url)
        self.temporary = temporary
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw BatchError.output(path, "the report cannot be written (\(error.localizedDescription))")
        }
        FileIO.removeStaleTemporaries(beside: url)
        // Created by open(2), so that the reason a folder refuses it is the system's
        // ("Permission denied"), not a later "doesn't exist".
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchError.output(path, "the report cannot be written (\(String(cString: strerror(errno))))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// One input's line.
    func record(path: String, status: String, outputs: [String], diagnostics: [Diagnostic], milliseconds: Double) {
        let object: OrderedJSON = .object([
            ("path", .string(path)), ("status", .string(status)), ("outputs", .array(outputs.map(OrderedJSON.string))),
            ("diagnostics", .array(diagnostics.map(DiagnosticRecord.json))), ("ms", .number((milliseconds * 10).rounded() / 10)),
        ])
        write(object)
    }

    func write(_ object: OrderedJSON) {
        guard let line = try? OrderedJSONEncoder(prettyPrinted: false).encode(object) else { return }
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: line + Data([0x0A]))
        } catch {
            // Never a trap: the reason is kept and the batch goes on; `finish` reports it.
            failure = SystemErrorReason.text(error)
        }
    }

    /// Writes the summary and puts the report in place.
    func finish(summary: OrderedJSON) throws {
        write(.object([("summary", summary)]))
        lock.lock()
        defer { lock.unlock() }
        if let failure {
            if let temporary {
                try? handle.close()
                try? FileManager.default.removeItem(at: temporary)
            }
            throw BatchError.output(path, "the report cannot be written (\(failure))")
        }
        guard let temporary else { return }
        try? handle.close()
        if rename(temporary.path, path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw BatchError.output(path, "the report cannot be written (\(String(cString: strerror(errno))))")
        }
    }
}
