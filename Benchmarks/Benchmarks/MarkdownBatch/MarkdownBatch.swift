import Benchmark
import BenchmarkCorpus
import Foundation
import NewsConvKit
import NewsCore

/// Markdown at the speed of the other formats (issue 16): `newsconv batch` over 2,000 NewsML-G2
/// item files built from ../shared/corpus, to Markdown and, in the same run, to NITF (the
/// reference); then the Markdown outputs back to newsconv JSON. One job, in this process,
/// outputs on tmpfs. When pandoc is installed, it converts the same 2,000 items' bodies from HTML
/// to CommonMark in one process (`apt-get install pandoc`; the second reference), and
/// newsconv converts the same bodies, each a ninjs document of that body alone, to Markdown.
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

/// The same items' bodies as HTML (ninjs 3.1's HTML `bodies`; a third of the items have a text
/// body, the others are pictures and packages): `file`, one after another in one file, is what
/// pandoc reads in one process; `folder` holds each as the least ninjs 3.1 document newsconv
/// reads (a URI, the standard and that one body), what newsconv converts of the same bodies.
let bodies: (file: URL, folder: URL) = {
    let folder = scratch.appendingPathComponent("newsconv-bench-markdown-ninjs")
    try? FileManager.default.removeItem(at: folder)
    let outcome = try! BatchRunner(request: BatchRequest(sources: [source.path], to: "ninjs", output: folder.path, jobs: 2)).run()
    precondition(outcome.failed == 0, "every item converts to ninjs")
    let each = scratch.appendingPathComponent("newsconv-bench-markdown-bodies")
    try? FileManager.default.removeItem(at: each)
    try! FileManager.default.createDirectory(at: each, withIntermediateDirectories: true)
    var html = "<html><body>\n"
    var count = 0
    for file in BenchmarkCorpus.files(in: folder).files {
        let object = try! JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        for body in object?["bodies"] as? [[String: Any]] ?? [] where (body["contentType"] as? String)?.contains("html") == true {
            html += (body["value"] as? String ?? "") + "\n"
            let document: [String: Any] = [
                "uri": "urn:newsconv:bench:body:\(count)",
                "standard": ["name": "ninjs", "version": "3.1", "schema": "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"],
                "bodies": [["role": "main", "contentType": "text/html", "value": body["value"] as? String ?? ""]],
            ]
            try! JSONSerialization.data(withJSONObject: document).write(to: each.appendingPathComponent("body-\(count).json"))
            count += 1
        }
    }
    html += "</body></html>\n"
    precondition(html.utf8.count > 100_000, "the items' bodies are there")
    let file = scratch.appendingPathComponent("newsconv-bench-markdown-bodies.html")
    try! Data(html.utf8).write(to: file)
    return (file, each)
}()

let pandoc = ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].first { FileManager.default.isExecutableFile(atPath: $0) }

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
    if let pandoc {
        Benchmark("d. reference: pandoc html->commonmark, the same 2000 bodies", configuration: configuration) { benchmark in
            benchmark.stopMeasurement()
            _ = bodies
            benchmark.startMeasurement()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pandoc)
            process.arguments = ["-f", "html", "-t", "commonmark", "-o", "/dev/null", bodies.file.path]
            try process.run()
            process.waitUntilExit()
            precondition(process.terminationStatus == 0, "pandoc converts the bodies")
        }
        Benchmark("e. batch ninjs->markdown, the same bodies, one document each", configuration: configuration) { benchmark in
            _ = bodies  // made before `batch` starts the measurement
            try batch(benchmark, bodies.folder, to: "markdown")
        }
    }
}
