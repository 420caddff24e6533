import Foundation

/// A bounded queue between the thread that lists inputs and the workers: `put` waits while it is
/// full (so an archive is read only as fast as it is converted), `take` waits while it is empty
/// and returns nil once it is closed and drained. Waiters are woken on the transitions only (the
/// queue no longer empty; drained to half), so the lister refills in bursts instead of being
/// woken and put to sleep again for every input.
final class WorkQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func put(_ item: Element) {
        condition.lock()
        while items.count - head >= capacity { condition.wait() }
        items.append(item)
        if items.count - head == 1 { condition.broadcast() }
        condition.unlock()
    }

    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 1024 {
            items.removeFirst(head)
            head = 0
        }
        if items.count - head == capacity / 2 { condition.broadcast() }
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
