import Foundation
import Hummingbird
import Logging
import NewsConvKit
import NewsCore
import ServiceLifecycle

/// `newsconv serve`: the one conversion (`Pipeline`) behind HTTP. Requests carry documents as
/// their bodies; no path in a request is ever opened. The endpoints, statuses and limits are in
/// `docs/serve.md` and `docs/openapi.yaml`.
public struct NewsConvServer: Sendable {
    public let configuration: ServerConfiguration
    let converter: Converter
    let threads: ConversionThreads
    /// The worker processes conversions run in, when ``ServerConfiguration/workerExecutable`` names one.
    let workers: WorkerPool?
    let metrics = ServerMetrics()

    /// Checks the configuration: the plugins named exist, the schema folder (if named) is a folder.
    public init(configuration: ServerConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(NewsConvError)
    {
        self.configuration = configuration
        var modules = BuiltinFormats.modules
        if !configuration.plugins.isEmpty {
            // Only the plugins named at start: a plugin put on PATH later is never run.
            let found = ExternalFormats.discover(environment: environment).modules
            for name in configuration.plugins {
                guard let module = found.first(where: { $0.name == name }) else {
                    throw .usage("--allow-plugin \(name): no format plugin newsconv-format-\(name) on NEWSCONV_PLUGIN_PATH or PATH")
                }
                modules.append(module)
            }
        }
        converter = Converter(registry: FormatRegistry(modules, defaultOutput: BuiltinFormats.defaultOutput))
        if let schemas = configuration.schemas {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: schemas, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .usage("the schema folder \(schemas) does not exist")
            }
        }
        threads = ConversionThreads(count: configuration.maximumInFlight)
        // A worker that dies while its request is written to it must not end the server by
        // SIGPIPE: the write fails (EPIPE), and the request is answered 500.
        if configuration.workerExecutable != nil { signal(SIGPIPE, SIG_IGN) }
        workers = configuration.workerExecutable.map { WorkerPool(executable: $0, arguments: configuration.workerArguments) }
    }

    /// A worker's life (`newsconv-serve --conversion-worker`): reads requests on standard input,
    /// converts each with the one `Pipeline`, answers on standard output, until its input ends
    /// (the server is gone).
    public func runWorker() -> Never {
        // What the server had open when it started this worker (its listening sockets, event
        // loops, other workers' pipes, if another thread spawned between a pipe's creation and
        // its close-on-exec) is closed: held here, and by the filters this worker starts, it
        // would keep a dead worker's answer pipe from ending.
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let descriptor = Int32(entry), descriptor > 2 { close(descriptor) }
        }
        let input = FileHandle.standardInput
        let output = FileHandle.standardOutput
        while let (settings, name, document) = try? WorkerFrames.readRequest(from: input) {
            let result: PipelineResult
            do {
                result = try Pipeline(settings, converter: converter).convert(SourceDocument(data: document, path: name, name: name))
            } catch {
                // The server checked the settings before; a refusal here is the request's failure.
                result = PipelineResult(
                    diagnostics: [.error("serve.parameter", "\(error)", at: SourceLocation(path: name))], failed: true)
            }
            guard (try? WorkerFrames.writeAnswer(result, to: output)) != nil else { break }
        }
        exit(0)
    }

    /// The Hummingbird application; `onListening` is called with the port once it listens.
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        let endpoints = Endpoints(server: self)
        router.post("v1/convert") { request, _ in await endpoints.convert(request) }
        router.post("v1/validate") { request, _ in await endpoints.validate(request) }
        router.get("v1/formats") { _, _ in endpoints.formats() }
        router.get("healthz") { _, _ in endpoints.health() }
        router.get("metrics") { _, _ in endpoints.metricsText() }
        let (seconds, _) = configuration.idleTimeout.components
        var logger = Logger(label: "newsconv.serve")
        logger.logLevel = .warning
        return Application(
            router: router,
            server: .http1(
                configuration: .init(
                    idleTimeout: .seconds(seconds),
                    httpDecoderConfiguration: .init(
                        maxHeaderFieldSize: configuration.maximumHeaderBytes, maxHeaderListSize: configuration.maximumHeaderBytes))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "newsconv"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, then stops accepting connections, lets the requests in
    /// flight finish, and returns.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onListening: onListening).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
