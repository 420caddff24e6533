import Foundation

/// The answers of `newsconv stream` between the threads that make them and the one that writes
/// them: answers arrive in any order and leave in the records' order, and no more than
/// `capacity` records are between being read and being written, so a slow record holds up
/// memory by at most that many.
final class AnswerWindow: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var reserved = 0
    private var ready: [Int: StreamRunner.Answer] = [:]
    private var nextToWrite = 0
    private var end: Int?
    private var stopped = false

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Waits for room for one more record; false once the writer has stopped.
    func reserve() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while reserved - nextToWrite >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        reserved += 1
        return true
    }

    /// The answer of record `sequence` (from 0).
    func deposit(_ sequence: Int, _ answer: StreamRunner.Answer) {
        condition.lock()
        ready[sequence] = answer
        condition.broadcast()
        condition.unlock()
    }

    /// No records after the first `count`.
    func finish(after count: Int) {
        condition.lock()
        end = count
        condition.broadcast()
        condition.unlock()
    }

    /// The next answer in order, waiting for it; nil after the last.
    func next() -> StreamRunner.Answer? {
        condition.lock()
        defer { condition.unlock() }
        while ready[nextToWrite] == nil {
            if let end, nextToWrite >= end { return nil }
            condition.wait()
        }
        let answer = ready.removeValue(forKey: nextToWrite)
        nextToWrite += 1
        condition.broadcast()
        return answer
    }

    /// The writer has stopped: records still to come are not converted.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }
}
