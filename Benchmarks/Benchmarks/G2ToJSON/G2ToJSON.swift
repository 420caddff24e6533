import Benchmark
import BenchmarkCorpus
import Foundation
import NewsConvKit
import NewsCore

/// NewsML-G2 -> json over 2,100 item files built from ../shared/corpus (every newsItem,
/// packageItem and newsMessage that imports, repeated with a numbered guid), read from disk,
/// parsed, mapped and written in memory on one core. Reference in the same run: `xmllint --noout`
/// over the same files (one process, parse only).
let directory = BenchmarkCorpus.folder("newsconv-bench-g2", count: 2_100)
let (files, totalBytes) = BenchmarkCorpus.files(in: directory)

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 10)

    Benchmark("newsml-g2->json \(files.count) files", configuration: configuration) { _ in
        let converter = Converter()
        let g2 = converter.registry.module(named: "newsml-g2")!
        let json = converter.registry.module(named: "json")!
        let options = ConversionOptions()
        for file in files {
            // Read as `newsconv convert` reads its inputs.
            guard let data = FileManager.default.contents(atPath: file.path) else { throw CocoaError(.fileReadUnknown) }
            let imported = try converter.importDocument(data, path: file.path, format: g2, options: options)
            blackHole(try converter.export(imported.articles, format: json, options: options).data)
        }
    }

    Benchmark("reference: xmllint --noout, same \(files.count) files", configuration: configuration) { _ in
        try BenchmarkCorpus.xmllint(files)
    }

    Benchmark("info: \(files.count) files, \(totalBytes) bytes", configuration: .init(metrics: [.wallClock], maxIterations: 1)) { _ in }
}
