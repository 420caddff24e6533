import ArgumentParser
import CommandLineContract
import Foundation
import NewsConvKit
import NewsConvServer

/// `newsconv serve`: the converter as an HTTP service (`docs/serve.md`). An executable of its
/// own, which `newsconv serve` runs: the HTTP stack (SwiftNIO, Hummingbird) would make every
/// `newsconv convert` start 13% slower (more protocol conformances to scan, more relocations;
/// measured with callgrind, docs/benchmarks.md).
@main
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsconv serve",
        abstract: "Convert documents sent over HTTP (POST /v1/convert; see docs/serve.md).",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise; --port 0 picks a free port. Prints \
            'newsconv serve: listening on http://HOST:PORT' once it listens. SIGTERM or SIGINT lets the \
            requests in flight finish, then exits 0. No path in a request is ever opened; external \
            format plugins and filters are used only when named here.
            """
    )

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: a free one).")
    var port = 8080

    @Option(name: .long, help: "The largest request body, in bytes.")
    var maxBodyBytes = 16 << 20

    @Option(name: .long, help: "Seconds one conversion may take before the request is answered 504.")
    var timeout: Double = 10

    @Option(name: .long, help: "Conversions at once; more requests are answered 503 (default: 4 per core).")
    var maxInFlight = 4 * ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "The largest request header block, in bytes.")
    var maxHeaderBytes = 16 * 1024

    @Option(name: .long, help: "Seconds a connection may stay idle before it is closed.")
    var idleTimeout = 30

    @Option(name: .long, help: "The folder of the official schemas, for /v1/validate (default: $NEWSCONV_SCHEMAS).")
    var schemas: String?

    @Option(name: .long, help: "An external format plugin (newsconv-format-NAME) requests may use (repeatable).")
    var allowPlugin: [String] = []

    @Option(name: .long, help: "A filter program requests may name with filter= (repeatable).")
    var allowFilter: [String] = []

    /// Run as one of the server's conversion workers (its own child processes), not as a server.
    @Flag(name: .customLong("conversion-worker"), help: .hidden)
    var conversionWorker = false

    /// Runs with the exit codes of newsconv's CLI contract: a usage error is 2.
    static func main() { runWithContract() }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 to 65535") }
        guard maxBodyBytes >= 1, maxInFlight >= 1, maxHeaderBytes >= 1024, idleTimeout >= 1, timeout > 0 else {
            throw ValidationError(
                "--max-body-bytes, --max-in-flight, --idle-timeout and --timeout are positive; --max-header-bytes at least 1024")
        }
    }

    func run() throws {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maximumBodyBytes = maxBodyBytes
        configuration.conversionTimeout = .milliseconds(Int64(timeout * 1000))
        configuration.maximumInFlight = maxInFlight
        configuration.maximumHeaderBytes = maxHeaderBytes
        configuration.idleTimeout = .seconds(idleTimeout)
        configuration.schemas = schemas ?? ProcessInfo.processInfo.environment["NEWSCONV_SCHEMAS"]
        configuration.plugins = allowPlugin
        configuration.filters = allowFilter
        configuration.now = ConversionSettings.sourceDateEpoch()
        // Conversions run in worker processes of this same executable (docs/serve.md); a worker
        // converts in its own process.
        if !conversionWorker { configuration.workerExecutable = Self.ownExecutable }
        let server: NewsConvServer
        do {
            server = try NewsConvServer(configuration: configuration)
        } catch {
            Self.error(error.description)
            throw ExitCode(error.exitCode)
        }
        if conversionWorker { server.runWorker() }
        let host = self.host
        let failure = ServeFailure()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in
                    // The line a supervisor or a test waits for; unbuffered.
                    try? FileHandle.standardOutput.write(contentsOf: Data("newsconv serve: listening on http://\(host):\(port)\n".utf8))
                }
            } catch {
                failure.message = "\(error)"
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            Self.error("newsconv serve: \(message)")
            throw ExitCode(1)
        }
    }

    /// This executable's path (`/proc/self/exe` on Linux, else as it was started).
    private static var ownExecutable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    private static func error(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }
}

/// Why the server stopped, when it did not stop on a signal.
private final class ServeFailure: @unchecked Sendable {
    var message: String?
}
