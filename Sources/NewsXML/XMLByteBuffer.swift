import Foundation

/// The bytes an ``XMLWriter`` writes: one growable buffer, appended to with a capacity check and
/// a copy, without an Array's per-call uniqueness and growth machinery (an article's XML is
/// written in thousands of small pieces). A writer copies it before writing when it is shared.
final class XMLByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        // The thread's spare block when it is large enough (a batch writes thousands of
        // documents of a similar size on each thread), else a new one: malloc, not
        // allocate(capacity:), whose aligned allocation (posix_memalign) costs several times more.
        if let spare = Self.spares.take(atLeast: capacity) {
            base = spare.base
            self.capacity = spare.capacity
            return
        }
        self.capacity = max(capacity, 64)
        guard let memory = malloc(self.capacity) else { fatalError("out of memory for \(self.capacity) bytes of XML") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit { Self.spares.give(base, capacity: capacity) }

    /// One spare block per thread.
    private static let spares = SpareBlocks()

    func copy() -> XMLByteBuffer {
        let copy = XMLByteBuffer(capacity: capacity)
        copy.append(base, count: count)
        return copy
    }

    /// The last byte, if any.
    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafePointer<UInt8>, count added: Int) {
        guard added > 0 else { return }
        if count + added > capacity { grow(to: count + added) }
        (base + count).update(from: bytes, count: added)
        count += added
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let start = bytes.baseAddress { append(start, count: bytes.count) }
    }

    @inline(__always)
    func appendLiteral(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
    }

    /// Drops the bytes from `offset` on.
    func truncate(to offset: Int) {
        precondition(offset >= 0 && offset <= count)
        count = offset
    }

    private func grow(to needed: Int) {
        var wanted = capacity * 2
        while wanted < needed { wanted *= 2 }
        guard let grown = realloc(base, wanted) else { fatalError("out of memory for \(wanted) bytes of XML") }
        base = grown.assumingMemoryBound(to: UInt8.self)
        capacity = wanted
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}

/// A block of bytes kept per thread for the next ``XMLByteBuffer`` (one at a time; a block larger
/// than 1 MiB, from a large document, is freed instead).
private final class SpareBlocks: @unchecked Sendable {
    private let key: pthread_key_t
    private static let largest = 1 << 20

    init() {
        var key = pthread_key_t()
        pthread_key_create(&key) { block in
            if let block { free(block) }
        }
        self.key = key
    }

    /// The thread's block, its capacity stored in its first word, when it holds `count` bytes
    /// and is not far larger (a small buffer does not take the block a document's output needs).
    func take(atLeast count: Int) -> (base: UnsafeMutablePointer<UInt8>, capacity: Int)? {
        guard let block = pthread_getspecific(key) else { return nil }
        let capacity = block.load(as: Int.self)
        guard capacity >= count, capacity <= max(count * 4, 1024) else { return nil }
        pthread_setspecific(key, nil)
        return (block.assumingMemoryBound(to: UInt8.self), capacity)
    }

    func give(_ base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        guard capacity <= Self.largest, capacity >= MemoryLayout<Int>.size else { return free(base) }
        if let held = pthread_getspecific(key) {
            // Keep the larger of the two.
            guard held.load(as: Int.self) < capacity else { return free(base) }
            free(held)
        }
        UnsafeMutableRawPointer(base).storeBytes(of: capacity, as: Int.self)
        pthread_setspecific(key, UnsafeMutableRawPointer(base))
    }
}
