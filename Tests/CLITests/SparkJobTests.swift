import Foundation
import TestSupport
import Testing

/// The Spark job (`samples/spark/convert_archive.py`) on `local[2]` over the NewsML-G2 files of
/// the shared corpus: its outputs are byte-identical to `newsconv batch` over the same folder,
/// and so are those of three `batch --shard K/3` runs. About 25 s (two Spark runs, start-up most of it);
/// needs Python's pyspark and a Java runtime, which `.ci/run` installs.
@Suite(
    .enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)),
    .enabled(if: PySpark.available || Fixtures.isCI, "pyspark is not installed (pip install pyspark; .ci/run does)"))
struct SparkJobTests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }

    /// The corpus's NewsML-G2 documents, copied with their relative paths (names with spaces among them).
    func g2Folder(under base: URL) throws -> (URL, Int) {
        let corpus = try #require(Fixtures.shared).appendingPathComponent("corpus")
        let folder = base.appendingPathComponent("archive")
        var count = 0
        let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: [.isRegularFileKey])
        let corpusPath = corpus.resolvingSymlinksInPath().path + "/"
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "xml", let data = try? Data(contentsOf: url),
                String(decoding: data.prefix(4096), as: UTF8.self).contains("http://iptc.org/std/nar/2006-10-01/")
            else { continue }
            let relative = String(url.resolvingSymlinksInPath().path.dropFirst(corpusPath.count))
            let target = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
            count += 1
        }
        return (folder, count)
    }

    @Test func theSparkJobWritesWhatBatchWritesAndSoDoThreeShards() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-spark-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let (archive, count) = try g2Folder(under: base)
        #expect(count > 100)
        let environment = ["SOURCE_DATE_EPOCH": "1700000000", "PYSPARK_PYTHON": "python3"]
        let spark = base.appendingPathComponent("spark")
        let report = base.appendingPathComponent("spark.jsonl")
        let job = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "samples/spark/convert_archive.py", archive.path, spark.path, "--to", "nitf", "--newsconv", newsconv.path,
                "--report", report.path, "--master", "local[2]",
            ], environment: environment, currentDirectory: Fixtures.packageRoot)
        // Exit 3: some corpus documents are not news items (catalogs, concept items) and fail, as in batch.
        #expect(job.status == 0 || job.status == 3, "\(job.stderr)")

        let whole = base.appendingPathComponent("batch")
        let batchReport = base.appendingPathComponent("batch.jsonl")
        let batch = try ProcessRunner.run(
            newsconv, ["batch", archive.path, "-t", "nitf", "-o", whole.path, "--quiet", "--report", batchReport.path],
            environment: environment)
        #expect(batch.status == job.status, "\(batch.stderr)")
        let batchFiles = try Fixtures.files(under: whole)
        #expect(batchFiles.count > 100)
        #expect(try Fixtures.files(under: spark) == batchFiles)

        // The same with SparkContext.binaryFiles listing and reading the folder, without a report.
        let rdd = base.appendingPathComponent("spark-rdd")
        let rddJob = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "samples/spark/convert_archive.py", archive.path, rdd.path, "--to", "nitf", "--newsconv", newsconv.path,
                "--master", "local[2]", "--rdd-binary-files",
            ], environment: environment, currentDirectory: Fixtures.packageRoot)
        #expect(rddJob.status == job.status, "\(rddJob.stderr)")
        #expect(try Fixtures.files(under: rdd) == batchFiles)

        // The reports agree on every document's status.
        func statuses(_ url: URL, key: (String) -> String) throws -> [String: String] {
            var result: [String: String] = [:]
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let path = object["path"] as? String, let status = object["status"] as? String
                else { continue }
                result[key(path)] = status
            }
            return result
        }
        let sparkStatuses = try statuses(report) { $0 }
        let batchStatuses = try statuses(batchReport) { String($0.dropFirst(archive.path.count + 1)) }
        #expect(sparkStatuses.count == count && sparkStatuses == batchStatuses)

        let sharded = base.appendingPathComponent("sharded")
        for index in 0..<3 {
            let shard = try ProcessRunner.run(
                newsconv, ["batch", archive.path, "-t", "nitf", "-o", sharded.path, "--quiet", "--shard", "\(index)/3"],
                environment: environment)
            #expect(shard.status == 0 || shard.status == 3, "\(shard.stderr)")
        }
        #expect(try Fixtures.files(under: sharded) == batchFiles)
    }
}

/// Whether Python can import pyspark here.
enum PySpark {
    static var available: Bool {
        (try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import pyspark"]))?.status == 0
    }
}
