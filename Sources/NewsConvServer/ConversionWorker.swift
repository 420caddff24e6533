import Foundation
import NewsConvKit
import NewsCore

/// One worker process (`newsconv-serve --conversion-worker`) that converts the documents the
/// server hands it, one at a time, over its standard input and output. A conversion that crashes
/// ends the worker, not the server; one past its deadline is stopped by killing the worker, which
/// frees its slot at once. See `docs/serve.md`.
///
/// The frames (``WorkerFrames``): a request is the settings and the document's name as JSON, then
/// the document's bytes; an answer is the result's diagnostics and output names as JSON, then
/// each output's bytes.
final class ConversionWorker: @unchecked Sendable {
    let pid: pid_t
    private let requests: FileHandle
    private let answers: FileHandle
    private let lock = NSLock()
    private var killed = false

    /// Why a worker gave no answer.
    enum Failure: Error {
        /// It died (a crash: the signal, or its exit status), or was killed past the deadline.
        case ended(String)
    }

    /// Starts `executable --conversion-worker` with `arguments`, in a process group of its own (a
    /// terminal's Ctrl-C to the server lets the requests in flight finish).
    init(executable: String, arguments: [String]) throws {
        // A crash ends the worker at once: Swift's backtracer would keep it (and its request)
        // for seconds while it symbolicates.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let child: ChildProcess
        do {
            child = try ChildProcess.start(executable, ["--conversion-worker"] + arguments, pipesOn: [0, 1], environment: environment)
        } catch {
            throw Failure.ended("\(executable) could not be started: \(error.reason)")
        }
        pid = child.pid
        requests = FileHandle(fileDescriptor: child.ends[0]!, closeOnDealloc: true)
        answers = FileHandle(fileDescriptor: child.ends[1]!, closeOnDealloc: true)
    }

    deinit {
        kill()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    /// Converts one document; blocks until the answer, or until the worker ends (it crashed, or
    /// ``kill()`` stopped it past its deadline).
    func convert(_ document: Data, name: String, settings: ConversionSettings) throws(Failure) -> PipelineResult {
        do {
            try WorkerFrames.writeRequest(settings: settings, name: name, document: document, to: requests)
            return try WorkerFrames.readAnswer(from: answers)
        } catch {
            throw .ended(endReason())
        }
    }

    /// Stops the worker (a conversion past its deadline): its slot is free once the read of its
    /// answer returns.
    func kill() {
        lock.withLock {
            guard !killed else { return }
            killed = true
            _ = Foundation.kill(pid, SIGKILL)
        }
    }

    /// Whether it was killed, or died (then it is never used again; a dead one is reaped here).
    var isEnded: Bool {
        lock.withLock {
            if killed { return true }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { killed = true }
            return killed
        }
    }

    /// How the worker ended: the signal that killed it, or its exit status.
    private func endReason() -> String {
        var status: Int32 = 0
        var waited: pid_t = 0
        for _ in 0..<50 {
            waited = waitpid(pid, &status, WNOHANG)
            if waited != 0 { break }
            usleep(10_000)
        }
        lock.withLock { killed = true }
        guard waited == pid else { return "the conversion worker stopped answering" }
        let signal = status & 0x7F
        return signal != 0
            ? "the conversion worker ended by signal \(signal)" : "the conversion worker exited with status \((status >> 8) & 0xFF)"
    }
}
