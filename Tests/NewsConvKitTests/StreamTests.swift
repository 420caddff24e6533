import Foundation
import NewsCore
import Synchronization
import TestSupport
import Testing

@testable import NewsConvKit

/// `newsconv stream` through its engine: answers in the input's order whatever the number of
/// jobs, the same outputs as the one pipeline, bad and huge records answered `failed` without
/// ending the stream, bytes in and out as base64, bounded memory, a failed write that stops.
@Suite struct StreamTests {
    /// Runs a stream over `input`, fed `chunk` bytes at a time; the answers, parsed.
    static func run(
        _ input: Data, settings: ConversionSettings, jobs: Int = 1, chunk: Int = 4096, limit: Int = StreamRequest.defaultMaximumRecordBytes
    ) throws -> (answers: [[String: Any]], outcome: StreamOutcome) {
        let source = ChunkSource(input, chunk: chunk)
        var lines = Data()
        let runner = StreamRunner(request: StreamRequest(settings: settings, jobs: jobs, maximumRecordBytes: limit))
        let outcome = try runner.run(input: source.next) { lines.append($0) }
        let answers = try String(decoding: lines, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (answers, outcome)
    }

    /// Hands out a Data a chunk at a time.
    final class ChunkSource: @unchecked Sendable {
        let data: Data
        let chunk: Int
        var offset = 0
        init(_ data: Data, chunk: Int) {
            self.data = data
            self.chunk = chunk
        }
        func next() -> Data {
            let end = min(data.count, offset + chunk)
            defer { offset = end }
            return data.subdata(in: offset..<end)
        }
    }

    static func record(_ fields: [String: Any]) throws -> Data {
        var line = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        line.append(0x0A)
        return line
    }

    /// Every sample document of every reading format, as records.
    static func sampleRecords() throws -> [(name: String, data: Data)] {
        var records: [(String, Data)] = []
        for format in BuiltinFormats.modules where format.importer != nil {
            let folder = Fixtures.samples.appendingPathComponent(format.name)
            for url in Fixtures.files(in: folder, extensions: Set(format.fileExtensions)) {
                records.append(("\(format.name)/\(url.lastPathComponent)", try Data(contentsOf: url)))
            }
        }
        return records
    }

    @Test(arguments: [1, 4])
    func answersKeepTheInputOrderAndHoldWhatThePipelineMakes(jobs: Int) throws {
        let samples = try Self.sampleRecords()
        #expect(samples.count >= 20)
        var input = Data()
        for (index, sample) in samples.enumerated() {
            // Text as text, and every third document as bytes, as a Spark job sends them.
            if index % 3 == 0 {
                input += try Self.record(["id": index, "name": sample.name, "data_base64": sample.data.base64EncodedString()])
            } else if let text = String(data: sample.data, encoding: .utf8) {
                input += try Self.record(["id": "\(index)", "name": sample.name, "data": text])
            } else {
                input += try Self.record(["id": "\(index)", "name": sample.name, "data_base64": sample.data.base64EncodedString()])
            }
        }
        let settings = ConversionSettings(to: "newsml-g2", now: Date(timeIntervalSince1970: 1_700_000_000))
        let (answers, outcome) = try Self.run(input, settings: settings, jobs: jobs, chunk: 777)
        #expect(answers.count == samples.count)
        #expect(outcome.records == samples.count && outcome.outputFailure == nil)
        let pipeline = try Pipeline(settings)
        for (index, (answer, sample)) in zip(answers, samples).enumerated() {
            let id = index % 3 == 0 ? answer["id"] as? Int == index : answer["id"] as? String == "\(index)"
            #expect(id, "answer \(index) is for \(answer["id"] ?? "nothing")")
            let expected = pipeline.convert(SourceDocument(data: sample.data, path: sample.name, name: sample.name))
            #expect(answer["status"] as? String == (expected.failed ? "failed" : "converted"), "\(sample.name)")
            let outputs = answer["outputs"] as? [[String: Any]] ?? []
            #expect(outputs.map { $0["name"] as? String } == expected.outputs.map(\.name), "\(sample.name)")
            #expect(outputs.map { ($0["data"] as? String).map { Data($0.utf8) } } == expected.outputs.map(\.data), "\(sample.name)")
            let codes = (answer["diagnostics"] as? [[String: Any]] ?? []).map { $0["code"] as? String }
            #expect(codes == expected.diagnostics.map(\.code), "\(sample.name)")
        }
    }

    /// Each kind of bad line, pinned by its code and place; the stream goes on after each.
    @Test func badRecordsAreAnsweredFailedAndTheStreamGoesOn() throws {
        let good = try Self.record(["id": "good", "name": "d.txt", "data": "MADRID, 3 dic (EFE).- Un puerto abre hoy."])
        let bad: [(line: String, id: String?, code: String, column: Int)] = [
            ("not json", nil, "stream.record.invalid", 2),
            (#"["a list"]"#, nil, "stream.record.invalid", 1),
            (#"{"id":"n1","name":"a.xml"}"#, "n1", "stream.record.no-data", 1),
            (#"{"id":"n2","data":"x","data_base64":"eA=="}"#, "n2", "stream.record.two-data", 1),
            (#"{"id":"n3","data_base64":"not base64!"}"#, "n3", "stream.record.base64", 1),
            (#"{"id":"n4","dta":"x"}"#, "n4", "stream.record.invalid", 18),
            (#"{"id":{"a":1},"data":"x"}"#, nil, "stream.record.id", 1),
            (#"{"id":"n5","name":"e.xml","data":""}"#, "n5", "input.empty", 1),
            (#"{"id":"n6","name":"broken.xml","data":"<nitf><body>"}"#, "n6", "xml.parse.77", 13),
        ]
        var input = Data()
        for entry in bad { input += Data(entry.line.utf8) + Data([0x0A]) + good }
        let (answers, outcome) = try Self.run(input, settings: ConversionSettings(to: "json"), jobs: 2)
        #expect(answers.count == bad.count * 2)
        #expect(outcome.failed == bad.count && outcome.converted == bad.count)
        for (index, entry) in bad.enumerated() {
            let answer = answers[index * 2]
            #expect(answer["status"] as? String == "failed", "\(entry.line)")
            #expect(answer["id"] as? String == entry.id, "\(entry.line)")
            let diagnostic = (answer["diagnostics"] as? [[String: Any]])?.last
            #expect(diagnostic?["code"] as? String == entry.code, "\(entry.line): \(answer)")
            #expect(diagnostic?["severity"] as? String == "error")
            #expect(diagnostic?["column"] as? Int == entry.column, "\(entry.line): \(answer)")
            // A line that is not a record is located in the stream; a document's error in the document.
            if entry.code.hasPrefix("stream.") {
                #expect(diagnostic?["path"] as? String == "<stdin>" && diagnostic?["line"] as? Int == index * 2 + 1, "\(answer)")
            }
            #expect(answers[index * 2 + 1]["status"] as? String == "converted")
        }
    }

    @Test func blankLinesAreSkippedAndCRLFLinesAreRead() throws {
        let good = try Self.record(["id": 7, "name": "d.txt", "data": "MADRID, 3 dic (EFE).- Un puerto abre hoy."])
        var crlf = good.dropLast()
        crlf.append(contentsOf: [0x0D, 0x0A])
        let input = Data("\n \t\r\n".utf8) + crlf + Data(good.dropLast())
        let (answers, outcome) = try Self.run(input, settings: ConversionSettings(to: "json"))
        #expect(answers.map { $0["status"] as? String } == ["skipped", "skipped", "converted", "converted"])
        #expect(outcome.skipped == 2 && outcome.converted == 2)
    }

    /// Bytes that are not UTF-8 go in as `data_base64` and come out so: a Latin-1 dispatch to
    /// Latin-1 wire text, byte for byte what the pipeline writes.
    @Test func bytesGoInAndComeOutAsBase64() throws {
        let latin1 = try Data(contentsOf: Fixtures.samples.appendingPathComponent("wire/afp-latin1-crlf-strasbourg.txt"))
        #expect(String(data: latin1, encoding: .utf8) == nil)
        let settings = ConversionSettings(to: "wire", formatOptions: ["wire.encoding": "latin1"])
        let input = try Self.record(["id": "l1", "name": "afp.txt", "data_base64": latin1.base64EncodedString()])
        let (answers, _) = try Self.run(input, settings: settings)
        let output = try #require((answers.first?["outputs"] as? [[String: Any]])?.first)
        let expected = try Pipeline(settings).convert(SourceDocument(data: latin1, path: "afp.txt", name: "afp.txt"))
        #expect(output["data"] == nil)
        #expect((output["data_base64"] as? String).flatMap { Data(base64Encoded: $0) } == expected.outputs.first?.data)
    }

    /// A record over the limit is answered without being held: the reader counts it through in
    /// chunks and drops them.
    @Test func aRecordOverTheLimitIsFailedAndTheNextIsRead() throws {
        let good = try Self.record(["id": "g", "name": "d.txt", "data": "MADRID, 3 dic (EFE).- Un puerto abre hoy."])
        let huge = try Self.record(["id": "h", "name": "h.txt", "data": String(repeating: "word ", count: 200_000)])
        let (answers, _) = try Self.run(good + huge + good, settings: ConversionSettings(to: "json"), chunk: 1000, limit: 10_000)
        #expect(answers.map { $0["status"] as? String } == ["converted", "failed", "converted"])
        let diagnostic = (answers[1]["diagnostics"] as? [[String: Any]])?.first
        #expect(diagnostic?["code"] as? String == "stream.record.too-large" && diagnostic?["line"] as? Int == 2)
        #expect((diagnostic?["message"] as? String)?.contains("\(huge.count - 1) bytes") == true, "\(answers[1])")
    }

    /// Under `--strict`, a record that warns is failed and has no outputs; the options given
    /// reach the exporter.
    @Test func strictAndFormatOptionsApplyPerRecord() throws {
        let item = try String(contentsOf: Fixtures.samples.appendingPathComponent("newsml-g2/economy-newsitem.xml"), encoding: .utf8)
        let input = try Self.record(["id": 1, "name": "a.xml", "data": item])
        let strict = try Self.run(input, settings: ConversionSettings(to: "nitf", strict: true)).answers[0]
        let lenient = try Self.run(input, settings: ConversionSettings(to: "nitf")).answers[0]
        let warned = (lenient["diagnostics"] as? [[String: Any]] ?? []).contains { $0["severity"] as? String == "warning" }
        #expect(warned, "the sample must warn for this test to mean anything")
        #expect(strict["status"] as? String == "failed" && (strict["outputs"] as? [Any])?.isEmpty == true)
        #expect((strict["diagnostics"] as? [[String: Any]])?.last?["code"] as? String == "output.strict")
        #expect(throws: NewsConvError.self) {
            _ = try Self.run(input, settings: ConversionSettings(to: "nitf", formatOptions: ["nosuch.option": "1"]))
        }
    }

    /// A write that fails stops the run at once; the reader stops too, though the input never
    /// ends, and has read no more than the window of records.
    @Test func aFailedWriteStopsTheRunAndReadingStops() throws {
        let line = try Self.record(["id": "x", "name": "d.txt", "data": "MADRID, 3 dic (EFE).- Un puerto abre hoy."])
        let produced = Atomic<Int>(0)
        let runner = StreamRunner(request: StreamRequest(settings: ConversionSettings(to: "json"), jobs: 2))
        var written = 0
        let outcome = try runner.run(
            input: {
                produced.add(1, ordering: .relaxed)
                return line
            },
            write: { _ in
                written += 1
                if written == 3 { throw POSIXError(.EPIPE) }
                // A slow reader downstream: the records read may not run ahead of it.
                Thread.sleep(forTimeInterval: 0.05)
            })
        #expect(outcome.outputClosed && outcome.records == 2)
        // Wait for the reader to notice; it then reads nothing more.
        Thread.sleep(forTimeInterval: 0.2)
        let read = produced.load(ordering: .relaxed)
        #expect(read <= 2 * 2 + 2 + 3, "read \(read) records ahead of a writer that wrote 3")
        Thread.sleep(forTimeInterval: 0.2)
        #expect(produced.load(ordering: .relaxed) == read)
    }

    /// The line reader gives the same lines whatever the chunk boundaries.
    @Test func linesAreTheSameAtEveryChunkSize() throws {
        let text = Data("one\ntwo\r\n\n  three  \nlast without feed".utf8)
        let expected = ["one", "two\r", "", "  three  ", "last without feed"]
        for size in 1...text.count {
            let source = ChunkSource(text, chunk: size)
            let reader = StreamLineReader(limit: 1000, next: source.next)
            var lines: [String] = []
            while let line = try reader.line() { lines.append(String(decoding: line.bytes ?? Data(), as: UTF8.self)) }
            #expect(lines == expected, "chunk size \(size)")
        }
        let empty = StreamLineReader(limit: 10) { Data() }
        #expect(try empty.line() == nil)
        // Lines over the limit keep their length and number, never their bytes.
        let long = ChunkSource(Data("short\n\(String(repeating: "x", count: 50))\nok\n\(String(repeating: "y", count: 30))".utf8), chunk: 7)
        let reader = StreamLineReader(limit: 20, next: long.next)
        var seen: [(Int, Bool, Int)] = []
        while let line = try reader.line() { seen.append((line.number, line.bytes != nil, line.length)) }
        #expect(seen.map(\.0) == [1, 2, 3, 4] && seen.map(\.1) == [true, false, true, false] && seen.map(\.2) == [5, 50, 2, 30])
    }
}
