import Foundation
import TestSupport
import Testing

/// `newsconv stream` end to end: records through a pipe, a reader that goes away, usage errors.
@Suite struct StreamCLITests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }

    func records(_ count: Int) throws -> Data {
        let text = try String(contentsOf: Fixtures.samples.appendingPathComponent("wire/efe-english-lima-port.txt"), encoding: .utf8)
        var input = Data()
        for index in 0..<count {
            input += try JSONSerialization.data(withJSONObject: ["id": "r\(index)", "name": "in/\(index).txt", "data": text])
            input.append(0x0A)
        }
        return input
    }

    @Test func recordsAreAnsweredInOrderWithSeveralJobs() throws {
        let result = try ProcessRunner.run(
            newsconv, ["stream", "-t", "newsml-g2", "--jobs", "3"], stdin: try records(200),
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.stderr)")
        let answers = result.stdoutText.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(answers.map { $0?["id"] as? String } == (0..<200).map { "r\($0)" })
        #expect(answers.allSatisfy { $0?["status"] as? String == "converted" })
        let names = answers.map { (($0?["outputs"] as? [[String: Any]])?.first?["name"]) as? String }
        #expect(names == (0..<200).map { "in/\($0).xml" })
    }

    /// A reader that goes away (`| head -n 1`) ends the stream quietly with SIGPIPE's status,
    /// however much input is still to come.
    @Test func aClosedOutputPipeEndsTheStreamQuietly() throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-stream-\(UUID().uuidString).jsonl")
        try records(2000).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"),
            ["-c", "\"$0\" stream -t nitf --jobs 2 < \"$1\" | head -n 1 > /dev/null; echo \"${PIPESTATUS[0]}\"", newsconv.path, input.path])
        #expect(result.stdoutText == "141\n", "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["stream", "-t", "nosuch"], ["stream", "--jobs", "0"], ["stream", "-t", "json", "--option", "x.y=1"]] {
            let result = try ProcessRunner.run(newsconv, arguments, stdin: Data())
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func batchShardComesFromTheEnvironment() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-shard-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var outputs: [Set<String>] = []
        for index in 0..<2 {
            let out = root.appendingPathComponent("out-\(index)")
            let result = try ProcessRunner.run(
                newsconv,
                [
                    "batch", Fixtures.samples.appendingPathComponent("wire").path, "-t", "json", "-o", out.path, "--shard", "env:INDEX/2",
                    "--quiet", "--exclude", "expected/*",
                ],
                environment: ["INDEX": "\(index)"])
            #expect(result.status == 0, "\(result.stderr)")
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: out.path)) ?? []
            outputs.append(Set(files.filter { $0.hasSuffix(".json") }))
        }
        let all = try FileManager.default.contentsOfDirectory(atPath: Fixtures.samples.appendingPathComponent("wire").path)
        #expect(outputs[0].isDisjoint(with: outputs[1]) && !outputs[0].isEmpty && !outputs[1].isEmpty, "\(outputs)")
        // Every dispatch falls to one of the two.
        #expect(outputs[0].count + outputs[1].count == all.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".iptc") }.count)
        let missing = try ProcessRunner.run(newsconv, ["batch", "x", "-t", "json", "-o", root.path, "--shard", "env:UNSET_INDEX/2"])
        #expect(missing.status == 2 && missing.stderr.contains("the environment variable UNSET_INDEX is not set"), "\(missing.stderr)")
    }
}
