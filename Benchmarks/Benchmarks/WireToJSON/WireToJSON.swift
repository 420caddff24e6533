import Benchmark
import Foundation
import NewsConvKit
import NewsCore

/// wire -> json over 10,000 dispatches made from samples/wire (each sample repeated with a
/// numbered variation so that no two are identical), in memory, on one core.
///
/// The reference in the same run is the floor any text converter pays: decoding the same bytes
/// as UTF-8 and splitting them into lines. docs/benchmarks.md records the ratio.
let dispatches: [Data] = {
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/wire")
    let files = (try? FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)) ?? []
    let texts = files.filter { ["txt", "iptc"].contains($0.pathExtension) }.sorted { $0.path < $1.path }.compactMap {
        try? Data(contentsOf: $0)
    }
    precondition(!texts.isEmpty, "no samples found at \(samples.path)")
    return (0..<10_000).map { index in
        var data = texts[index % texts.count]
        data.append(contentsOf: Array("\nFurther paragraph number \(index) of this generated dispatch.\n".utf8))
        return data
    }
}()

let totalBytes = dispatches.reduce(0) { $0 + $1.count }

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(20), maxIterations: 10)

    Benchmark("wire->json 10k dispatches", configuration: configuration) { benchmark in
        let converter = Converter()
        let wire = BuiltinFormats.registry.module(named: "wire")!
        let json = BuiltinFormats.registry.module(named: "json")!
        let options = ConversionOptions()
        for (index, data) in dispatches.enumerated() {
            let imported = try converter.importDocument(data, path: "dispatch-\(index).txt", format: wire, options: options)
            blackHole(try converter.export(imported.articles, format: json, options: options).data)
        }
    }

    Benchmark("reference: UTF-8 decode + line split, same 10k", configuration: configuration) { benchmark in
        for data in dispatches {
            let text = String(decoding: data, as: UTF8.self)
            blackHole(text.split(separator: "\n", omittingEmptySubsequences: false).count)
        }
    }

    Benchmark("info: \(dispatches.count) dispatches, \(totalBytes) bytes", configuration: .init(metrics: [.wallClock], maxIterations: 1)) {
        _ in
    }
}
