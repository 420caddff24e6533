import Foundation
import HTTPTypes
import Hummingbird
import NewsConvKit
import NewsCore
import ZIPFoundation

/// The handlers of `newsconv serve`'s endpoints. A request's parameters become the same
/// `ConversionSettings` the CLI's options do, and its body goes through the one `Pipeline` on a
/// conversion thread; what is particular to HTTP is here: statuses, media types, envelopes.
struct Endpoints: Sendable {
    let server: NewsConvServer

    private var converter: Converter { server.converter }
    private var metrics: ServerMetrics { server.metrics }

    /// A response counted in the metrics: by endpoint and status, and by code when it failed.
    private func answer(_ endpoint: String, _ response: Response, code: String? = nil) -> Response {
        metrics.request(endpoint: endpoint, status: response.status.code)
        if let code { metrics.failure(code: code) }
        return response
    }

    private func problem(_ endpoint: String, _ problem: ProblemDetails) -> Response {
        answer(endpoint, problem.response, code: problem.code)
    }

    // MARK: POST /v1/convert

    func convert(_ request: Request) async -> Response {
        let endpoint = "convert"
        let query = request.uri.queryParameters
        let accept = request.headers[.accept] ?? ""
        let settings: ConversionSettings
        let pipeline: Pipeline
        do throws(ProblemDetails) {
            settings = try conversionSettings(request)
        } catch {
            return problem(endpoint, error)
        }
        do {
            pipeline = try Pipeline(settings, converter: converter)
        } catch {
            return problem(endpoint, ProblemDetails(error))
        }
        let name = Self.documentName(query["name"])
        let body: Data
        switch await readBody(request) {
        case .success(let data): body = data
        case .failure(let error): return problem(endpoint, error)
        }

        let started = ContinuousClock.now
        metrics.inFlight.increment()
        // In a worker process when the server has them: a crash ends the worker, not the server,
        // and a conversion past its deadline is stopped by killing its worker.
        let workers = server.workers
        let lease = WorkerLease()
        var stop: (@Sendable () -> Void)?
        if workers != nil { stop = { @Sendable in lease.expire() } }
        let outcome = await server.threads.run(timeout: server.configuration.conversionTimeout, stop: stop) {
            () -> Result<PipelineResult, ConversionWorker.Failure> in
            guard let workers else { return .success(pipeline.convert(SourceDocument(data: body, path: name, name: name))) }
            do {
                let worker = try workers.take()
                lease.hold(worker)
                defer { workers.give(worker) }
                return .success(try worker.convert(body, name: name, settings: settings))
            } catch let failure as ConversionWorker.Failure {
                return .failure(failure)
            } catch {
                return .failure(.ended("\(error)"))
            }
        }
        metrics.inFlight.decrement()
        let result: PipelineResult
        switch outcome {
        case .saturated:
            return problem(
                endpoint,
                ProblemDetails(
                    status: .serviceUnavailable, code: "serve.saturated",
                    detail: "all \(server.threads.capacity) conversion slots are busy; try again shortly", retryAfter: 1))
        case .timedOut:
            return problem(
                endpoint,
                ProblemDetails(
                    status: .gatewayTimeout, code: "serve.timeout",
                    detail: "the conversion took longer than the server's limit (\(server.configuration.conversionTimeout))"))
        case .done(.failure(.ended(let reason))):
            return problem(
                endpoint,
                ProblemDetails(
                    status: .internalServerError, code: "serve.crashed",
                    detail: "the conversion ended abnormally (\(reason)); the server goes on"))
        case .done(.success(let done)):
            result = done
            metrics.conversion(took: ContinuousClock.now - started)
        }
        if result.failed { return problem(endpoint, ProblemDetails.failure(result.diagnostics)) }

        let warnings = result.diagnostics.filter { $0.severity >= .warning }.count
        let headers: HTTPFields = [
            HTTPField.Name("NewsConv-Diagnostics")!: "\(result.diagnostics.count)",
            HTTPField.Name("NewsConv-Warnings")!: "\(warnings)",
        ]
        let mediaType = pipeline.target.mediaTypes.first ?? "application/octet-stream"
        let wantsEnvelope = query["diagnostics"] == "body" || Self.accepts(accept, "application/json")
        if !wantsEnvelope, result.outputs.count == 1 {
            return answer(endpoint, Self.ok(result.outputs[0].data, mediaType, headers: headers))
        }
        if !wantsEnvelope, Self.accepts(accept, "application/zip") {
            do {
                return answer(endpoint, Self.ok(try Self.zip(result.outputs), "application/zip", headers: headers))
            } catch {
                return problem(endpoint, ProblemDetails(status: .internalServerError, code: "serve.zip", detail: "\(error)"))
            }
        }
        return answer(endpoint, Self.ok(Self.envelope(result, mediaType: mediaType), "application/json", headers: headers))
    }

