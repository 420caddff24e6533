import Foundation

/// Starts a program in a process group of its own, with pipes on its standard streams: what
/// external plugins, filters and `newsconv serve`'s conversion workers are. A group of its own
/// can be stopped whole (a shell script's children too), and a terminal's Ctrl-C, sent to the
/// foreground group, does not reach it.
package struct ChildProcess {
    package let pid: pid_t
    /// Our ends of its pipes, by its stream (0, 1, 2): the write end for 0, the read end for 1
    /// and 2. Each is close-on-exec, so another child never holds it.
    package let ends: [Int32: Int32]

    /// Why it could not be started.
    package struct Failure: Error {
        package let reason: String
    }

    /// Starts `executable` with `arguments`, a pipe on each of `streams` (of 0, 1, 2; the others
    /// are inherited), and `environment` (this process's when nil).
    package static func start(
        _ executable: String, _ arguments: [String], pipesOn streams: [Int32], environment: [String: String]? = nil
    ) throws(Failure) -> ChildProcess {
        var theirs: [Int32: Int32] = [:]
        var ours: [Int32: Int32] = [:]
        func closeAll() { for end in Array(theirs.values) + Array(ours.values) { close(end) } }
        for stream in streams {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else {
                closeAll()
                throw Failure(reason: String(cString: strerror(errno)))
            }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            // Standard input is read by the child; its output and messages are written by it.
            theirs[stream] = stream == 0 ? ends[0] : ends[1]
            ours[stream] = stream == 0 ? ends[1] : ends[0]
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (stream, end) in theirs { posix_spawn_file_actions_adddup2(&actions, end, stream) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for pointer in envp ?? [] { free(pointer) } }
        var pid: pid_t = 0
        let spawned =
            if let envp { posix_spawn(&pid, executable, &actions, &attributes, argv, envp) } else {
                posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
            }
        for end in theirs.values { close(end) }
        guard spawned == 0 else {
            for end in ours.values { close(end) }
            throw Failure(reason: String(cString: strerror(spawned)))
        }
        return ChildProcess(pid: pid, ends: ours)
    }
}
