import ArgumentParser
import Foundation

/// `newsconv serve` runs the `newsconv-serve` executable beside this one, with the same
/// arguments: the HTTP server lives in its own binary so that `convert` does not load it.
struct ServeForwarding: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Convert documents sent over HTTP (POST /v1/convert; see docs/serve.md and 'newsconv serve --help').")

    /// The server's executable: beside this one (as `swift build` and an install put it), else on PATH.
    static var executable: String? {
        let beside = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("newsconv-serve").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/newsconv-serve" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Replaces this process with the server, given `arguments` (those after `serve`); returns
    /// only when it cannot, with the exit code to end with.
    static func exec(_ arguments: [String]) -> Int32 {
        guard let executable else {
            StandardStreams.error(
                "newsconv: 'serve' needs the newsconv-serve executable beside newsconv or on PATH (swift build builds it; install both)")
            return 2
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        execv(executable, argv)
        StandardStreams.error("newsconv: cannot run \(executable): \(String(cString: strerror(errno)))")
        return 1
    }
}
