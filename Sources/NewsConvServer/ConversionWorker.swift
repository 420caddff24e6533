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
        var toWorker: [Int32] = [0, 0]
        var fromWorker: [Int32] = [0, 0]
        guard pipe(&toWorker) == 0, pipe(&fromWorker) == 0 else { throw Failure.ended(String(cString: strerror(errno))) }
        for end in toWorker + fromWorker { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable, "--conversion-worker"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // A crash ends the worker at once: Swift's backtracer would keep it (and its request)
        // for seconds while it symbolicates.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(toWorker[0])
        close(fromWorker[1])
        guard spawned == 0 else {
            close(toWorker[1])
            close(fromWorker[0])
            throw Failure.ended("\(executable) could not be started: \(String(cString: strerror(spawned)))")
        }
        pid = child
        requests = FileHandle(fileDescriptor: toWorker[1], closeOnDealloc: true)
        answers = FileHandle(fileDescriptor: fromWorker[0], closeOnDealloc: true)
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

    /// Whether it was killed, or died (then it is never used again).
    var isEnded: Bool { lock.withLock { killed } || Foundation.kill(pid, 0) != 0 }

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
