import Foundation

/// How `newsconv serve` runs: where it listens, its limits, and what it may use beyond the
/// built-in formats. Every limit has a flag and the default documented in `docs/serve.md`.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise.
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one (printed once listening).
    public var port = 8080
    /// The largest request body read, in bytes (413 beyond it).
    public var maximumBodyBytes = 16 << 20
    /// How long one conversion may take before the request is answered 504.
    public var conversionTimeout: Duration = .seconds(10)
    /// Conversions running at once; a request beyond them is answered 503 with Retry-After.
    public var maximumInFlight = 4 * ProcessInfo.processInfo.activeProcessorCount
    /// The largest request header block, in bytes.
    public var maximumHeaderBytes = 16 * 1024
    /// A connection idle (or a client that sends nothing) this long is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// The folder of the official schemas for `/v1/validate` (`--schemas`, `NEWSCONV_SCHEMAS`).
    public var schemas: String?
    /// External format plugins (`newsconv-format-NAME`) to load at start; none unless named.
    public var plugins: [String] = []
    /// Filter programs a request may name (`filter=`); none unless named at start.
    public var filters: [String] = []
    /// "Now" for generated timestamps (`SOURCE_DATE_EPOCH`); nil is the clock.
    public var now: Date?
    /// The executable that runs conversions in worker processes (`newsconv-serve`, run with
    /// `--conversion-worker`): a conversion that crashes ends its worker, not the server, and one
    /// past its deadline is stopped. Nil runs them in the server's process (an embedding's choice;
    /// `newsconv serve` always names itself).
    public var workerExecutable: String?

    /// The arguments a worker is started with besides `--conversion-worker`: the plugins and
    /// filters allowed, as the server was given them.
    var workerArguments: [String] {
        ["--max-in-flight", "1"] + plugins.flatMap { ["--allow-plugin", $0] } + filters.flatMap { ["--allow-filter", $0] }
    }

    public init() {}
}
