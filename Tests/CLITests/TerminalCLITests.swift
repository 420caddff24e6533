import Foundation
import TestSupport
import Testing

/// The terminal (issue 20, item 4): severities coloured on a terminal and never with NO_COLOR or
/// off one; the progress line cut to the terminal's width; counts in the singular when one.
/// A terminal comes from util-linux's `script`, which runs a command on a pseudo-terminal.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux's script"))
struct TerminalCLITests {
    var newsconv: String { Fixtures.productsDirectory.appendingPathComponent("newsconv").path }

    /// Runs a shell command line on a pseudo-terminal; what the terminal showed.
    func onTerminal(_ command: String, noColor: Bool = false) throws -> String {
        // Whatever NO_COLOR the test run itself has, the command gets the one the test asks for.
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/script"),
            ["-qec", (noColor ? "export NO_COLOR=1; " : "unset NO_COLOR; ") + command, "/dev/null"],
            currentDirectory: Fixtures.packageRoot)
        return result.stdoutText
    }

    @Test func severitiesAreColouredOnATerminalOnly() throws {
        let convert = "\(newsconv) convert samples/newsml-g2/economy-newsitem.xml -t nitf -o /dev/null"
        let coloured = try onTerminal(convert)
        #expect(coloured.contains("\u{1B}[1;33mwarning\u{1B}[0m: NITF has no element"), "\(coloured.debugDescription)")
        let noColor = try onTerminal(convert, noColor: true)
        #expect(!noColor.contains("\u{1B}[") && noColor.contains(": warning: NITF has no element"), "\(noColor.debugDescription)")
        let piped = try ProcessRunner.run(
            URL(fileURLWithPath: newsconv), ["convert", "samples/newsml-g2/economy-newsitem.xml", "-t", "nitf", "-o", "/dev/null"],
            currentDirectory: Fixtures.packageRoot)
        #expect(!piped.stderr.contains("\u{1B}[") && piped.stderr.contains(": warning: "))
    }

    @Test func theProgressLineFitsTheTerminal() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-terminal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let shown = try onTerminal("stty cols 40; \(newsconv) batch samples/wire -t json -o \(output.path) --exclude 'expected/*'")
        // Each redraw begins with a carriage return and an erase; none may be wider than 39 columns.
        let redraws = shown.components(separatedBy: "\r\u{1B}[2K").dropFirst().map { $0.prefix { $0 != "\r" && $0 != "\n" } }
            .filter { $0.hasPrefix("[") }
        #expect(!redraws.isEmpty, "\(shown.debugDescription)")
        #expect(redraws.allSatisfy { $0.count <= 39 }, "\(redraws)")
        #expect(!shown.contains("ETA 0s"))
    }

    @Test func oneIsSaidInTheSingular() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-one-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: newsconv), ["batch", "samples/wire/efe-english-lima-port.txt", "-t", "json", "-o", output.path],
            currentDirectory: Fixtures.packageRoot)
        #expect(result.stderr.contains("newsconv batch: 1 input, 1 converted, 0 failed, 0 skipped, 1 output in "), "\(result.stderr)")
    }
}
