import Foundation

/// The server's ``ConversionWorker`` processes: started when first needed, reused while they
/// live, replaced when one crashed or was killed past its deadline. At most one per conversion
/// slot is ever in use (``ConversionThreads`` bounds the conversions at once).
final class WorkerPool: @unchecked Sendable {
    let executable: String
    let arguments: [String]
    private let lock = NSLock()
    private var idle: [ConversionWorker] = []

    init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// An idle live worker, else a new one.
    func take() throws -> ConversionWorker {
        if let worker = lock.withLock({ idle.popLast() }), !worker.isEnded { return worker }
        return try ConversionWorker(executable: executable, arguments: arguments)
    }

    /// Gives back a worker after its conversion; an ended one is dropped (and reaped).
    func give(_ worker: ConversionWorker) {
        guard !worker.isEnded else { return }
        lock.withLock { idle.append(worker) }
    }
}
