import Foundation

/// A bounded queue between the thread that lists inputs and the workers: `put` waits while it is
/// full (so an archive is read only as fast as it is converted), `take` waits while it is empty
/// and returns nil once it is closed and drained. It is bounded by a number of elements and by
/// their total cost (the bytes an archive entry carries). A waiting lister is woken only once the
/// queue has drained to half, so that it refills in bursts instead of being woken and put to
/// sleep again for every input; waiting workers are woken when there is work.
final class WorkQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private let capacity: Int
    private let maximumCost: Int
    private let cost: (Element) -> Int
    private var queuedCost = 0
    private var waitingProducers = 0
    private var waitingConsumers = 0

    init(capacity: Int, maximumCost: Int = .max, cost: @escaping (Element) -> Int = { _ in 0 }) {
        self.capacity = max(1, capacity)
        self.maximumCost = max(1, maximumCost)
        self.cost = cost
    }

    private var count: Int { items.count - head }

    func put(_ item: Element) {
        let itemCost = cost(item)
        condition.lock()
        // One element always fits, however costly, so that a large entry cannot stall the batch.
        while count >= capacity || (count > 0 && queuedCost + itemCost > maximumCost) {
            waitingProducers += 1
            condition.wait()
            waitingProducers -= 1
        }
        items.append(item)
        queuedCost += itemCost
        if waitingConsumers > 0 { condition.broadcast() }
        condition.unlock()
    }

    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed {
            waitingConsumers += 1
            condition.wait()
            waitingConsumers -= 1
        }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        queuedCost -= cost(item)
        if head > 1024 {
            items.removeFirst(head)
            head = 0
        }
        if waitingProducers > 0, count <= capacity / 2, queuedCost <= maximumCost / 2 { condition.broadcast() }
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
