import Benchmark
import Foundation
import NewsConvKit
import NewsCore

/// NewsML-G2 -> json over 2,100 item files built from ../shared/corpus (every newsItem,
/// packageItem and newsMessage that imports, repeated with a numbered guid), read from disk,
/// parsed, mapped and written in memory on one core. Reference in the same run: `xmllint --noout`
/// over the same files (one process, parse only).
let corpusFiles: [URL] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
    var files: [URL] = []
    for folder in ["iptc/newsml-g2/examples", "iptc/newsml-g2/unit-tests", "superdesk/newsml-g2"] {
        let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "xml", !url.path.contains("should_fail") { files.append(url) }
        }
    }
    precondition(!files.isEmpty, "the corpus is needed at \(root.path)")
    return files.sorted { $0.path < $1.path }
}()

let directory: URL = {
    let converter = Converter()
    let g2 = converter.registry.module(named: "newsml-g2")!
    let sources = corpusFiles.compactMap { url -> Data? in
        guard let data = try? Data(contentsOf: url),
            (try? converter.importDocument(data, path: url.path, format: g2, options: ConversionOptions())) != nil
        else { return nil }
        return data
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-bench-g2")
    try? FileManager.default.removeItem(at: directory)
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for index in 0..<2_100 {
        var text = String(decoding: sources[index % sources.count], as: UTF8.self)
        if let range = text.range(of: "guid=\"") { text.insert(contentsOf: "bench\(index)-", at: range.upperBound) }
        try! Data(text.utf8).write(to: directory.appendingPathComponent(String(format: "item-%05d.xml", index)))
    }
    return directory
}()

let files = (try! FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)).sorted { $0.path < $1.path }
let totalBytes = files.reduce(0) { $0 + ((try? Data(contentsOf: $1).count) ?? 0) }

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 10)

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet"] + files.map(\.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    Benchmark("info: \(files.count) files, \(totalBytes) bytes", configuration: .init(metrics: [.wallClock], maxIterations: 1)) { _ in }
}
