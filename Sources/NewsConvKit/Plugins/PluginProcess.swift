import Foundation
import NewsCore

/// Runs an external program (a format plugin or a filter) with bytes on standard input, and
/// collects standard output and standard error, with a time limit: a program that hangs is
/// stopped (SIGTERM, then SIGKILL) and reported.
enum PluginProcess {
    struct Output {
        var stdout: Data
        var stderrLines: [String]
    }

    enum Failure: Error {
        case cannotStart(String)
        case timedOut(TimeInterval)
        case exited(Int32, firstLine: String?)
        case signalled(Int32)
        /// It wrote more than the cap on a stream (named) and was stopped.
        case tooMuchOutput(String, Int)
        /// It exited, but something it started kept its output open past the time limit.
        case outputLeftOpen
    }

    /// The time limit: `NEWSCONV_PLUGIN_TIMEOUT` seconds, else `default`.
    static func timeout(default value: TimeInterval, environment: [String: String] = ProcessInfo.processInfo.environment) -> TimeInterval {
        environment["NEWSCONV_PLUGIN_TIMEOUT"].flatMap(Double.init).map { max(0.1, $0) } ?? value
    }

    /// Runs the program in a process group of its own, so that on a time-out the whole group
    /// (a shell script's children too) is stopped and no orphan keeps the pipes open.
    /// A program that exits before reading all its input must not kill us with SIGPIPE: the
    /// write then fails with EPIPE, which is handled.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// The process groups of the plugins and filters running now, so that an interrupted
    /// command stops them rather than leave them running (each has a group of its own, which a
    /// terminal's Ctrl-C does not reach).
    private static let running = RunningGroups()

    private final class RunningGroups: @unchecked Sendable {
        private let lock = NSLock()
        private var groups: Set<pid_t> = []
        private var stopping = false
        func insert(_ group: pid_t) { lock.withLock { _ = groups.insert(group) } }
        func remove(_ group: pid_t) { lock.withLock { _ = groups.remove(group) } }
        /// Every group, and from now on the process is stopping.
        func stopAll() -> Set<pid_t> {
            lock.withLock {
                stopping = true
                return groups
            }
        }
        var isStopping: Bool { lock.withLock { stopping } }
    }

    /// Kills every running plugin's and filter's process group (a command interrupted, about to
    /// exit): the runs they end do not report a crash, the exit is the interrupt's.
    static func stopAll() {
        for group in running.stopAll() { kill(-group, SIGKILL) }
    }

