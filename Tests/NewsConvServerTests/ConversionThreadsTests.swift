import Foundation
import TestSupport
import Testing

@testable import NewsConvServer

/// The conversion threads' slots: a slot is free again when its conversion ends, before the
/// answer goes out, so that a client sending its next request at once is never told 503 (seen
/// under load with keep-alive clients before the fix); a timed-out conversion keeps its slot
/// until it ends.
@Suite(.highPriority) struct ConversionThreadsTests {
    /// The suite's trait holds: its tests (and the servers they start) run at high priority, ahead
    /// of the corpus tests queued on the same threads.
    @Test func runsAtHighPriority() async {
        #expect(Task.currentPriority >= .high)
    }

    @Test func aSlotIsFreeWhenItsAnswerArrives() async {
        let threads = ConversionThreads(count: 1)
        for index in 0..<2_000 {
            let outcome = await threads.run(timeout: .seconds(10)) { index }
            guard case .done(let value) = outcome, value == index else {
                Issue.record("conversion \(index) answered \(outcome)")
                return
            }
            #expect(threads.busy == 0, "the slot of conversion \(index) was still taken when its answer arrived")
            if threads.busy != 0 { return }
        }
    }

    @Test func aTimedOutConversionKeepsItsSlotUntilItEnds() async throws {
        let threads = ConversionThreads(count: 1)
        // The conversion runs until the test lets it end: it times out whatever the machine's load.
        let gate = DispatchSemaphore(value: 0)
        let outcome = await threads.run(timeout: .milliseconds(50)) {
            gate.wait()
            return 1
        }
        guard case .timedOut = outcome else {
            Issue.record("expected a timeout, got \(outcome)")
            return
        }
        #expect(threads.busy == 1)
        guard case .saturated = await threads.run(timeout: .seconds(1), { 2 }) else {
            Issue.record("a second conversion found a slot while the first still ran")
            return
        }
        gate.signal()
        for _ in 0..<500 where threads.busy != 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(threads.busy == 0)
        guard case .done(2) = await threads.run(timeout: .seconds(10), { 2 }) else {
            Issue.record("the slot was not given back")
            return
        }
    }
}
