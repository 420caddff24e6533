import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `newsconv serve` as a process: it prints where it listens, converts, and on SIGTERM lets the
/// request in flight finish before it exits 0.
@Suite(.highPriority) struct ServeCLITests {
    var newsconv: URL { Fixtures.productsDirectory.appendingPathComponent("newsconv") }

    /// Starts `newsconv serve --port 0 ...` and waits for its "listening on" line.
    func start(_ arguments: [String]) throws -> (Process, String, Pipe) {
        let process = Process()
        process.executableURL = newsconv
        process.arguments = ["serve", "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = Data()
        while !seen.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        let line = String(decoding: seen, as: UTF8.self)
        guard let range = line.range(of: "listening on ") else {
            process.terminate()
            throw CancellationError()
        }
        return (process, String(line[range.upperBound...].prefix { !$0.isNewline }), out)
    }

    func post(_ url: String, _ body: Data) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.httpBody = body
        // As long as the server may take (the SIGTERM test holds a request in flight).
        request.timeoutInterval = 600
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test func sigtermLetsTheRequestInFlightFinishThenExitsZero() async throws {
        // The filter waits for the test's go, so that the request is in flight when SIGTERM comes,
        // however loaded the machine.
        let (folder, slow) = try Fixtures.script("slow-filter", "while [ ! -e \"$0.go\" ]; do sleep 0.05; done\nexec cat")
        defer { try? FileManager.default.removeItem(at: folder) }

        // A long --timeout: under load the wait for the request to be seen in flight can pass the
        // default 10 s, and the request would be answered 504 before SIGTERM (seen in CI).
        let (process, base, _) = try start(["--allow-filter", slow.path, "--timeout", "600"])
        #expect(base.hasPrefix("http://127.0.0.1:"))
        let dispatch = try Data(contentsOf: Fixtures.samples.appendingPathComponent("wire/efe-english-lima-port.txt"))
        let (quick, _) = try await post("\(base)/v1/convert?to=nitf", dispatch)
        #expect(quick == 200)

        async let slowAnswer = post("\(base)/v1/convert?to=nitf&filter=\(slow.path)", dispatch)
        // SIGTERM only once the slow request is being converted (the server counts it in flight).
        var inFlight = false
        for _ in 0..<1200 where !inFlight {
            let (data, _) = try await URLSession.shared.data(from: URL(string: "\(base)/metrics")!)
            inFlight = String(decoding: data, as: UTF8.self).contains("newsconv_conversions_in_flight 1.0")
            if !inFlight { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(inFlight, "the slow request never arrived")
        kill(process.processIdentifier, SIGTERM)
        // The draining server lets it finish: the filter is told to go on only now.
        try await Task.sleep(for: .milliseconds(200))
        try Data().write(to: URL(fileURLWithPath: slow.path + ".go"))
        let (status, body) = try await slowAnswer
        #expect(status == 200 && String(decoding: body, as: UTF8.self).contains("<nitf"), "status \(status)")
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    /// Conversions run in worker processes (issue 17): one past its deadline is stopped and its
    /// slot freed at once (before, it ran on and the next request met 503); one whose worker
    /// crashes is answered 500 and the server goes on.
    @Test func aConversionPastItsDeadlineIsStoppedAndACrashSparesTheServer() async throws {
        let marker = "newsconv-worker-test-\(UUID().uuidString)"
        // Filters that wait for the test's go: past the deadline, and while the worker is killed.
        let wait = "while [ ! -e \"$0.go\" ]; do sleep 0.05; done\nexec cat"
        let (folder, slow) = try Fixtures.script(marker, wait)
        let (other, held) = try Fixtures.script(marker + "-held", wait)
        defer {
            // The filters the killed workers started would wait on: let them end.
            try? Data().write(to: URL(fileURLWithPath: slow.path + ".go"))
            try? Data().write(to: URL(fileURLWithPath: held.path + ".go"))
            usleep(200_000)
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: other)
        }
        let (process, base, _) = try start(["--allow-filter", slow.path, "--timeout", "2", "--max-in-flight", "1", "--idle-timeout", "1"])
        // The crash is met on a server whose deadline the test's wait cannot reach.
        let (lasting, lastingBase, _) = try start(["--allow-filter", held.path, "--timeout", "600", "--idle-timeout", "1"])
        defer {
            for server in [process, lasting] {
                server.terminate()
                server.waitUntilExit()
            }
        }
        let dispatch = try Data(contentsOf: Fixtures.samples.appendingPathComponent("wire/efe-english-lima-port.txt"))
        let (timedOut, body) = try await post("\(base)/v1/convert?to=nitf&filter=\(slow.path)", dispatch)
        #expect(timedOut == 504 && String(decoding: body, as: UTF8.self).contains("serve.timeout"))
        // The one slot is free again at once.
        let (next, _) = try await post("\(base)/v1/convert?to=nitf", dispatch)
        #expect(next == 200)

        // A worker that dies in the middle of a conversion (as a crash ends it): killed once its
        // filter runs.
        async let crashed = post("\(lastingBase)/v1/convert?to=nitf&filter=\(held.path)", dispatch)
        // However loaded the machine (a new worker starts first): up to a minute.
        for _ in 0..<1200 where Self.process(naming: [held.lastPathComponent, "nitf"]) == nil {
            try await Task.sleep(for: .milliseconds(50))
        }
        let worker = try #require(Self.process(naming: ["--conversion-worker", held.lastPathComponent]))
        kill(worker, SIGSEGV)
        let (status, answer) = try await crashed
        #expect(status == 500 && String(decoding: answer, as: UTF8.self).contains("serve.crashed"), "\(status)")
        let (after, _) = try await post("\(lastingBase)/v1/convert?to=nitf", dispatch)
        #expect(after == 200)
    }

    /// The pid of a process whose command line holds every one of `parts` (read from /proc).
    static func process(naming parts: [String]) -> pid_t? {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where entry.allSatisfy(\.isNumber) {
            guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            if parts.allSatisfy({ line.contains($0) }) { return pid_t(entry) }
        }
        return nil
    }

    @Test func badArgumentsAreUsageErrors() throws {
        for arguments in [["serve", "--port", "70000"], ["serve", "--allow-plugin", "nosuch"], ["serve", "--schemas", "/nonexistent"]] {
            let result = try ProcessRunner.run(newsconv, arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
    }

    /// A header block over `--max-header-bytes` is refused (400), and a connection that sends
    /// nothing, or half a request, is closed after `--idle-timeout`: a slow client cannot hold one.
    @Test func headerAndIdleLimitsHold() throws {
        let (process, base, _) = try start(["--max-header-bytes", "2048", "--idle-timeout", "1"])
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        let port = String(base.split(separator: ":").last ?? "")
        let probe = """
            import http.client, socket, sys, time
            port = int(sys.argv[1])
            c = http.client.HTTPConnection("127.0.0.1", port)
            c.request("POST", "/v1/convert?to=json", b"x", headers={"X-Big": "a" * 4000})
            print("big", c.getresponse().status)
            for name, first in (("idle", b""), ("half", b"POST /v1/convert HTTP/1.1\\r\\nHost: x\\r\\n")):
                s = socket.create_connection(("127.0.0.1", port))
                s.settimeout(10)
                s.sendall(first)
                start = time.time()
                data = s.recv(100)
                print(name, "closed" if data == b"" else "answered", "soon" if time.time() - start < 5 else "late")
            """
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", probe, port])
        #expect(result.stdoutText == "big 400\nidle closed soon\nhalf closed soon\n", "\(result.stdoutText)\(result.stderr)")
    }
}