    /// The settings a request's query names: `from`, `to`, `option=KEY=VALUE` (repeatable),
    /// `filter=PROGRAM` (repeatable, only programs allowed at start), `date-context`, `strict`,
    /// `ignore=CODE` (repeatable).
    private func conversionSettings(_ request: Request) throws(ProblemDetails) -> ConversionSettings {
        let query = request.uri.queryParameters
        func bad(_ detail: String) -> ProblemDetails { ProblemDetails(status: .badRequest, code: "serve.parameter", detail: detail) }
        var options: [String: String] = [:]
        for option in query[values: "option"] {
            guard let (key, value) = ConversionSettings.keyValue(option) else {
                throw bad("option expects KEY=VALUE (e.g. ninjs.profile=2), got '\(option)'")
            }
            options[key] = value
        }
        let filters = query[values: "filter"].map(String.init)
        for filter in filters where !server.configuration.filters.contains(filter) {
            throw bad("the filter '\(filter)' is not allowed; filters are named when the server starts (--allow-filter)")
        }
        let strict: Bool
        let strictText: String? = query["strict"].map { String($0) }
        switch strictText {
        case nil, "false", "0": strict = false
        case "true", "1", "": strict = true
        case let other?: throw bad("strict is true or false, got '\(other)'")
        }
        let from = query["from"].map(String.init) ?? request.headers[.contentType].flatMap(hintedFormat)
        return ConversionSettings(
            from: from, to: query["to"].map(String.init), dateContext: query["date-context"].map(String.init), strict: strict,
            now: server.configuration.now, formatOptions: options, filters: filters,
            ignore: query[values: "ignore"].map(String.init))
    }

    /// The format a request's `Content-Type` names, when exactly one readable format lists it and
    /// it says more than "some text", "some XML" or "some JSON".
    private func hintedFormat(_ contentType: String) -> String? {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let generic: Set<String> = ["text/plain", "application/xml", "text/xml", "application/json", "application/octet-stream", ""]
        guard !generic.contains(type) else { return nil }
        let claiming = converter.registry.modules.filter { $0.importer != nil && $0.mediaTypes.contains(type) }
        return claiming.count == 1 ? claiming[0].name : nil
    }

