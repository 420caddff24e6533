import Benchmark
import BenchmarkCorpus
import Foundation
import NewsConvKit
import NewsCore

/// `newsconv stream` against `newsconv batch` (issue 18, docs/scale.md): the same 2,000
/// NewsML-G2 item files built from ../shared/corpus, converted to NITF by a one-job batch (the
/// reference, outputs on tmpfs) and as JSON Lines records (each file base64-encoded, as the
/// Spark job sends it) by a stream with one and two jobs, in this process; the answers are
/// counted and dropped.
let source = BenchmarkCorpus.folder("newsconv-bench-stream-2000", count: 2_000)
let scratch = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
let output = scratch.appendingPathComponent("newsconv-bench-stream-out")
/// The stream's input: one record a file, made once before the measurements.
let records: Data = {
    var lines = Data()
    for url in BenchmarkCorpus.files(in: source).files {
        let name = String(url.path.dropFirst(source.path.count + 1))
        let record: [String: String] = ["id": name, "name": name, "data_base64": try! Data(contentsOf: url).base64EncodedString()]
        lines += try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
        lines.append(0x0A)
    }
    return lines
}()

func batch(_ benchmark: Benchmark) throws {
    benchmark.stopMeasurement()
    try? FileManager.default.removeItem(at: output)
    Thread.sleep(forTimeInterval: 0.5)
    benchmark.startMeasurement()
    let outcome = try BatchRunner(request: BatchRequest(sources: [source.path], to: "nitf", output: output.path, jobs: 1)).run()
    blackHole(outcome)
}

func stream(jobs: Int) throws {
    var offset = 0
    let chunk = 1 << 16
    var answered = 0
    let runner = StreamRunner(request: StreamRequest(settings: ConversionSettings(to: "nitf"), jobs: jobs))
    let outcome = try runner.run(
        input: {
            let end = min(records.count, offset + chunk)
            defer { offset = end }
            return records.subdata(in: offset..<end)
        },
        write: { answered += $0.count })
    precondition(outcome.records == 2_000, "every record is answered")
    blackHole(answered)
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 5)
    Benchmark("a. reference: batch g2->nitf 2000 files, --jobs 1", configuration: configuration) { benchmark in try batch(benchmark) }
    Benchmark("b. stream g2->nitf 2000 records, --jobs 1", configuration: configuration) { _ in try stream(jobs: 1) }
    Benchmark("c. stream g2->nitf 2000 records, --jobs 2", configuration: configuration) { _ in try stream(jobs: 2) }
}
