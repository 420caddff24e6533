import Foundation

/// Where a batch is, for a progress display.
public struct BatchProgress: Sendable {
    /// Inputs finished (converted, failed or skipped).
    public var done: Int
    /// All inputs, when known before the end (not for a tar, which is read once).
    public var total: Int?
    public var failed: Int
    public var elapsed: TimeInterval

    public var filesPerSecond: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

    /// Seconds left at the current rate, when the total is known.
    public var eta: TimeInterval? {
        guard let total, filesPerSecond > 0 else { return nil }
        return Double(max(0, total - done)) / filesPerSecond
    }
}
