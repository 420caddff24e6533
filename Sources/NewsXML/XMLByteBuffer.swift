import Foundation

/// The bytes an ``XMLWriter`` writes: one growable buffer, appended to with a capacity check and
/// a copy, without an Array's per-call uniqueness and growth machinery (an article's XML is
/// written in thousands of small pieces). A writer copies it before writing when it is shared.
final class XMLByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        // malloc, not allocate(capacity:): Swift's allocator asks for alignment (posix_memalign),
        // which costs several times a plain malloc; bytes need none.
        guard let memory = malloc(self.capacity) else { fatalError("out of memory for \(self.capacity) bytes of XML") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

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
