import Foundation

/// Where a batch is, for a progress display.
public struct BatchProgress: Sendable {
    /// Inputs finished (converted, failed or skipped).
    public var done: Int
    /// All inputs, when known before the end (not for a tar, which is read once).
    public var total: Int?
    public var failed: Int
    public var elapsed: TimeInterval

    public init(done: Int, total: Int?, failed: Int, elapsed: TimeInterval) {
        self.done = done
        self.total = total
        self.failed = failed
        self.elapsed = elapsed
    }

    public var filesPerSecond: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

    /// True once the batch has run a second: before, the rate is mostly start-up and says
    /// nothing about the time left.
    public var rateIsKnown: Bool { elapsed >= 1 }

    /// Seconds left at the current rate, when the total and the rate are known.
    public var eta: TimeInterval? {
        guard let total, rateIsKnown, filesPerSecond > 0 else { return nil }
        return Double(max(0, total - done)) / filesPerSecond
    }
}