    private func readBody(_ request: Request) async -> Result<Data, ProblemDetails> {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: server.configuration.maximumBodyBytes)
            return .success(Data(buffer.readableBytesView))
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            return .failure(
                ProblemDetails(
                    status: .contentTooLarge, code: "serve.too-large",
                    detail: "the request body is larger than the server's limit of \(server.configuration.maximumBodyBytes) bytes"))
        } catch {
            return .failure(ProblemDetails(status: .badRequest, code: "serve.body", detail: "the request body could not be read: \(error)"))
        }
    }

    /// The name a request gives its document (`name=`): only its last component, for it is a
    /// name, never a path that is opened; `document` when it gives none.
    static func documentName(_ given: Substring?) -> String {
        guard let given, !given.isEmpty else { return "document" }
        return (String(given) as NSString).lastPathComponent
    }

    /// A 200 answer of `data` as `mediaType`, with any further headers.
    static func ok(_ data: Data, _ mediaType: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = mediaType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func accepts(_ accept: String, _ mediaType: String) -> Bool {
        accept.split(separator: ",").contains {
            $0.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == mediaType
        }
    }

    /// `{"outputs": [{"name", "mediaType", "data" | "data_base64"}], "diagnostics": [...]}`.
    static func envelope(_ result: PipelineResult, mediaType: String) -> Data {
        let object = OrderedJSON.object([
            ("outputs", .array(result.outputs.map { $0.json(("mediaType", .string(mediaType))) })),
            ("diagnostics", .array(result.diagnostics.map(DiagnosticRecord.json))),
        ])
        return (try? OrderedJSONEncoder(prettyPrinted: false).encode(object)) ?? Data()
    }

    /// The outputs as a zip, in memory (a request's outputs are bounded by its body's limit).
    static func zip(_ outputs: [PipelineResult.Output]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for output in outputs {
            try archive.addEntry(
                with: output.name, type: .file, uncompressedSize: Int64(output.data.count), compressionMethod: .deflate
            ) { position, size in
                output.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    // MARK: POST /v1/validate

    func validate(_ request: Request) async -> Response {
        let endpoint = "validate"
        guard let schemas = server.configuration.schemas else {
            return problem(
                endpoint,
                ProblemDetails(
                    status: .notImplemented, code: "serve.validate.no-schemas",
                    detail: "this server was started without the official schemas (--schemas DIR or NEWSCONV_SCHEMAS)"))
        }
        let query = request.uri.queryParameters
        let format = query["format"].map(String.init)
        let name = Self.documentName(query["name"])
        let body: Data
        switch await readBody(request) {
        case .success(let data): body = data
        case .failure(let error): return problem(endpoint, error)
        }
        let converter = self.converter
        let outcome = await server.threads.run(timeout: server.configuration.conversionTimeout) {
            Result { () throws(NewsConvError) in
                try converter.validateDocument(body, path: name, requested: format, standards: URL(fileURLWithPath: schemas))
            }
        }
        switch outcome {
        case .saturated:
            return problem(
                endpoint,
                ProblemDetails(status: .serviceUnavailable, code: "serve.saturated", detail: "all conversion slots are busy", retryAfter: 1)
            )
        case .timedOut:
            return problem(endpoint, ProblemDetails(status: .gatewayTimeout, code: "serve.timeout", detail: "the validation took too long"))
        case .done(.failure(let error)):
            let detail: String
            switch error {
            case .usage(let message): detail = message
            case .conversion(let conversion): detail = conversion.diagnostic.message
            }
            return problem(endpoint, ProblemDetails(status: .badRequest, code: "serve.parameter", detail: detail))
        case .done(.success(let checked)):
            var fields: [(String, OrderedJSON)] = [("valid", .bool(checked.schema != nil))]
            if let schema = checked.schema { fields.append(("schema", .string(schema))) }
            fields.append(("diagnostics", .array(checked.diagnostics.map(DiagnosticRecord.json))))
            let data = (try? OrderedJSONEncoder(prettyPrinted: false).encode(OrderedJSON.object(fields))) ?? Data()
            return answer(endpoint, Self.ok(data, "application/json"))
        }
    }

    // MARK: GET endpoints

    func formats() -> Response {
        answer("formats", Self.ok(FormatListing(registry: converter.registry).json(), "application/json"))
    }

    func health() -> Response {
        answer("healthz", Self.ok(Data(#"{"status":"ok"}"#.utf8), "application/json"))
    }

    func metricsText() -> Response {
        Self.ok(Data(metrics.text().utf8), "text/plain; version=0.0.4")
    }
}

extension ProblemDetails {
    /// A usage problem of the settings (an unknown format, a format option no module declares).
    init(_ error: NewsConvError) {
        switch error {
        case .usage(let message): self.init(status: .badRequest, code: "serve.parameter", detail: message)
        case .conversion(let conversion): self = .failure([conversion.diagnostic])
        }
    }
}
