import Benchmark
import BenchmarkCorpus
import Foundation
import NewsConvKit
import NewsCore

/// `newsconv batch` NewsML-G2 -> NITF over 20,000 item files built from ../shared/corpus (every
/// newsItem, packageItem and newsMessage that imports, repeated with a numbered guid), with one
/// and two jobs, through the batch engine in this process (so peak memory is the batch's). In the
/// same run: `xmllint --noout` over the same files (the parse-only floor), the same batches run
/// as a `newsconv batch` process (as xmllint runs), the same batch over 2,000 files (memory must
/// not grow with the batch), and 2,000 files converted by one `newsconv convert` process each
/// (the cost the batch command saves), and, when python3 has lxml, a lean lxml conversion of the
/// same files to small NITF documents (`Benchmarks/Scripts/lxml_extract.py`).
/// Single-article documents that convert to NITF.
func convertsToNITF(_ imported: ImportResult) -> Bool {
    let converter = Converter()
    return imported.articles.count == 1
        && (try? converter.export(imported.articles, format: converter.registry.module(named: "nitf")!, options: ConversionOptions()))
            != nil
}

let large = BenchmarkCorpus.folder("newsconv-bench-batch-20000", count: 20_000, accept: convertsToNITF)
let small = BenchmarkCorpus.folder("newsconv-bench-batch-2000", count: 2_000, accept: convertsToNITF)
let (largeFiles, largeBytes) = BenchmarkCorpus.files(in: large)
/// Outputs go to memory (tmpfs) when the machine has it: on this machine's ext4 disk, creating
/// 20,000 files costs more system time than converting them, and the disk's journal serialises
/// parallel jobs; the benchmark measures newsconv.
let output =
    (FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory)
    .appendingPathComponent("newsconv-bench-batch-out")

/// Removes the previous iteration's outputs, then waits a second: the kernel frees 20,000
/// removed files' inodes in the background, and that work would otherwise land in the next
/// measurement (about 10% of a one-job batch on this machine).
func clearOutput() {
    try? FileManager.default.removeItem(at: output)
    Thread.sleep(forTimeInterval: 1)
}

func batch(_ benchmark: Benchmark, _ source: URL, jobs: Int) throws {
    // Clearing the previous iteration's 20,000 outputs is not part of the measurement.
    benchmark.stopMeasurement()
    clearOutput()
    benchmark.startMeasurement()
    let outcome = try BatchRunner(request: BatchRequest(sources: [source.path], to: "nitf", output: output.path, jobs: jobs)).run()
    precondition(outcome.failed == 0, "every file converts")
    blackHole(outcome)
}

/// The release `newsconv` of the main package (`swift build -c release` there), or NEWSCONV_BINARY.
let binary =
    ProcessInfo.processInfo.environment["NEWSCONV_BINARY"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/release/newsconv").path

func requireBinary() {
    precondition(
        FileManager.default.isExecutableFile(atPath: binary),
        "build the release newsconv first (swift build -c release) or set NEWSCONV_BINARY")
}

/// `newsconv batch` run as its own process, as xmllint is: the figure without the benchmark
/// process's malloc interposer, which counts every allocation (the in-process runs pay for it).
func batchProcess(_ benchmark: Benchmark, _ source: URL, jobs: Int) throws {
    requireBinary()
    benchmark.stopMeasurement()
    clearOutput()
    benchmark.startMeasurement()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["batch", source.path, "-t", "nitf", "-o", output.path, "--jobs", String(jobs), "--quiet"]
    try process.run()
    process.waitUntilExit()
    precondition(process.terminationStatus == 0, "every file converts")
}

let benchmarks: @Sendable () -> Void = {
    let memory = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 3)

    // Smaller first: peak memory can only grow within a process, so a flat figure at 20,000 is real.
    Benchmark("a. batch g2->nitf 2000 files, --jobs 1", configuration: memory) { benchmark in try batch(benchmark, small, jobs: 1) }
    Benchmark("b. batch g2->nitf 20000 files, --jobs 1", configuration: memory) { benchmark in try batch(benchmark, large, jobs: 1) }
    Benchmark("c. batch g2->nitf 20000 files, --jobs 2", configuration: memory) { benchmark in try batch(benchmark, large, jobs: 2) }
    Benchmark("d. reference: xmllint --noout, same 20000 files", configuration: memory) { _ in try BenchmarkCorpus.xmllint(largeFiles) }
    if BenchmarkCorpus.lxmlScript != nil {
        Benchmark("f. reference: lean lxml conversion (Python), same 20000 files", configuration: memory) { benchmark in
            benchmark.stopMeasurement()
            clearOutput()
            benchmark.startMeasurement()
            try BenchmarkCorpus.lxml(largeFiles, output: output)
        }
    }
    let process = Benchmark.Configuration(metrics: [.wallClock], maxDuration: .seconds(60), maxIterations: 5)
    Benchmark("b2. newsconv batch process, 20000 files, --jobs 1", configuration: process) { benchmark in
        try batchProcess(benchmark, large, jobs: 1)
    }
    Benchmark("c2. newsconv batch process, 20000 files, --jobs 2", configuration: process) { benchmark in
        try batchProcess(benchmark, large, jobs: 2)
    }
    Benchmark(
        "e. one newsconv convert process per file, 2000 files",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(300), maxIterations: 1)
    ) { benchmark in
        requireBinary()
        benchmark.stopMeasurement()
        try? FileManager.default.removeItem(at: output)
        benchmark.startMeasurement()
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(at: small, includingPropertiesForKeys: nil) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = [
                "convert", file.path, "-t", "nitf", "-o",
                output.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".nitf").path,
            ]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
    }
    Benchmark("info: \(largeFiles.count) files, \(largeBytes) bytes", configuration: .init(metrics: [.wallClock], maxIterations: 1)) { _ in
    }
}
