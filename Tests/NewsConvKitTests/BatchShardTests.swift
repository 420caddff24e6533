import Foundation
import NewsCore
import TestSupport
import Testing

@testable import NewsConvKit

/// `batch --shard K/N`: N workers cover the inputs exactly once, by a hash of the path alone.
@Suite struct BatchShardTests {
    @Test func shardsAreParsedFromTheArgumentOrTheEnvironment() throws {
        #expect(try BatchShard.parse("0/1") == BatchShard(index: 0, count: 1))
        #expect(try BatchShard.parse("2/3") == BatchShard(index: 2, count: 3))
        #expect(
            try BatchShard.parse("env:JOB_COMPLETION_INDEX/4", environment: ["JOB_COMPLETION_INDEX": "3"]) == BatchShard(index: 3, count: 4)
        )
        let bad: [(String, String)] = [
            ("3/3", "K must be a whole number from 0 to 2"), ("-1/3", "K must be a whole number from 0 to 2"),
            ("1", "--shard expects K/N"), ("1/0", "--shard expects K/N"), ("a/b", "--shard expects K/N"),
            ("env:/3", "--shard expects K/N"), ("env:NOPE/3", "the environment variable NOPE is not set"),
        ]
        for (text, message) in bad {
            #expect {
                _ = try BatchShard.parse(text, environment: [:])
            } throws: { error in
                guard case .usage(let said) = error as? NewsConvError else { return false }
                return said.contains(message)
            }
        }
    }

    /// FNV-1a's published values: the hash is the standard one, the same on every machine.
    @Test func theHashIsFNV1a() {
        #expect(BatchShard.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(BatchShard.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(BatchShard.hash("foobar") == 0x8594_4171_f739_67e8)
    }

    /// Every path of the samples and the corpus falls in exactly one shard, for N from 1 to 7,
    /// and the shards are near even.
    @Test func everyInputIsInExactlyOneShard() throws {
        var roots = [Fixtures.samples]
        if let shared = Fixtures.shared { roots.append(shared.appendingPathComponent("corpus")) }
        for root in roots {
            let paths = try relativePaths(under: root)
            #expect(paths.count > 20)
            for count in 1...7 {
                var sizes = Array(repeating: 0, count: count)
                for path in paths {
                    let taking = (0..<count).filter { BatchSelection(shard: BatchShard(index: $0, count: count)).accepts(path) }
                    #expect(taking.count == 1, "\(path) is in shards \(taking) of \(count)")
                    if let shard = taking.first { sizes[shard] += 1 }
                }
                if paths.count >= 100 * count {
                    #expect(sizes.allSatisfy { $0 > paths.count / count / 2 }, "uneven shards of \(root.lastPathComponent): \(sizes)")
                }
            }
        }
    }

    func relativePaths(under root: URL) throws -> [String] { Array(try Fixtures.files(under: root).keys) }

    /// Three shards of a folder, run as three batches into one output, give the whole batch's
    /// outputs; a tar of the same files, listed in another order, gives each shard the same inputs.
    @Test func threeShardsMakeTheWholeBatchAndListingOrderDoesNotMatter() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-shard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let source = try BatchTests.makeSource()
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let whole = base.appendingPathComponent("whole")
        _ = try BatchRunner(request: BatchRequest(sources: [source.path], to: "json", output: whole.path, now: now)).run()
        // The tar lists its entries in reverse order of the folder's.
        let listing = try relativePaths(under: source).sorted(by: >)
        let tar = base.appendingPathComponent("source.tar")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let made = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["tar", "cf", tar.path, "-C", source.path, "--no-recursion"] + listing)
        #expect(made.status == 0, "\(made.stderr)")
        let sharded = base.appendingPathComponent("sharded")
        var reported: [[String]] = []
        for index in 0..<3 {
            let shard = BatchSelection(shard: BatchShard(index: index, count: 3))
            let report = base.appendingPathComponent("report-\(index).jsonl")
            _ = try BatchRunner(
                request: BatchRequest(
                    sources: [source.path], to: "json", output: sharded.path, report: report.path, now: now, selection: shard)
            ).run()
            let alone = base.appendingPathComponent("folder-\(index)")
            _ = try BatchRunner(request: BatchRequest(sources: [source.path], to: "json", output: alone.path, now: now, selection: shard))
                .run()
            let fromTar = base.appendingPathComponent("tar-\(index)")
            _ = try BatchRunner(request: BatchRequest(sources: [tar.path], to: "json", output: fromTar.path, now: now, selection: shard))
                .run()
            // The same outputs by name (newsconv JSON names its source, which differs).
            let tarNames = Set(try BatchTests.files(under: fromTar).keys)
            let folderNames = Set(try BatchTests.files(under: alone).keys)
            #expect(!tarNames.isEmpty && tarNames == folderNames, "shard \(index)")
            let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
            #expect((summary["summary"] as? [String: Any])?["shard"] as? String == "\(index)/3")
            reported.append(
                lines.dropLast().compactMap { line in
                    ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["path"] as? String
                })
        }
        #expect(try BatchTests.files(under: sharded) == BatchTests.files(under: whole))
        // The three reports hold each input once: concatenated, they are the whole's report.
        let paths = reported.flatMap { $0 }
        #expect(paths.count == Set(paths).count, "an input in two shards")
        #expect(paths.count == BatchTests.good.count + BatchTests.bad.count)
    }
}
