import Foundation
import Synchronization
import Testing

@testable import NewsConvKit

/// The queue between the batch's lister and its workers: every item is taken exactly once, in
/// order per consumer, whatever the bounds; an item costlier than the bound still passes.
@Suite struct WorkQueueTests {
    private func run(items: Int, consumers: Int, capacity: Int, maximumCost: Int, cost: @escaping @Sendable (Int) -> Int) -> [[Int]] {
        let queue = WorkQueue<Int>(capacity: capacity, maximumCost: maximumCost, cost: cost)
        let results = Mutex<[[Int]]>(Array(repeating: [], count: consumers))
        let group = DispatchGroup()
        for index in 0..<consumers {
            group.enter()
            Thread {
                var taken: [Int] = []
                while let item = queue.take() { taken.append(item) }
                results.withLock { $0[index] = taken }
                group.leave()
            }.start()
        }
        for item in 0..<items { queue.put(item) }
        queue.close()
        #expect(group.wait(timeout: .now() + 60) == .success, "the consumers did not finish")
        return results.withLock { $0 }
    }

    @Test(arguments: [(1, 1), (1, 8), (3, 4), (4, 64)])
    func everyItemOnce(consumers: Int, capacity: Int) {
        let results = run(items: 20_000, consumers: consumers, capacity: capacity, maximumCost: 1_000) { $0 % 7 == 0 ? 900 : $0 % 100 }
        #expect(results.flatMap { $0 }.sorted() == Array(0..<20_000))
        for taken in results { #expect(taken == taken.sorted()) }
    }

    @Test func anItemCostlierThanTheBoundPasses() {
        let results = run(items: 50, consumers: 2, capacity: 4, maximumCost: 10) { _ in 1_000 }
        #expect(results.flatMap { $0 }.sorted() == Array(0..<50))
    }
}
