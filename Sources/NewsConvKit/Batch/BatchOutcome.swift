import Foundation
import NewsCore

/// How a batch ended.
public struct BatchOutcome: Sendable {
    public var inputs = 0
    public var converted = 0
    public var failed = 0
    public var skipped = 0
    /// Output files written.
    public var outputs = 0
    public var seconds: TimeInterval = 0
    /// Ctrl-C (or ``BatchRunner/cancel()``) stopped it before every input was done.
    public var interrupted = false
    /// The warnings and errors of the batch by code: how many, and the first input that had one.
    public var codes: [String: CodeTally] = [:]

    /// One diagnostic code's count in a batch.
    public struct CodeTally: Sendable, Equatable {
        public var severity: Diagnostic.Severity
        public var count: Int
        /// The first input (in the order inputs finished) with this code.
        public var firstPath: String
    }

    /// Counts the warnings and errors of one input.
    mutating func tally(_ diagnostics: [Diagnostic], path: String) {
        for diagnostic in diagnostics where diagnostic.severity >= .warning {
            if codes[diagnostic.code] == nil {
                codes[diagnostic.code] = CodeTally(severity: diagnostic.severity, count: 0, firstPath: path)
            }
            codes[diagnostic.code]!.count += 1
        }
    }

    /// The codes, most frequent first (then by code).
    public var codesByCount: [(code: String, tally: CodeTally)] {
        codes.map { ($0.key, $0.value) }.sorted { $0.1.count != $1.1.count ? $0.1.count > $1.1.count : $0.0 < $1.0 }
    }

    /// 0 everything converted (or skipped), 1 nothing converted and something failed, 3 some
    /// inputs failed and others converted, 130 interrupted.
    public var exitCode: Int32 {
        if interrupted { return 130 }
        if failed == 0 { return 0 }
        return converted == 0 ? 1 : 3
    }
}
