import Benchmark
import BenchmarkCorpus
import Foundation
import NewsConvKit
import NewsCore

/// Markdown at the speed of the other formats (issue 16): `newsconv batch` over 2,000 NewsML-G2
/// item files built from ../shared/corpus, to Markdown and, in the same run, to NITF (the
/// reference); then the Markdown outputs back to newsconv JSON. One job, in this process,
/// outputs on tmpfs.
func convertsToOneArticle(_ imported: ImportResult) -> Bool { imported.articles.count == 1 }

let source = BenchmarkCorpus.folder("newsconv-bench-markdown-2000", count: 2_000, accept: convertsToOneArticle)
let scratch = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
let output = scratch.appendingPathComponent("newsconv-bench-markdown-out")
/// The Markdown of the same 2,000 items, made once before the measurements.
let markdown: URL = {
    let folder = scratch.appendingPathComponent("newsconv-bench-markdown-in")
    try? FileManager.default.removeItem(at: folder)
    let outcome = try! BatchRunner(request: BatchRequest(sources: [source.path], to: "markdown", output: folder.path, jobs: 2)).run()
    precondition(outcome.failed == 0, "every item converts to Markdown")
    return folder
}()

func batch(_ benchmark: Benchmark, _ input: URL, to format: String) throws {
    benchmark.stopMeasurement()
    try? FileManager.default.removeItem(at: output)
    Thread.sleep(forTimeInterval: 0.5)
    benchmark.startMeasurement()
    let outcome = try BatchRunner(request: BatchRequest(sources: [input.path], to: format, output: output.path, jobs: 1)).run()
    precondition(outcome.failed == 0, "every file converts")
    blackHole(outcome)
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 5)
    Benchmark("a. reference: batch g2->nitf 2000 files", configuration: configuration) { benchmark in
        try batch(benchmark, source, to: "nitf")
    }
    Benchmark("b. batch g2->markdown 2000 files", configuration: configuration) { benchmark in try batch(benchmark, source, to: "markdown")
    }
    Benchmark("c. batch markdown->json, the same 2000 articles", configuration: configuration) { benchmark in
        try batch(benchmark, markdown, to: "json")
    }
}
