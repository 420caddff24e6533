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

    static func run(_ executable: URL, _ arguments: [String], input: Data, timeout: TimeInterval) throws(Failure) -> Output {
        _ = ignoreBrokenPipes
        var inputPipe: [Int32] = [0, 0]
        var outputPipe: [Int32] = [0, 0]
        var errorPipe: [Int32] = [0, 0]
        // Close-on-exec, so that the program gets only the ends dup'ed onto 0, 1 and 2.
        func makePipe(_ ends: inout [Int32]) -> Bool {
            guard pipe(&ends) == 0 else { return false }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            return true
        }
        guard makePipe(&inputPipe), makePipe(&outputPipe), makePipe(&errorPipe) else {
            throw .cannotStart(String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, environ)
        close(inputPipe[0])
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(inputPipe[1])
            close(outputPipe[0])
            close(errorPipe[0])
            throw .cannotStart(String(cString: strerror(spawned)))
        }
        // Write and read on their own threads, so that a program that writes before it has read
        // everything cannot deadlock with us.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        let outputHandle = FileHandle(fileDescriptor: outputPipe[0], closeOnDealloc: true)
        let errorHandle = FileHandle(fileDescriptor: errorPipe[0], closeOnDealloc: true)
        group.enter()
        DispatchQueue.global().async {
            out = outputHandle.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            err = errorHandle.readDataToEndOfFile()
            group.leave()
        }
        let inputFD = inputPipe[1]
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
        let child = pid
        DispatchQueue.global().async {
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            finished.signal()
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(-pid, SIGTERM)
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(-pid, SIGKILL)
                finished.wait()
            }
            kill(-pid, SIGKILL)
            _ = group.wait(timeout: .now() + 2)
            throw .timedOut(timeout)
        }
        // Children left behind by the program would keep its pipes open.
        _ = group.wait(timeout: .now() + 5)
        let lines = String(decoding: err, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        let signal = status & 0x7F
        if signal != 0 { throw .signalled(signal) }
        let exitStatus = (status >> 8) & 0xFF
        guard exitStatus == 0 else { throw .exited(exitStatus, firstLine: lines.first) }
        return Output(stdout: out, stderrLines: lines)
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
        }
    }

    /// Each line a program wrote on standard error, as a warning naming it.
    static func diagnostics(_ lines: [String], program: String, code: String, path: String?) -> [Diagnostic] {
        lines.map { .warning("\(code).message", "\(program): \($0)", at: SourceLocation(path: path, line: 1, column: 1)) }
    }
}