    static func run(
        _ executable: URL, _ arguments: [String], input: Data, timeout: TimeInterval,
        outputLimit: Int = ImportLimits.standard.pluginOutputBytes,
        messageLimit: Int = ImportLimits.standard.pluginMessageBytes
    ) throws(Failure) -> Output {
        _ = ignoreBrokenPipes
        let child: ChildProcess
        do {
            child = try ChildProcess.start(executable.path, arguments, pipesOn: [0, 1, 2])
        } catch {
            throw .cannotStart(error.reason)
        }
        let pid = child.pid
        // Write and read on their own threads, so that a program that writes before it has read
        // everything cannot deadlock with us. Each stream is read up to its cap: past it the
        // program's group is killed, so that a flood costs no more memory than the cap.
        running.insert(pid)
        defer { running.remove(pid) }
        let group = DispatchGroup()
        let collected = Collected()
        for (descriptor, limit, isOutput) in [(child.ends[1]!, outputLimit, true), (child.ends[2]!, messageLimit, false)] {
            group.enter()
            DispatchQueue.global().async {
                let (data, overflowed) = drain(descriptor, limit: limit)
                if overflowed { kill(-pid, SIGKILL) }
                collected.store(data, overflowed: overflowed, output: isOutput)
                group.leave()
            }
        }
        let inputFD = child.ends[0]!
        DispatchQueue.global().async {
            // A program that exits without reading all of its input closes the pipe (EPIPE): stop writing.
            input.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let count = write(inputFD, buffer.baseAddress! + offset, buffer.count - offset)
                    if count < 0 { if errno == EINTR { continue } else { break } }
                    offset += count
                }
            }
            close(inputFD)
        }
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status: Int32 = 0
        DispatchQueue.global().async {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            finished.signal()
        }
        let deadline = DispatchTime.now() + timeout
        defer {
            // Killed by ``stopAll()``: the interrupt's handler is exiting the process.
            if running.isStopping { Thread.sleep(forTimeInterval: 60) }
        }
        if finished.wait(timeout: deadline) == .timedOut {
            kill(-pid, SIGTERM)
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(-pid, SIGKILL)
                finished.wait()
            }
            kill(-pid, SIGKILL)
            _ = group.wait(timeout: .now() + 2)
            throw .timedOut(timeout)
        }
        // The output is whole only at its end of file: children the program left behind (in its
        // process group) may hold the pipes open. They get the rest of the time limit, then are
        // killed, and the output, incomplete, is refused.
        if group.wait(timeout: deadline) == .timedOut {
            kill(-pid, SIGKILL)
            _ = group.wait(timeout: .now() + 2)
            throw .outputLeftOpen
        }
        let (out, err, overflowedOutput) = collected.results
        if let overflowedOutput {
            throw .tooMuchOutput(overflowedOutput ? "standard output" : "standard error", overflowedOutput ? outputLimit : messageLimit)
        }
        let lines = String(decoding: err, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        let signal = status & 0x7F
        if signal != 0 { throw .signalled(signal) }
        let exitStatus = (status >> 8) & 0xFF
        guard exitStatus == 0 else { throw .exited(exitStatus, firstLine: lines.first) }
        return Output(stdout: out, stderrLines: lines)
    }

    /// Reads a pipe to its end, or until more than `limit` bytes came (then true); closes it.
    private static func drain(_ descriptor: Int32, limit: Int) -> (Data, Bool) {
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return (data, false) }
            guard data.count + count <= limit else { return (data, true) }
            data.append(contentsOf: buffer[..<count])
        }
    }

    /// What the reading threads collected, handed over under a lock.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var output = Data()
        private var messages = Data()
        /// Which stream went past its cap first: true for standard output, false for standard error.
        private var overflowedOutput: Bool?

        func store(_ data: Data, overflowed: Bool, output isOutput: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isOutput { output = data } else { messages = data }
            if overflowed, overflowedOutput == nil { overflowedOutput = isOutput }
        }

        var results: (output: Data, messages: Data, overflowedOutput: Bool?) {
            lock.lock()
            defer { lock.unlock() }
            return (output, messages, overflowedOutput)
        }
    }

    /// A conversion error naming the program.
    static func error(_ failure: Failure, program: String, code: String, doing action: String, path: String?) -> ConversionError {
        let location = SourceLocation(path: path, line: 1, column: 1)
        switch failure {
        case .cannotStart(let reason):
            return ConversionError("\(code).unavailable", "\(program) could not be started to \(action): \(reason)", at: location)
        case .timedOut(let seconds):
            return ConversionError(
                "\(code).timeout",
                "\(program) did not finish \(action) within \(Int(seconds)) s and was stopped (set NEWSCONV_PLUGIN_TIMEOUT to allow more)",
                at: location)
        case .exited(let status, let line):
            return ConversionError(
                "\(code).failed", "\(program) failed to \(action) (exit status \(status))\(line.map { ": \($0)" } ?? "")", at: location)
        case .signalled(let signal):
            return ConversionError("\(code).crashed", "\(program) crashed while it was to \(action) (signal \(signal))", at: location)
        case .tooMuchOutput(let stream, let limit):
            return ConversionError(
                "\(code).too-much-output",
                "\(program) wrote more than \(limit) bytes on \(stream) while it was to \(action), and was stopped",
                at: location)
        case .outputLeftOpen:
            return ConversionError(
                "\(code).output-open",
                "\(program) exited, but a process it started kept its output open; stopped, and its output (incomplete) refused, while it was to \(action)",
                at: location)
        }
    }

    /// Each line a program wrote on standard error, as a warning naming it.
    static func diagnostics(_ lines: [String], program: String, code: String, path: String?) -> [Diagnostic] {
        lines.map { .warning("\(code).message", "\(program): \($0)", at: SourceLocation(path: path, line: 1, column: 1)) }
    }
}
