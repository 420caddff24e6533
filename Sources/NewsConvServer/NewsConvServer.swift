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
