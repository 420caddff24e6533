import Foundation

extension String {
    /// Whether the string's UTF-8 bytes begin with `prefix`'s: one comparison on the string's own
    /// storage (the generic `utf8.starts(with:)` steps through both sequences a byte at a time,
    /// which showed in batch profiles).
    package func hasUTF8Prefix(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        return utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count >= count && (count == 0 || memcmp(bytes.baseAddress!, prefix.utf8Start, count) == 0)
        } ?? utf8.starts(with: UnsafeBufferPointer(start: prefix.utf8Start, count: count))
    }

    /// The index of the first `byte` (an ASCII byte, so the index is a character boundary).
    package func firstUTF8Index(of byte: UInt8) -> Index? {
        let offset = utf8.withContiguousStorageIfAvailable { bytes -> Int in
            guard let base = bytes.baseAddress, let hit = memchr(base, Int32(byte), bytes.count) else { return -1 }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        guard let offset else { return utf8.firstIndex(of: byte) }
        return offset < 0 ? nil : utf8.index(utf8.startIndex, offsetBy: offset)
    }

    /// The index of the last `byte` (an ASCII byte, so the index is a character boundary).
    package func lastUTF8Index(of byte: UInt8) -> Index? {
        let offset = utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var index = bytes.count - 1
            while index >= 0, bytes[index] != byte { index -= 1 }
            return index
        }
        guard let offset else { return utf8.lastIndex(of: byte) }
        return offset < 0 ? nil : utf8.index(utf8.startIndex, offsetBy: offset)
    }
}
