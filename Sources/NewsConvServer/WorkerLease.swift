import Foundation

/// The worker a request's conversion runs on, so that its deadline can kill it: set once the
/// worker is taken; a deadline that passes before kills it as soon as it is set.
final class WorkerLease: @unchecked Sendable {
    private let lock = NSLock()
    private var worker: ConversionWorker?
    private var expired = false

    func hold(_ worker: ConversionWorker) {
        let kill = lock.withLock {
            self.worker = worker
            return expired
        }
        if kill { worker.kill() }
    }

    /// The deadline passed: the worker (now or once taken) is killed.
    func expire() {
        let worker = lock.withLock {
            expired = true
            return self.worker
        }
        worker?.kill()
    }
}
