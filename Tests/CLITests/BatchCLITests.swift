import Foundation
import TestSupport
import Testing

/// `newsconv batch` end to end: exit codes, the report, quiet output, Ctrl-C.
@Suite struct BatchCLITests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }

    /// A folder of `count` dispatches made from the wire samples, and a bad file.
    func makeSource(count: Int) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-batch-cli-\(UUID().uuidString)")
        let source = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("nested"), withIntermediateDirectories: true)
        let samples = Fixtures.files(in: Fixtures.samples.appendingPathComponent("wire"), extensions: ["txt"])
        for index in 0..<count {
            let sample = samples[index % samples.count]
            let folder = index % 2 == 0 ? source : source.appendingPathComponent("nested")
            try FileManager.default.copyItem(at: sample, to: folder.appendingPathComponent("\(index)-\(sample.lastPathComponent)"))
        }
        try Data([0, 1, 2, 3]).write(to: source.appendingPathComponent("bad.bin"))
        return root
    }

    /// A report that cannot be written (a full disk under `--report -`) is said with its reason,
    /// and the batch does not succeed; never a trap in FileHandle (issue 21).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aReportOnAFullDiskIsAFailureWithItsReason() throws {
        let root = try makeSource(count: 3)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "\"$0\" batch \"$1/in\" -t json -o \"$1/out\" --report - > /dev/full", newsconv.path, root.path])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("the report cannot be written (No space left on device) [batch.report.unwritable]"), "\(result.stderr)")
    }

    /// A zip output on a full disk (here a file-size limit: writes past it fail as they do on a
    /// full disk) was renamed into place corrupt over a good zip: it is never renamed unless whole,
    /// and the zip that was there is kept byte for byte, with no temporary file left (issue 21).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/bin/bash")))
    func aZipOutputOnAFullDiskNeverReplacesTheGoodOne() throws {
        let root = try makeSource(count: 40)
        defer { try? FileManager.default.removeItem(at: root) }
        let zip = root.appendingPathComponent("out.zip")
        let first = try ProcessRunner.run(
            newsconv, ["batch", root.appendingPathComponent("in").path, "-t", "json", "-o", zip.path, "--quiet"])
        #expect(first.status == 3, "\(first.stderr)")  // the bad file fails, the rest is written
        let good = try Data(contentsOf: zip)
        #expect(good.count > 8192)
        // SIGXFSZ ignored, as a full disk sends none: the write fails with an error instead.
        let full = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"),
            [
                "-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" batch \"$1/in\" -t json -o \"$1/out.zip\" --overwrite", newsconv.path,
                root.path,
            ])
        #expect(full.status == 1, "nothing was written: \(full.stderr)")
        #expect(full.stderr.contains("is not written") && full.stderr.contains("the existing zip is kept"), "\(full.stderr)")
        #expect(try Data(contentsOf: zip) == good)
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    /// A batch killed with SIGKILL left its zip's and report's temporary files for ever, though
    /// the docs said it leaves none: the next batch writing the same zip or report removes those
    /// of batches no longer running (their PID is in the name), never a running one's.
    @Test func theNextBatchRemovesWhatAKilledOneLeft() throws {
        let root = try makeSource(count: 3)
        defer { try? FileManager.default.removeItem(at: root) }
        // PID 1 runs (init): its temporaries are left alone. A PID past the system's limit never runs.
        let stale = [".out.zip.newsconv-2147483000-7.tmp", ".report.jsonl.newsconv-2147483000-8.tmp"]
        let running = ".out.zip.newsconv-1-9.tmp"
        for name in stale + [running] { try Data("partial".utf8).write(to: root.appendingPathComponent(name)) }
        let result = try ProcessRunner.run(
            newsconv,
            [
                "batch", root.appendingPathComponent("in").path, "-t", "json", "-o", root.appendingPathComponent("out.zip").path,
                "--report", root.appendingPathComponent("report.jsonl").path, "--quiet",
            ])
        #expect(result.status == 3, "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
        #expect(left == [running])
    }

    /// An input with several outputs whose second could not be written left its first, and
    /// `--skip-existing` then took the input as done and never completed it: an input's outputs
    /// are all there or none (the first written last, the earlier ones removed on a failure).
    @Test func anInputsOutputsAreAllThereOrNone() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-batch-cli-\(UUID().uuidString)")
        let source = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: Fixtures.samples.appendingPathComponent("newsml-g2/two-items-newsmessage.xml"),
            to: source.appendingPathComponent("message.xml"))
        let out = root.appendingPathComponent("out")
        // The second output's place is taken by a folder: that write fails.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("message-2.nitf"), withIntermediateDirectories: true)
        let blocked = try ProcessRunner.run(newsconv, ["batch", source.path, "-t", "nitf", "-o", out.path])
        #expect(blocked.status == 1, "\(blocked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("message-1.nitf").path), "no partial output")
        try FileManager.default.removeItem(at: out.appendingPathComponent("message-2.nitf"))
        let resumed = try ProcessRunner.run(newsconv, ["batch", source.path, "-t", "nitf", "-o", out.path, "--skip-existing"])
        #expect(resumed.status == 0 && resumed.stderr.contains("1 converted"), "\(resumed.stderr)")
        let clean = root.appendingPathComponent("clean")
        _ = try ProcessRunner.run(newsconv, ["batch", source.path, "-t", "nitf", "-o", clean.path])
        #expect(tree(out) == tree(clean) && tree(out).count == 2)
    }

    /// A read-only output folder, and a report in it: each input fails with the system's reason
    /// ("Permission denied"), the report says the same instead of "doesn't exist", and nothing
    /// is left (issue 21). The tests may run as root, whom no folder refuses: then the batch runs
    /// as `nobody` (setpriv).
    @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aReadOnlyOutputFolderGivesTheSystemsReason() throws {
        let root = try makeSource(count: 2)
        defer {
            chmod(root.appendingPathComponent("out").path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(chmod(out.path, 0o555) == 0)
        chmod(root.path, 0o755)
        let asUser = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        func batch(_ extra: [String]) throws -> ProcessResult {
            let command = asUser + [newsconv.path, "batch", root.appendingPathComponent("in").path, "-t", "json", "-o", out.path] + extra
            return try ProcessRunner.run(URL(fileURLWithPath: command[0]), Array(command.dropFirst()))
        }
        let outputs = try batch([])
        #expect(outputs.status == 1, "\(outputs.stderr)")
        #expect(outputs.stderr.contains("Permission denied") && outputs.stderr.contains("[batch.output.unwritable]"), "\(outputs.stderr)")
        let report = try batch(["--report", out.appendingPathComponent("report.jsonl").path])
        #expect(report.status != 0)
        #expect(report.stderr.contains("the report cannot be written (Permission denied)"), "\(report.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    /// Ctrl-C was ignored while a filter hung (it runs in a process group of its own, which the
    /// terminal's signal does not reach) and while `batch -` waited on its list: `convert` stops
    /// the filter and exits 130; `batch` exits 130 at once while it reads the list (issue 21).
    @Test func ctrlCIsNeverIgnored() throws {
        let root = try makeSource(count: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let marker = "newsconv-hanging-filter-\(UUID().uuidString)"
        let filter = root.appendingPathComponent(marker)
        try Data("#!/bin/sh\nsleep 60\n".utf8).write(to: filter)
        #expect(chmod(filter.path, 0o755) == 0)
        func interrupted(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = newsconv
            process.arguments = arguments
            let input = Pipe()  // never closed: `batch -` waits on it
            let errors = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            Thread.sleep(forTimeInterval: 1.5)
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self))
        }
        let source = root.appendingPathComponent("in").path
        let first = try #require(FileManager.default.contentsOfDirectory(atPath: source).first { $0.hasSuffix(".txt") })
        let (convert, _) = try interrupted(["convert", source + "/" + first, "-t", "json", "--filter", filter.path])
        #expect(convert == 130)
        // No process left whose command line names the filter (read from /proc, as pgrep would).
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let left = processes.filter { pid in
            pid.allSatisfy(\.isNumber)
                && (FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map {
                    String(decoding: $0, as: UTF8.self).contains(marker)
                } ?? false)
        }
        #expect(left.isEmpty, "the filter is stopped with the command")
        let (batch, said) = try interrupted(["batch", "-", "-t", "json", "-o", root.appendingPathComponent("out").path])
        #expect(batch == 130 && said.contains("interrupted while reading the list of inputs"), "\(said)")
    }

    /// A FIFO named in a `-` list hung the batch (it waited for a writer): it is that input's
    /// failure, and the other inputs are converted (issue 21).
    @Test func aFIFOInAListIsRefusedNotWaitedFor() throws {
        let root = try makeSource(count: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("in/pipe.txt")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let good = try #require(
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("in").path).first {
                $0.hasSuffix(".txt") && $0 != "pipe.txt"
            })
        let list = "in/\(good)\nin/pipe.txt\n"
        // Under `timeout`: the hang this was would stop at 60 s (status 124), not stall the suite.
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/timeout"), ["60", newsconv.path, "batch", "-", "-t", "json", "-o", "out"],
            stdin: Data(list.utf8), currentDirectory: root)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("in/pipe.txt: is not a regular file"), "\(result.stderr)")
        #expect(result.stderr.contains("2 inputs, 1 converted, 1 failed"), "\(result.stderr)")
    }

    /// Folders of symbolic links that fan out (each linking twice to the one below) reached one
    /// file by 2^n paths and converted it 2^n times: each folder is walked once (issue 21).
    @Test func linksThatFanOutAreWalkedOnce() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-fan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("d0"), withIntermediateDirectories: true)
        let sample = try #require(Fixtures.files(in: Fixtures.samples.appendingPathComponent("wire"), extensions: ["txt"]).first)
        try FileManager.default.copyItem(at: sample, to: root.appendingPathComponent("d0/a.txt"))
        for level in 1...16 {
            let folder = root.appendingPathComponent("d\(level)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["x", "y"] {
                try FileManager.default.createSymbolicLink(
                    atPath: folder.appendingPathComponent(name).path, withDestinationPath: "../d\(level - 1)")
            }
        }
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/timeout"), ["60", newsconv.path, "batch", "d16", "-t", "json", "-o", "out"],
            currentDirectory: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 input, 1 converted"), "\(result.stderr)")
    }

    func tree(_ root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath {
                result[String(url.path.dropFirst(root.path.count))] = data
            }
        }
        return result
    }

    @Test func exitCodeReportAndQuiet() throws {
        let root = try makeSource(count: 6)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ProcessRunner.run(
            newsconv,
            [
                "batch", root.appendingPathComponent("in").path, "-t", "json", "-o", root.appendingPathComponent("out").path, "--report",
                root.appendingPathComponent("r.jsonl").path, "--quiet",
            ])
        #expect(result.status == 3, "some inputs failed, others converted")
        #expect(result.stderr.isEmpty, "--quiet prints nothing: \(result.stderr)")
        let report = try String(contentsOf: root.appendingPathComponent("r.jsonl"), encoding: .utf8)
        #expect(report.split(separator: "\n").count == 8)
        #expect(report.contains("\"status\":\"failed\"") && report.contains("\"summary\""))
        // `--report -` streams it to standard output, and no file named '-' appears.
        let streamed = try ProcessRunner.run(
            newsconv,
            [
                "batch", root.appendingPathComponent("in").path, "-t", "json", "-o", root.appendingPathComponent("out-stream").path,
                "--report", "-", "--quiet",
            ],
            currentDirectory: root)
        #expect(
            streamed.status == 3 && streamed.stdoutText.split(separator: "\n").count == 8 && streamed.stdoutText.contains("\"summary\""))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("-").path))

        let loud = try ProcessRunner.run(
            newsconv, ["batch", root.appendingPathComponent("in").path, "-t", "json", "-o", root.appendingPathComponent("out2").path])
        #expect(loud.stderr.contains("bad.bin") && loud.stderr.contains("6 converted, 1 failed"), "\(loud.stderr)")

        let nothing = try ProcessRunner.run(
            newsconv,
            [
                "batch", root.appendingPathComponent("in").path, "-t", "json", "-o", root.appendingPathComponent("out-none").path,
                "--include", "*.nomatch",
            ])
        #expect(
            nothing.status == 0 && nothing.stderr.contains("0 inputs") && nothing.stderr.contains("the sources hold no input to convert"),
            "\(nothing.stderr)")

        let usage = try ProcessRunner.run(
            newsconv, ["batch", root.appendingPathComponent("missing").path, "-t", "json", "-o", root.appendingPathComponent("out3").path])
        #expect(usage.status == 2)
        let unknown = try ProcessRunner.run(
            newsconv, ["batch", root.appendingPathComponent("in").path, "-t", "pdf", "-o", root.appendingPathComponent("out4").path])
        #expect(unknown.status == 2)
    }

    /// A batch killed with SIGKILL (no handler runs) and run again with `--skip-existing` gives
    /// the outputs of a batch never interrupted; two batches writing into one folder at once
    /// leave every output whole and the same; the inputs are never modified (issue 21, item 4).
    @Test func aKilledBatchResumesAndTwoBatchesShareAFolder() throws {
        let root = try makeSource(count: 800)
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("in")
        let inputs = tree(source)
        let killed = root.appendingPathComponent("killed")
        let process = Process()
        process.executableURL = newsconv
        process.arguments = ["batch", source.path, "-t", "json", "-o", killed.path, "--jobs", "1", "--quiet"]
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        // Killed as soon as outputs appear: part-way through.
        while (try? FileManager.default.contentsOfDirectory(atPath: killed.path).isEmpty) ?? true, Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(tree(killed).count < 800, "killed part-way")
        #expect(!tree(killed).keys.contains { $0.contains(".tmp") }, "no temporary or half-written file")
        let resume = try ProcessRunner.run(newsconv, ["batch", source.path, "-t", "json", "-o", killed.path, "--skip-existing", "--quiet"])
        #expect(resume.status == 3, "\(resume.stderr)")  // bad.bin fails; everything else is there
        let whole = root.appendingPathComponent("whole")
        _ = try ProcessRunner.run(newsconv, ["batch", source.path, "-t", "json", "-o", whole.path, "--quiet"])
        #expect(tree(whole).count == 800)
        #expect(tree(killed) == tree(whole))

        // Two batches at once into one folder: each output is written by one of them, whole; the
        // other finds it there (`batch.output.exists`), never a mixed or half file.
        let shared = root.appendingPathComponent("shared")
        let batches = (0..<2).map { _ in
            let batch = Process()
            batch.executableURL = newsconv
            batch.arguments = ["batch", source.path, "-t", "json", "-o", shared.path, "--quiet"]
            batch.standardError = FileHandle.nullDevice
            return batch
        }
        for batch in batches { try batch.run() }
        for batch in batches { batch.waitUntilExit() }
        #expect(batches.allSatisfy { [1, 3].contains($0.terminationStatus) })
        #expect(tree(shared) == tree(whole))
        #expect(tree(source) == inputs, "the inputs are never modified")
    }

    /// Ctrl-C stops the batch with no half-written file; resuming with --skip-existing ends with
    /// the same outputs as a batch that was never interrupted.
    @Test func ctrlCThenResume() throws {
        let root = try makeSource(count: 1500)
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("in").path
        let interrupted = root.appendingPathComponent("interrupted")
        let process = Process()
        process.executableURL = newsconv
        process.arguments = ["batch", source, "-t", "json", "-o", interrupted.path, "--jobs", "1", "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // The output folder exists once the batch runs (its Ctrl-C handler is installed before):
        // wait for it, then interrupt part-way.
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: interrupted.path), Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.01)
        }
        Thread.sleep(forTimeInterval: 0.2)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130 || process.terminationStatus == 3, "interrupted (or, on a fast machine, finished)")
        let printed = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.isEmpty, "--quiet prints nothing, not even the Ctrl-C notice: \(printed)")
        #expect(!tree(interrupted).keys.contains { $0.contains(".tmp") }, "no temporary or half-written file")

        let resume = try ProcessRunner.run(newsconv, ["batch", source, "-t", "json", "-o", interrupted.path, "--skip-existing", "--quiet"])
        #expect(resume.status == 3, "\(resume.stderr)")
        let whole = root.appendingPathComponent("whole")
        _ = try ProcessRunner.run(newsconv, ["batch", source, "-t", "json", "-o", whole.path, "--quiet"])
        let resumed = tree(interrupted)
        #expect(resumed.count == 1500)
        #expect(resumed == tree(whole))
    }
}
