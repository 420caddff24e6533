import Foundation

/// The threads conversions run on, off the server's event loops: a fixed number, each with the
/// deep stack a conversion may need (documents nest up to `ImportLimits.nestingDepth`), taking
/// work from one queue. A request waits for its conversion up to a deadline; past it the request
/// is answered (504) and the conversion is stopped: its worker process is killed, which ends the
/// thread's wait at once (in-process, without workers, it finishes on its thread and is dropped). `slots` counts conversions running or queued, so that a server whose threads
/// are all taken, by slow conversions too, says 503 instead of queueing without end.
final class ConversionThreads: @unchecked Sendable {
    private let condition = NSCondition()
    private var work: [@Sendable () -> Void] = []
    private var running = 0
    let capacity: Int

    init(count: Int) {
        capacity = max(1, count)
        for index in 0..<capacity {
            let thread = Thread { [self] in loop() }
            thread.name = "newsconv-conversion-\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while work.isEmpty { condition.wait() }
            let next = work.removeFirst()
            condition.unlock()
            next()
        }
    }

    /// Gives back a conversion's slot: when the conversion is done, before its answer is sent,
    /// so that a client sending its next request at once finds the slot free.
    private func release() {
        condition.lock()
        running -= 1
        condition.unlock()
    }

    /// Takes a slot for one conversion; false when every slot is taken.
    private func claim() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard running < capacity else { return false }
        running += 1
        return true
    }

    /// The number of conversions running or queued.
    var busy: Int {
        condition.lock()
        defer { condition.unlock() }
        return running
    }

    enum Outcome<T: Sendable>: Sendable {
        case done(T)
        case saturated
        case timedOut
    }

    /// Runs `body` on a conversion thread and waits for it, at most `timeout`. Past it, `stop`
    /// (when given) stops the conversion, as killing its worker process does, and the slot is
    /// given back at once; without it, the conversion runs on and keeps its slot until it ends.
    func run<T: Sendable>(timeout: Duration, stop: (@Sendable () -> Void)? = nil, _ body: @escaping @Sendable () -> T) async
        -> Outcome<T>
    {
        guard claim() else { return .saturated }
        let answered = Answered()
        return await withCheckedContinuation { (continuation: CheckedContinuation<Outcome<T>, Never>) in
            condition.lock()
            work.append { [self] in
                let result = body()
                if answered.claim() {
                    release()
                    continuation.resume(returning: .done(result))
                } else if stop == nil {
                    release()
                }
            }
            condition.signal()
            condition.unlock()
            let (seconds, attoseconds) = timeout.components
            let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
                guard answered.claim() else { return }
                if let stop {
                    stop()
                    release()
                }
                continuation.resume(returning: .timedOut)
            }
        }
    }

    /// Whoever comes first, the result or the deadline, answers; the other does nothing.
    private final class Answered: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        func claim() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if done { return false }
            done = true
            return true
        }
    }
}
