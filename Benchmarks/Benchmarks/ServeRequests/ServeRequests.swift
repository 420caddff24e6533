import AsyncHTTPClient
import Benchmark
import Foundation
import NIOCore

/// `newsconv serve` against a `newsconv convert` process per document (issue 17,
/// docs/benchmarks.md): the release binary of the main package runs as a server on a free port
/// of the loopback, and this process drives it with AsyncHTTPClient. Each measured iteration
/// sends 2,000 requests with 1, 16 or 64 in flight and records the requests per second and the
/// p50 and p99 latency of a request; the last benchmark sends 100,000 requests and records the
/// server's peak resident memory (it must stay flat).
let binary =
    ProcessInfo.processInfo.environment["NEWSCONV_BINARY"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/release/newsconv").path
let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples")
let dispatchFile = samples.appendingPathComponent("wire/efe-english-lima-port.txt")
let dispatch = try! Data(contentsOf: dispatchFile)
let item = try! Data(contentsOf: samples.appendingPathComponent("newsml-g2/economy-newsitem.xml"))

/// The server process, started once; its base URL and process id.
let server: (base: String, pid: Int32) = {
    precondition(FileManager.default.isExecutableFile(atPath: binary), "build the release newsconv first (swift build -c release)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["serve", "--port", "0", "--max-in-flight", "128"]
    let out = Pipe()
    process.standardOutput = out
    try! process.run()
    var seen = Data()
    while !seen.contains(0x0A) { seen += out.fileHandleForReading.availableData }
    let line = String(decoding: seen, as: UTF8.self)
    let base = String(line[line.range(of: "listening on ")!.upperBound...].prefix { !$0.isNewline })
    atexit { kill(server.pid, SIGTERM) }
    return (base, process.processIdentifier)
}()

let client: HTTPClient = {
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
}()

func send(_ path: String, _ body: Data) async throws -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    var request = HTTPClientRequest(url: server.base + path)
    request.method = .POST
    request.body = .bytes(ByteBuffer(bytes: body))
    let response = try await client.execute(request, timeout: .seconds(30))
    let collected = try await response.body.collect(upTo: 16 << 20)
    precondition(response.status == .ok, "the server answered \(response.status)")
    blackHole(collected)
    return clock.now - start
}

/// Sends `count` requests with `concurrency` in flight; the latencies, in order of completion.
func load(_ path: String, _ body: Data, count: Int, concurrency: Int) async throws -> [Duration] {
    try await withThrowingTaskGroup(of: [Duration].self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                var latencies: [Duration] = []
                for _ in stride(from: worker, to: count, by: concurrency) { latencies.append(try await send(path, body)) }
                return latencies
            }
        }
        var all: [Duration] = []
        for try await part in group { all += part }
        return all
    }
}

let requestsPerSecond = BenchmarkMetric.custom("requests per second", polarity: .prefersLarger, useScalingFactor: false)
let p50 = BenchmarkMetric.custom("p50 latency (us)", polarity: .prefersSmaller, useScalingFactor: false)
let p99 = BenchmarkMetric.custom("p99 latency (us)", polarity: .prefersSmaller, useScalingFactor: false)
let serverPeakMemory = BenchmarkMetric.custom("server peak RSS (MB)", polarity: .prefersSmaller, useScalingFactor: false)

func measure(_ benchmark: Benchmark, _ path: String, _ body: Data, count: Int, concurrency: Int) async throws {
    let start = ContinuousClock.now
    let latencies = try await load(path, body, count: count, concurrency: concurrency).sorted()
    let seconds = (ContinuousClock.now - start) / .seconds(1)
    func micros(_ duration: Duration) -> Int { Int(duration / .microseconds(1)) }
    benchmark.measurement(requestsPerSecond, Int(Double(count) / seconds))
    benchmark.measurement(p50, micros(latencies[latencies.count / 2]))
    benchmark.measurement(p99, micros(latencies[latencies.count * 99 / 100]))
}

/// The server's peak resident memory (VmHWM), in MB.
func serverPeakRSS() -> Int {
    let status = (try? String(contentsOfFile: "/proc/\(server.pid)/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, requestsPerSecond, p50, p99], maxDuration: .seconds(30), maxIterations: 3)
    Benchmark(
        "a. reference: newsconv convert process, wire->g2, one dispatch", configuration: .init(metrics: [.wallClock], maxIterations: 50)
    ) { _ in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["convert", dispatchFile.path, "-t", "newsml-g2", "-o", "/dev/null"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
    for concurrency in [1, 16, 64] {
        Benchmark("b. serve wire->g2, 2000 requests, \(concurrency) in flight", configuration: configuration) { benchmark in
            try await measure(benchmark, "/v1/convert?to=newsml-g2", dispatch, count: 2_000, concurrency: concurrency)
        }
        Benchmark("c. serve g2->nitf, 2000 requests, \(concurrency) in flight", configuration: configuration) { benchmark in
            try await measure(benchmark, "/v1/convert?to=nitf", item, count: 2_000, concurrency: concurrency)
        }
    }
    Benchmark(
        "d. serve wire->g2, 100000 requests, 16 in flight: server memory",
        configuration: .init(metrics: [.wallClock, requestsPerSecond, serverPeakMemory], maxIterations: 1)
    ) { benchmark in
        try await measure(benchmark, "/v1/convert?to=newsml-g2", dispatch, count: 100_000, concurrency: 16)
        benchmark.measurement(serverPeakMemory, serverPeakRSS())
    }
}
