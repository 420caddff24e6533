import Foundation

/// Byte searches on a string's or data's own storage (memchr, memcmp), each beside the plain
/// version it must agree with (`ByteLevelTests` compares them at every offset and length).
///
/// Why: `utf8.starts(with:)`, `firstIndex(of:)` and Foundation's `range(of:)` step a byte (or a
/// Character) at a time; detection and path handling run once per input of a batch
/// (BatchG2ToNITF, G2ToJSON).
public enum ByteSearch {
    /// Whether `text`'s UTF-8 begins with `prefix`'s.
    @inlinable
    public static func hasPrefix(_ text: String, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count >= count && (count == 0 || memcmp(bytes.baseAddress!, prefix.utf8Start, count) == 0)
        } ?? referenceHasPrefix(text, prefix)
    }

    /// ``hasPrefix(_:_:)``, plainly.
    public static func referenceHasPrefix(_ text: String, _ prefix: StaticString) -> Bool {
        text.utf8.starts(with: prefix.withUTF8Buffer { Array($0) })
    }

    /// The offset of the first `byte` in `text`'s UTF-8, by memchr.
    @inlinable
    public static func firstOffset(of byte: UInt8, in text: String) -> Int? {
        let offset = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            guard let base = bytes.baseAddress, let hit = memchr(base, Int32(byte), bytes.count) else { return -1 }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        guard let offset else { return referenceFirstOffset(of: byte, in: text) }
        return offset < 0 ? nil : offset
    }

    /// ``firstOffset(of:in:)``, plainly.
    public static func referenceFirstOffset(of byte: UInt8, in text: String) -> Int? {
        text.utf8.firstIndex(of: byte).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
    }

    /// The offset of the last `byte` in `text`'s UTF-8, on its storage.
    @inlinable
    public static func lastOffset(of byte: UInt8, in text: String) -> Int? {
        let offset = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var index = bytes.count - 1
            while index >= 0, bytes[index] != byte { index -= 1 }
            return index
        }
        guard let offset else { return referenceLastOffset(of: byte, in: text) }
        return offset < 0 ? nil : offset
    }

    /// ``lastOffset(of:in:)``, plainly.
    public static func referenceLastOffset(of byte: UInt8, in text: String) -> Int? {
        text.utf8.lastIndex(of: byte).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
    }

    /// Whether `data` holds `needle`'s UTF-8 bytes: memchr finds each candidate first byte,
    /// memcmp compares the rest.
    public static func contains(_ needle: String, in data: Data) -> Bool {
        var needle = needle
        return needle.withUTF8 { wanted in
            guard let first = wanted.first else { return true }
            return data.withUnsafeBytes { raw in
                let haystack = raw.bindMemory(to: UInt8.self)
                guard haystack.count >= wanted.count, let base = haystack.baseAddress else { return false }
                var start = 0
                let last = haystack.count - wanted.count
                while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, wanted.baseAddress!, wanted.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    /// How many times `data` holds `needle`'s UTF-8 bytes (overlapping or not), counting no
    /// further than `limit`: memchr finds each candidate first byte, memcmp compares the rest.
    public static func occurrences(of needle: String, in data: Data, upTo limit: Int) -> Int {
        var needle = needle
        return needle.withUTF8 { wanted in
            guard let first = wanted.first else { return 0 }
            return data.withUnsafeBytes { raw in
                let haystack = raw.bindMemory(to: UInt8.self)
                guard haystack.count >= wanted.count, let base = haystack.baseAddress else { return 0 }
                var count = 0
                var start = 0
                let last = haystack.count - wanted.count
                while count < limit, start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, wanted.baseAddress!, wanted.count) == 0 { count += 1 }
                    start = at + 1
                }
                return count
            }
        }
    }

    /// ``occurrences(of:in:upTo:)``, plainly.
    public static func referenceOccurrences(of needle: String, in data: Data, upTo limit: Int) -> Int {
        let wanted = Array(needle.utf8)
        let bytes = Array(data)
        guard !wanted.isEmpty, bytes.count >= wanted.count else { return 0 }
        let count = (0...(bytes.count - wanted.count)).filter { bytes[$0..<($0 + wanted.count)].elementsEqual(wanted) }.count
        return min(count, limit)
    }

    /// ``contains(_:in:)``, plainly.
    public static func referenceContains(_ needle: String, in data: Data) -> Bool {
        let wanted = Array(needle.utf8)
        guard !wanted.isEmpty else { return true }
        let bytes = Array(data)
        guard bytes.count >= wanted.count else { return false }
        return (0...(bytes.count - wanted.count)).contains { bytes[$0..<($0 + wanted.count)].elementsEqual(wanted) }
    }
}
