import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1
import NewsConvKit
import NewsConvServer
import NewsCore
import ServiceLifecycle
import TestSupport
import Testing
import ZIPFoundation

/// `newsconv serve` over real HTTP on the loopback: a server started in this process on a free
/// port, driven by AsyncHTTPClient. Every answer is held to what the one pipeline makes.
@Suite(.highPriority) struct ServerTests {
    /// Runs `body` against a server with `configure`'s settings, then shuts it down gracefully.
    static func withServer(
        _ configuration: ServerConfiguration = configuration(), _ body: @Sendable (String) async throws -> Void
    ) async throws {
        let server = try NewsConvServer(configuration: configuration)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = server.application { port in continuation.yield(port) }
        let group = ServiceGroup(services: [application], gracefulShutdownSignals: [], logger: .init(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            do {
                try await body("http://127.0.0.1:\(port)")
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// A test server's configuration: a free port, a fixed "now", and `change`'s settings.
    static func configuration(_ change: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.now = Date(timeIntervalSince1970: 1_700_000_000)
        change(&configuration)
        return configuration
    }

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func send(
        _ url: String, method: HTTPMethod = .POST, body: Data? = nil, headers: [(String, String)] = []
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let collected = try await response.body.collect(upTo: 64 << 20)
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        return Answer(status: Int(response.status.code), headers: fields, body: Data(collected.readableBytesView))
    }

    static func sample(_ path: String) throws -> Data { try Data(contentsOf: Fixtures.samples.appendingPathComponent(path)) }

    /// Every sample of every readable format to every writable format: the body (or, for several
    /// articles, the envelope) is what the pipeline makes of the same bytes.
    @Test func everyFormatPairOnTheSamplesAnswersWhatThePipelineMakes() async throws {
        var samples: [(format: String, url: URL)] = []
        for format in BuiltinFormats.modules where format.importer != nil {
            for url in Fixtures.files(in: Fixtures.samples.appendingPathComponent(format.name), extensions: Set(format.fileExtensions)) {
                samples.append((format.name, url))
            }
        }
        let targets = BuiltinFormats.modules.filter { $0.exporter != nil }
        #expect(samples.count >= 20 && targets.count >= 5)
        try await Self.withServer { [samples] base in
            for (_, url) in samples {
                let data = try Data(contentsOf: url)
                for target in targets {
                    let name = url.lastPathComponent
                    let answer = try await Self.send("\(base)/v1/convert?to=\(target.name)&name=\(name)", body: data)
                    let expected = try Pipeline(ConversionSettings(to: target.name, now: Date(timeIntervalSince1970: 1_700_000_000)))
                        .convert(SourceDocument(data: data, path: name, name: name))
                    if expected.failed {
                        #expect(answer.status == 422 || answer.status == 415, "\(name) -> \(target.name): \(answer.text)")
                        #expect(answer.headers["content-type"] == "application/problem+json")
                    } else if expected.outputs.count == 1 {
                        #expect(answer.status == 200, "\(name) -> \(target.name): \(answer.text)")
                        #expect(answer.body == expected.outputs[0].data, "\(name) -> \(target.name)")
                        #expect(answer.headers["content-type"] == target.mediaTypes.first)
                        #expect(answer.headers["newsconv-diagnostics"] == "\(expected.diagnostics.count)")
                    } else {
                        let outputs = try #require(answer.json?["outputs"] as? [[String: Any]], "\(name) -> \(target.name)")
                        #expect(outputs.map { $0["name"] as? String } == expected.outputs.map(\.name))
                        #expect(outputs.map { ($0["data"] as? String).map { Data($0.utf8) } } == expected.outputs.map(\.data))
                    }
                }
            }
        }
    }

    /// Each error status, as problem details with its diagnostic code.
    @Test func errorsAreProblemDetailsWithTheirCodes() async throws {
        let dispatch = try Self.sample("wire/efe-english-lima-port.txt")
        try await Self.withServer(Self.configuration { $0.maximumBodyBytes = 4096 }) { base in
            let cases: [(String, Data, Int, String)] = [
                ("to=nosuch", dispatch, 400, "serve.parameter"),
                ("to=nitf&option=nosuch", dispatch, 400, "serve.parameter"),
                ("to=nitf&option=nosuch.key=1", dispatch, 400, "serve.parameter"),
                ("to=nitf&filter=/bin/cat", dispatch, 400, "serve.parameter"),
                ("to=nitf&strict=maybe", dispatch, 400, "serve.parameter"),
                ("to=nitf", Data(repeating: 0x41, count: 5000), 413, "serve.too-large"),
                ("to=nitf", Data([0x00, 0x01, 0x02, 0xFF, 0x10, 0x00]), 415, "input.format.unknown"),
                ("to=nitf", Data(), 400, "input.empty"),
                ("to=nitf&name=broken.xml", Data("<nitf><body>\n<p>".utf8), 422, "xml.parse.77"),
            ]
            for (query, body, status, code) in cases {
                let answer = try await Self.send("\(base)/v1/convert?\(query)", body: body)
                #expect(answer.status == status, "\(query): \(answer.text)")
                #expect(answer.headers["content-type"] == "application/problem+json", "\(query)")
                let problem = answer.json
                #expect(problem?["code"] as? String == code, "\(query): \(answer.text)")
                #expect(problem?["status"] as? Int == status && (problem?["title"] as? String)?.isEmpty == false)
            }
            // A document that cannot be converted carries its located errors.
            let broken = try await Self.send("\(base)/v1/convert?to=nitf&name=broken.xml", body: Data("<nitf><body>\n<p>".utf8))
            let error = (broken.json?["diagnostics"] as? [[String: Any]])?.last
            #expect(error?["path"] as? String == "broken.xml" && error?["line"] as? Int == 2, "\(broken.text)")
        }
    }

    /// The envelope on request, several articles as an envelope or a zip, Content-Type as a hint.
    @Test func envelopesZipsAndHints() async throws {
        let message = try Self.sample("newsml-g2/two-items-newsmessage.xml")
        try await Self.withServer { base in
            let envelope = try await Self.send("\(base)/v1/convert?to=nitf&name=message.xml", body: message)
            #expect(envelope.status == 200 && envelope.headers["content-type"] == "application/json")
            let outputs = envelope.json?["outputs"] as? [[String: Any]]
            #expect(outputs?.map { $0["name"] as? String } == ["message-1.nitf", "message-2.nitf"])
            #expect(outputs?.allSatisfy { $0["mediaType"] as? String == "application/nitf+xml" } == true)

            let zipped = try await Self.send(
                "\(base)/v1/convert?to=nitf&name=message.xml", body: message, headers: [("Accept", "application/zip")])
            #expect(zipped.status == 200 && zipped.headers["content-type"] == "application/zip")
            let archive = try Archive(data: zipped.body, accessMode: .read)
            #expect(archive.map(\.path).sorted() == ["message-1.nitf", "message-2.nitf"])

            let dispatch = try Self.sample("wire/efe-english-lima-port.txt")
            let withDiagnostics = try await Self.send("\(base)/v1/convert?to=newsml-g2&diagnostics=body", body: dispatch)
            #expect((withDiagnostics.json?["outputs"] as? [Any])?.count == 1)
            #expect(withDiagnostics.json?["diagnostics"] is [Any])
            let accepted = try await Self.send(
                "\(base)/v1/convert?to=newsml-g2", body: dispatch, headers: [("Accept", "text/html, application/json;q=0.9")])
            #expect(accepted.headers["content-type"] == "application/json" && accepted.json?["outputs"] != nil)

            // A NITF document whose content alone would be detected anyway, named by its media type; a
            // ninjs document sent as NITF is read as NITF, and fails as such.
            let nitf = try Self.sample("nitf/efe-style-initials-byline.xml")
            let hinted = try await Self.send("\(base)/v1/convert?to=json", body: nitf, headers: [("Content-Type", "application/nitf+xml")])
            #expect(hinted.status == 200)
            let ninjs = try Self.sample("ninjs/harbour-storm-3.json")
            let misnamed = try await Self.send(
                "\(base)/v1/convert?to=json", body: ninjs, headers: [("Content-Type", "application/nitf+xml")])
            #expect(misnamed.status == 422, "\(misnamed.text)")
            let generic = try await Self.send("\(base)/v1/convert?to=json", body: ninjs, headers: [("Content-Type", "application/json")])
            #expect(generic.status == 200, "\(generic.text)")

            // Options reach the exporter (percent-encoded or not).
            let profile = try await Self.send("\(base)/v1/convert?to=ninjs&option=ninjs.profile%3D1", body: dispatch)
            let expected = try Pipeline(
                ConversionSettings(to: "ninjs", now: Date(timeIntervalSince1970: 1_700_000_000), formatOptions: ["ninjs.profile": "1"])
            ).convert(SourceDocument(data: dispatch, path: "document", name: "document"))
            #expect(profile.body == expected.outputs.first?.data)
        }
    }

    @Test func formatsHealthAndMetrics() async throws {
        try await Self.withServer { base in
            let formats = try await Self.send("\(base)/v1/formats", method: .GET)
            #expect(formats.body == FormatListing(registry: BuiltinFormats.registry).json())
            let health = try await Self.send("\(base)/healthz", method: .GET)
            #expect(health.status == 200 && health.json?["status"] as? String == "ok")
            _ = try await Self.send("\(base)/v1/convert?to=nitf", body: try Self.sample("wire/efe-english-lima-port.txt"))
            _ = try await Self.send("\(base)/v1/convert?to=nitf", body: Data([0, 1, 2]))
            let metrics = try await Self.send("\(base)/metrics", method: .GET)
            #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"newsconv_requests_total{endpoint="convert",status="200"} 1"#), "\(metrics.text)")
            #expect(metrics.text.contains(#"newsconv_requests_total{endpoint="convert",status="415"} 1"#))
            #expect(metrics.text.contains(#"newsconv_failures_total{code="input.format.unknown"} 1"#))
            // Both conversions ran, the one that failed too.
            #expect(metrics.text.contains("newsconv_conversion_seconds_count 2"), "\(metrics.text)")
        }
    }

    /// Many requests at once, every answer right.
    @Test func concurrentRequestsAreAllAnsweredRight() async throws {
        let dispatch = try Self.sample("wire/efe-english-lima-port.txt")
        let expected = try Pipeline(ConversionSettings(to: "newsml-g2", now: Date(timeIntervalSince1970: 1_700_000_000)))
            .convert(SourceDocument(data: dispatch, path: "document", name: "document")).outputs[0].data
        try await Self.withServer { base in
            try await withThrowingTaskGroup(of: Answer.self) { group in
                for _ in 0..<64 { group.addTask { try await Self.send("\(base)/v1/convert?to=newsml-g2", body: dispatch) } }
                var count = 0
                for try await answer in group {
                    #expect(answer.status == 200 && answer.body == expected)
                    count += 1
                }
                #expect(count == 64)
            }
        }
    }

    /// A filter that waits for the test makes a slow conversion: past the timeout the request is
    /// answered 504; with every slot taken, 503 with Retry-After; once it ends, its slot is free.
    @Test func slowConversionsTimeOutAndASaturatedServerSays503() async throws {
        let (folder, slow) = try Fixtures.script("slow-filter", "while [ ! -e \"$0.go\" ]; do sleep 0.05; done\nexec cat")
        defer { try? FileManager.default.removeItem(at: folder) }
        let go = URL(fileURLWithPath: slow.path + ".go")
        let dispatch = try Self.sample("wire/efe-english-lima-port.txt")
        let configuration = Self.configuration {
            $0.filters = [slow.path]
            $0.maximumInFlight = 1
            $0.conversionTimeout = .milliseconds(300)
        }
        try await Self.withServer(configuration) { base in
            let url = "\(base)/v1/convert?to=nitf&filter=\(slow.path)"
            let timedOut = try await Self.send(url, body: dispatch)
            #expect(timedOut.status == 504 && timedOut.json?["code"] as? String == "serve.timeout", "\(timedOut.text)")
            // The timed-out conversion still holds the one slot: its filter waits for the go.
            let saturated = try await Self.send("\(base)/v1/convert?to=nitf", body: dispatch)
            #expect(saturated.status == 503 && saturated.headers["retry-after"] == "1", "\(saturated.text)")
            try Data().write(to: go)
            var later = 0
            for _ in 0..<200 where later != 200 {
                try await Task.sleep(for: .milliseconds(50))
                later = try await Self.send("\(base)/v1/convert?to=nitf", body: dispatch).status
            }
            #expect(later == 200)
        }
    }

    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func validateAnswersTheLocatedSchemaErrors() async throws {
        let standards = try #require(Fixtures.shared).appendingPathComponent("standards")
        try await Self.withServer(Self.configuration { $0.schemas = standards.path }) { base in
            let valid = try await Self.send("\(base)/v1/validate", body: try Self.sample("newsml-g2/economy-newsitem.xml"))
            #expect(valid.status == 200 && valid.json?["valid"] as? Bool == true, "\(valid.text)")
            let item = String(decoding: try Self.sample("newsml-g2/economy-newsitem.xml"), as: UTF8.self)
            let broken = Data(item.replacingOccurrences(of: "<itemMeta>", with: "<itemMeta><bogus/>").utf8)
            let invalid = try await Self.send("\(base)/v1/validate?format=newsml-g2&name=item.xml", body: broken)
            #expect(invalid.status == 200 && invalid.json?["valid"] as? Bool == false, "\(invalid.text)")
            let first = (invalid.json?["diagnostics"] as? [[String: Any]])?.first
            #expect(first?["path"] as? String == "item.xml" && (first?["line"] as? Int ?? 0) > 1, "\(invalid.text)")
            let noSchema = try await Self.send("\(base)/v1/validate?format=markdown", body: Data("# A".utf8))
            #expect(noSchema.status == 400)
        }
        try await Self.withServer { base in
            let unconfigured = try await Self.send("\(base)/v1/validate", body: Data("x".utf8))
            #expect(unconfigured.status == 501 && unconfigured.json?["code"] as? String == "serve.validate.no-schemas")
        }
    }

    /// `docs/openapi.yaml` is a valid OpenAPI 3.1 document (openapi-spec-validator, which
    /// `.ci/run` installs), and every path it names is served with the methods it names.
    @Test func theOpenAPIDocumentIsValidAndMatchesTheRoutes() async throws {
        let document = Fixtures.packageRoot.appendingPathComponent("docs/openapi.yaml")
        let check = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "openapi_spec_validator", document.path])
        #expect(check.status == 0, "\(check.stdoutText)\(check.stderr)")
        let listing = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); [print(m.upper(), p) for p, o in d['paths'].items() for m in o]",
                document.path,
            ])
        let routes = listing.stdoutText.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(routes.count == 5, "\(listing.stdoutText)\(listing.stderr)")
        try await Self.withServer { base in
            for route in routes {
                let answer = try await Self.send(base + route[1], method: route[0] == "GET" ? .GET : .POST, body: Data("x".utf8))
                #expect(answer.status != 404 && answer.status != 405, "\(route)")
            }
        }
    }
}
