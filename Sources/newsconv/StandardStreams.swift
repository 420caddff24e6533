import Foundation
import NewsConvKit

/// Writing to standard output and standard error. A write that fails is never a trap: a reader
/// that went away (`| head`) ends the process quietly, as Unix tools do; another failure (a full
/// disk) is said on standard error and ends it with exit code 1.
enum StandardStreams {
    static func error(_ line: String) {
        // Nowhere is left to report a failure to write standard error.
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }

    static func output(_ data: Data) {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            if SystemErrorReason.isBrokenPipe(error) { exit(128 + SIGPIPE) }
            Self.error("newsconv: cannot write standard output: \(SystemErrorReason.text(error))")
            exit(1)
        }
    }

    static func readInput() -> Data {
        (try? FileHandle.standardInput.readToEnd()) ?? Data()
    }
}
