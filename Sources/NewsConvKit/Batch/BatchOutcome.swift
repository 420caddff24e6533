import Foundation

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

    /// 0 everything converted (or skipped), 1 nothing converted and something failed, 3 some
    /// inputs failed and others converted, 130 interrupted.
    public var exitCode: Int32 {
        if interrupted { return 130 }
        if failed == 0 { return 0 }
        return converted == 0 ? 1 : 3
    }
}
