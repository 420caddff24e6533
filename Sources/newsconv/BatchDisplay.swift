import Foundation
import NewsConvKit
import NewsCore

/// What `newsconv batch` shows on standard error: on a terminal a progress bar redrawn in place
/// (done/total, files/s, ETA), otherwise a plain line every few seconds; each failed file as a
/// diagnostic line (the first few: the rest are counted in the summary); a summary at the end,
/// with the warnings and errors by code. Nothing with `--quiet`.
final class BatchDisplay: @unchecked Sendable {
    private let quiet: Bool
    private let terminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    /// A bar is drawn at once; plain lines (a log) start after their interval.
    private lazy var lastDraw = terminal ? Date.distantPast : Date()
    private var barShown = false
    /// Failures printed one by one; after these, only the summary by code counts them.
    static let failuresShown = 10
    private var failuresSeen = 0

    init(quiet: Bool) { self.quiet = quiet }

    func progress(_ progress: BatchProgress) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let interval: TimeInterval = terminal ? 0.1 : 5
        guard now.timeIntervalSince(lastDraw) >= interval || progress.done == progress.total else { return }
        lastDraw = now
        let line = Self.describe(progress)
        if terminal {
            let drawn = TerminalStyle.fitted(Self.bar(progress) + " " + line)
            try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[2K" + drawn).utf8))
            barShown = true
        } else {
            try? FileHandle.standardError.write(contentsOf: Data(("newsconv batch: " + line + "\n").utf8))
        }
    }

    static func describe(_ progress: BatchProgress) -> String {
        var text = progress.total.map { "\(progress.done)/\($0) \($0 == 1 ? "file" : "files")" } ?? Self.counted(progress.done, "file")
        if progress.rateIsKnown { text += String(format: ", %.0f files/s", progress.filesPerSecond) }
        if progress.failed > 0 { text += ", \(progress.failed) failed" }
        // The last line says what was done, not what is left.
        if progress.done != progress.total, let eta = progress.eta { text += ", ETA \(Self.duration(eta))" }
        return text
    }

    /// `1 input`, `2 inputs`.
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func bar(_ progress: BatchProgress) -> String {
        guard let total = progress.total, total > 0 else { return "[" + String(repeating: " ", count: 30) + "]" }
        let filled = min(30, progress.done * 30 / total)
        return "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "]"
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? "\(whole / 3600)h\(whole % 3600 / 60)m" : whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }

    func failure(_ diagnostic: Diagnostic) {
        guard !quiet else { return }
        // A failure of the batch itself (located at a source, the output or the report, with no
        // line) is always shown: it may be what undoes every conversion.
        if diagnostic.location.line == nil {
            message(TerminalStyle.line(diagnostic))
            return
        }
        lock.lock()
        failuresSeen += 1
        let seen = failuresSeen
        lock.unlock()
        if seen <= Self.failuresShown {
            message(TerminalStyle.line(diagnostic))
        } else if seen == Self.failuresShown + 1 {
            message("newsconv batch: more inputs fail; the summary at the end counts them by code (every one is in --report)")
        }
    }

    /// A line for the user (the Ctrl-C notice); nothing with `--quiet`.
    func notice(_ text: String) {
        guard !quiet else { return }
        message(text)
    }

    private func message(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if barShown {
            try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[2K".utf8))
            barShown = false
        }
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }

    func finish(_ outcome: BatchOutcome) {
        guard !quiet else { return }
        message(
            String(
                format: "newsconv batch: %@, %d converted, %d failed, %d skipped, %@ in %.1f s%@",
                Self.counted(outcome.inputs, "input"), outcome.converted, outcome.failed, outcome.skipped,
                Self.counted(outcome.outputs, "output"), outcome.seconds, outcome.interrupted ? " (interrupted)" : ""))
        let codes = outcome.codesByCount
        if !codes.isEmpty {
            message("newsconv batch: warnings and errors by code:")
            for (code, tally) in codes {
                message("  \(code): \(tally.count) \(tally.severity.rawValue)\(tally.count == 1 ? "" : "s") (first: \(tally.firstPath))")
            }
        }
        // Nothing to convert is worth saying: a mistyped pattern or folder looks like success.
        if outcome.inputs == 0, outcome.failed == 0, !outcome.interrupted {
            message("newsconv batch: the sources hold no input to convert (hidden files are skipped; see --include and --exclude)")
        }
    }
}
